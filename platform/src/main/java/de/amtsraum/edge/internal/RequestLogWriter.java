package de.amtsraum.edge.internal;

import static de.amtsraum.readmodel.jooq.Tables.REQUEST_LOG;

import de.amtsraum.edge.RequestLogs;
import de.amtsraum.readmodel.jooq.tables.records.RequestLogRecord;
import de.amtsraum.shared.TenantRowSecurity;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantSummary;
import de.amtsraum.tenancy.manifest.RetentionRule;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionAction;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import de.amtsraum.tenancy.manifest.TenantManifest;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Writes queued request records in batches and applies log retention. Logs counts only.
 *
 * <p>Tenant: the path's tenant if the directory knows it, else the platform bucket (null), so an
 * arbitrary first path segment is never stored. A tenant whose manifest has no category covering
 * {@code ACCESS_LOG} has declared no processing of log data: its records are kept without IP and
 * user agent.
 *
 * <p>Retention: the {@code COLLECTED} rules of that category. {@code SHRED} deletes rows collected
 * {@code after} ago or earlier; {@code ANONYMISE} clears ip, browser and os and keeps the row (time,
 * route, status, duration: no personal data). No such rule, and the platform bucket: deleted after
 * {@code amtsraum.edge.request-log.platform-retention}.
 */
final class RequestLogWriter implements RequestLogs {

    private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
    private static final int BATCH = 1_000;

    private final RequestLogBuffer buffer;
    private final RouteTemplates routes;
    private final TenantDirectory tenants;
    private final DSLContext db;
    private final Clock clock;
    private final RequestLogProperties properties;

    RequestLogWriter(RequestLogBuffer buffer, RouteTemplates routes, TenantDirectory tenants, DSLContext db,
                     Clock clock, RequestLogProperties properties) {
        this.buffer = buffer;
        this.routes = routes;
        this.tenants = tenants;
        this.db = db;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public synchronized int flush() {
        long dropped = buffer.takeDropped();
        if (dropped > 0) {
            log.warn("Request log: {} record(s) dropped, buffer full", dropped);
        }
        int written = 0;
        Map<String, Optional<TenantManifest>> manifests = new HashMap<>();
        for (List<RequestLogBuffer.Entry> batch = buffer.drain(BATCH); !batch.isEmpty(); batch = buffer.drain(BATCH)) {
            Map<String, List<RequestLogRecord>> byTenant = new LinkedHashMap<>();
            for (RequestLogBuffer.Entry entry : batch) {
                RequestLogRecord row = row(entry, manifests);
                byTenant.computeIfAbsent(row.getTenantId() == null ? "" : row.getTenantId(), t -> new ArrayList<>()).add(row);
            }
            for (Map.Entry<String, List<RequestLogRecord>> group : byTenant.entrySet()) {
                try {
                    // One transaction per tenant with the tenant bound: what row-level security needs.
                    db.transaction(tx -> {
                        if (!group.getKey().isEmpty()) {
                            TenantRowSecurity.bind(tx.dsl(), group.getKey());
                        }
                        tx.dsl().batchInsert(group.getValue()).execute();
                    });
                    written += group.getValue().size();
                } catch (RuntimeException failed) {
                    // Type only: a message could quote values. The records are lost; requests are unaffected.
                    log.error("Request log: {} record(s) not written: {}", group.getValue().size(),
                            failed.getClass().getName());
                }
            }
        }
        return written;
    }

    private RequestLogRecord row(RequestLogBuffer.Entry entry, Map<String, Optional<TenantManifest>> manifests) {
        String candidate = RouteTemplates.tenantCandidate(entry.path());
        Optional<TenantManifest> manifest = candidate == null ? Optional.empty()
                : manifests.computeIfAbsent(candidate, tenants::manifest);
        boolean declared = manifest.isEmpty() || manifest.get().categoryFor(DataKind.ACCESS_LOG).isPresent();
        RequestLogRecord row = db.newRecord(REQUEST_LOG);
        row.setTenantId(manifest.map(TenantManifest::id).orElse(null));
        row.setAt(entry.at().atOffset(ZoneOffset.UTC));
        row.setMethod(entry.method().length() <= 10 ? entry.method() : "OTHER");
        row.setPathTemplate(routes.template(entry.path(), entry.route()));
        row.setStatus((short) entry.status());
        row.setDurationMs(entry.durationMs());
        row.setIp(declared ? entry.ip() : null);
        row.setBrowser(declared ? entry.browser() : null);
        row.setOs(declared ? entry.os() : null);
        return row;
    }

    @Override
    public synchronized Purge purge() {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        int deleted = 0;
        int anonymised = 0;
        List<String> known = new ArrayList<>();
        for (TenantSummary summary : tenants.list()) {
            Optional<TenantManifest> found = tenants.manifest(summary.id());
            if (found.isEmpty()) {
                continue;
            }
            TenantManifest manifest = found.get();
            known.add(manifest.id());
            ZonedDateTime local = now.withZoneSameInstant(manifest.timeZone());
            List<RetentionRule> rules = manifest.categoryFor(DataKind.ACCESS_LOG)
                    .map(category -> category.retention().stream()
                            .filter(rule -> rule.trigger() == RetentionTrigger.COLLECTED).toList())
                    .orElse(List.of());
            Condition tenant = REQUEST_LOG.TENANT_ID.eq(manifest.id());
            Optional<OffsetDateTime> shred = rules.isEmpty()
                    ? Optional.of(now.minus(properties.platformRetention()).toOffsetDateTime())
                    : latestCutoff(rules, RetentionAction.SHRED, local);
            Optional<OffsetDateTime> anonymise = latestCutoff(rules, RetentionAction.ANONYMISE, local);
            // Each tenant in a transaction of its own with the tenant bound (row-level security).
            int[] counts = db.transactionResult(tx -> {
                DSLContext dsl = tx.dsl();
                TenantRowSecurity.bind(dsl, manifest.id());
                int gone = shred.map(cutoff -> deleteUpTo(dsl, tenant, cutoff)).orElse(0);
                int stripped = anonymise.map(cutoff -> dsl.update(REQUEST_LOG)
                        .setNull(REQUEST_LOG.IP).setNull(REQUEST_LOG.BROWSER).setNull(REQUEST_LOG.OS)
                        .where(tenant).and(REQUEST_LOG.AT.le(cutoff))
                        .and(REQUEST_LOG.IP.isNotNull().or(REQUEST_LOG.BROWSER.isNotNull()).or(REQUEST_LOG.OS.isNotNull()))
                        .execute()).orElse(0);
                return new int[] {gone, stripped};
            });
            deleted += counts[0];
            anonymised += counts[1];
        }
        // Platform bucket, and tenants no longer in the directory. Under row-level security this is the
        // one statement that needs the maintenance role (ADR 0012).
        Condition platform = known.isEmpty() ? DSL.trueCondition()
                : REQUEST_LOG.TENANT_ID.isNull().or(REQUEST_LOG.TENANT_ID.notIn(known));
        deleted += deleteUpTo(db, platform, now.minus(properties.platformRetention()).toOffsetDateTime());
        if (deleted > 0 || anonymised > 0) {
            log.info("Request log retention: {} row(s) deleted, {} anonymised", deleted, anonymised);
        }
        return new Purge(deleted, anonymised);
    }

    /** The cut-off of the rule with this action that erases most: the shortest period. */
    private static Optional<OffsetDateTime> latestCutoff(List<RetentionRule> rules, RetentionAction action,
                                                         ZonedDateTime now) {
        return rules.stream().filter(rule -> rule.action() == action)
                .map(rule -> rule.after().subtractFrom(now).toOffsetDateTime())
                .max(OffsetDateTime::compareTo);
    }

    private static int deleteUpTo(DSLContext db, Condition which, OffsetDateTime cutoff) {
        return db.deleteFrom(REQUEST_LOG).where(which).and(REQUEST_LOG.AT.le(cutoff)).execute();
    }

    @Scheduled(fixedDelayString = "${amtsraum.edge.request-log.flush-interval:PT2S}")
    void scheduledFlush() {
        flush();
    }

    @Scheduled(fixedDelayString = "${amtsraum.edge.request-log.purge-interval:PT15M}",
            initialDelayString = "PT30S")
    void scheduledPurge() {
        try {
            purge();
        } catch (RuntimeException failed) {
            log.error("Request log retention failed: {}", failed.getClass().getName());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        try {
            flush();
        } catch (RuntimeException ignored) {
            // the database may already be gone
        }
    }
}
