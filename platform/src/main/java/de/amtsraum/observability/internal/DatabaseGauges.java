package de.amtsraum.observability.internal;

import static de.amtsraum.readmodel.jooq.Tables.LEGAL_HOLD;
import static de.amtsraum.readmodel.jooq.Tables.RETENTION_DEADLINE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.observability.MetricGauges;
import de.amtsraum.shared.TenantScoped;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gauges computed from the database by a scheduled refresh ({@code amtsraum.observability.gauge-refresh}),
 * so a scrape reads numbers in memory and never queries. Three to four small queries per refresh:
 * <ul>
 * <li>{@code amtsraum.retention.deadlines.overdue{tenant}}: retention deadlines due more than one
 * retention interval ago, not done and not under a legal hold (they should have run: the runner is
 * stuck or failing);</li>
 * <li>{@code amtsraum.eventprocessor.lag{processor}}: per tracking/pooled processor of this
 * instance, the event store's head global index minus the lowest position of the processor's
 * segments in {@code token_entry} (events not yet handled);</li>
 * <li>{@code amtsraum.handover.pending{tenant}} and {@code amtsraum.handover.pending.oldest.age{tenant}}
 * (seconds): handovers recorded in the event store beyond the {@code handover-publisher} token, i.e.
 * not yet delivered to Kafka; only while the publisher runs on this instance (without it handovers
 * wait by design, ADR 0016).</li>
 * </ul>
 * Values are the same on every instance (they come from the shared database): aggregate with
 * {@code max()}, not {@code sum()}. Tenants seen once keep a series (0 when nothing is pending).
 */
class DatabaseGauges implements MetricGauges {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);
    static final String HANDOVER_PROCESSOR = "handover-publisher";
    private static final String HANDOVER_EVENT = "de.amtsraum.consultation.ConsultationCaseHandedOver";

    private final DSLContext db;
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retentionInterval;
    private final MultiGauge overdue;
    private final MultiGauge lag;
    private final MultiGauge pending;
    private final MultiGauge pendingAge;
    private final Set<String> overdueTenants = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingTenants = ConcurrentHashMap.newKeySet();

    DatabaseGauges(DSLContext db, EventProcessingConfiguration processing, Serializer serializer, ObjectMapper json,
            Clock clock, Duration retentionInterval, MeterRegistry meters) {
        this.db = db;
        this.processing = processing;
        this.serializer = serializer;
        this.json = json;
        this.clock = clock;
        this.retentionInterval = retentionInterval;
        this.overdue = MultiGauge.builder("amtsraum.retention.deadlines.overdue")
                .description("retention deadlines due more than one retention interval ago and not done (legal holds excluded)")
                .register(meters);
        this.lag = MultiGauge.builder("amtsraum.eventprocessor.lag")
                .description("events in the event store not yet handled by the processor (head minus token position)")
                .baseUnit("events").register(meters);
        this.pending = MultiGauge.builder("amtsraum.handover.pending")
                .description("handovers recorded but not yet delivered to Kafka").register(meters);
        this.pendingAge = MultiGauge.builder("amtsraum.handover.pending.oldest.age")
                .description("age of the oldest handover not yet delivered to Kafka").baseUnit("seconds").register(meters);
    }

    @Scheduled(initialDelayString = "PT5S",
            fixedDelayString = "${amtsraum.observability.gauge-refresh:PT30S}")
    void onSchedule() {
        try {
            refresh();
        } catch (RuntimeException failed) {
            // The gauges keep their last values; the next refresh tries again.
            log.warn("Metric gauges not refreshed: {}", failed.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void refresh() {
        refreshOverdue();
        long head = head();
        Map<String, Long> positions = refreshLag(head);
        refreshPending(positions);
    }

    private void refreshOverdue() {
        Instant cutoff = clock.instant().minus(retentionInterval);
        Map<String, Integer> counts = new TreeMap<>();
        for (Record row : db.select(RETENTION_DEADLINE.TENANT_ID, count()).from(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.DONE_AT.isNull(), RETENTION_DEADLINE.DUE_AT.lt(cutoff.atOffset(ZoneOffset.UTC)),
                        notExists(selectOne().from(LEGAL_HOLD).where(LEGAL_HOLD.TENANT_ID.eq(RETENTION_DEADLINE.TENANT_ID),
                                LEGAL_HOLD.SUBJECT_ID.eq(RETENTION_DEADLINE.SUBJECT_ID), LEGAL_HOLD.LIFTED_AT.isNull())))
                .groupBy(RETENTION_DEADLINE.TENANT_ID).fetch()) {
            counts.put(row.get(RETENTION_DEADLINE.TENANT_ID), row.get(1, Integer.class));
        }
        overdueTenants.addAll(counts.keySet());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String tenant : overdueTenants) {
            rows.add(MultiGauge.Row.of(Tags.of("tenant", tenant), counts.getOrDefault(tenant, 0)));
        }
        overdue.register(rows, true);
    }

    private long head() {
        Long head = db.fetchOne("select max(global_index) from domain_event_entry").get(0, Long.class);
        return head == null ? -1 : head;
    }

    /** The lowest position per processor of this instance that has tokens; published as lag. */
    private Map<String, Long> refreshLag(long head) {
        Set<String> streaming = new java.util.TreeSet<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                streaming.add(name);
            }
        });
        Map<String, Long> positions = new HashMap<>();
        if (!streaming.isEmpty()) {
            for (Record row : db.fetch("select processor_name, token, token_type from token_entry where processor_name = any(?)",
                    (Object) streaming.toArray(String[]::new))) {
                String name = row.get(0, String.class);
                long position = position(row.get(1, byte[].class), row.get(2, String.class));
                positions.merge(name, position, Math::min);
            }
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String name : streaming) {
            long position = positions.getOrDefault(name, -1L);
            rows.add(MultiGauge.Row.of(Tags.of("processor", name), Math.max(0, head - position)));
        }
        lag.register(rows, true);
        return positions;
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    private void refreshPending(Map<String, Long> positions) {
        if (!processing.eventProcessor(HANDOVER_PROCESSOR).isPresent()) {
            pending.register(List.of(), true);
            pendingAge.register(List.of(), true);
            return;
        }
        long after = positions.getOrDefault(HANDOVER_PROCESSOR, -1L);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Instant> oldest = new HashMap<>();
        for (Record row : db.fetch("select meta_data, time_stamp from domain_event_entry "
                + "where global_index > ? and payload_type = ? order by global_index", after, HANDOVER_EVENT)) {
            String tenant = tenant(row.get(0, byte[].class));
            counts.merge(tenant, 1, Integer::sum);
            Instant at = instant(row.get(1, String.class));
            if (at != null) {
                oldest.merge(tenant, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        pendingTenants.addAll(counts.keySet());
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        for (String tenant : pendingTenants) {
            countRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant), counts.getOrDefault(tenant, 0)));
            Instant first = oldest.get(tenant);
            double age = first == null ? 0 : Math.max(0, Duration.between(first, now).toMillis() / 1000.0);
            ageRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant), age));
        }
        pending.register(countRows, true);
        pendingAge.register(ageRows, true);
    }

    private String tenant(byte[] metaData) {
        if (metaData != null) {
            try {
                JsonNode tenant = json.readTree(metaData).get(TenantScoped.METADATA_KEY);
                if (tenant != null && tenant.isTextual() && de.amtsraum.shared.TenantId.isValid(tenant.asText())) {
                    return tenant.asText();
                }
            } catch (java.io.IOException unreadable) {
                // counted under "unknown" below
            }
        }
        return "unknown";
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException unparsable) {
            return null;
        }
    }
}
