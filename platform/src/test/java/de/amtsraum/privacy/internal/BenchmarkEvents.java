package de.amtsraum.privacy.internal;

import static de.amtsraum.shared.privacy.DataKind.CONTACT_REQUEST;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;

/**
 * The events of the privacy benchmarks: eleven fields, three of them personal data of kind
 * {@code CONTACT_REQUEST} (Helbra's category {@code contact-request} covers it), plus a twin with
 * the same fields and no personal data, as the baseline of the replay.
 */
public final class BenchmarkEvents {

    static final String TENANT = "helbra";
    static final String AGGREGATE_TYPE = "BenchmarkCase";

    private BenchmarkEvents() {
    }

    /** A note on a case: 11 fields, 3 personal (name, e-mail, message). */
    @Revision("1")
    public record CaseNoted(
            String tenantId,
            @NotPersonal("random id") String caseId,
            @DataSubject String subjectId,
            @PersonalData(CONTACT_REQUEST) String lastName,
            @PersonalData(CONTACT_REQUEST) String email,
            @PersonalData(CONTACT_REQUEST) String message,
            @NotPersonal("service name") String topic,
            @NotPersonal("channel name") String channel,
            int attachments,
            boolean urgent,
            Instant notedAt) implements TenantScoped {
    }

    /** The same fields, none of them personal: what the replay costs without decryption. */
    @Revision("1")
    public record CaseNotedPlain(
            String tenantId,
            @NotPersonal("random id") String caseId,
            @NotPersonal("benchmark twin") String subjectId,
            @NotPersonal("benchmark twin") String lastName,
            @NotPersonal("benchmark twin") String email,
            @NotPersonal("benchmark twin") String message,
            @NotPersonal("service name") String topic,
            @NotPersonal("channel name") String channel,
            int attachments,
            boolean urgent,
            Instant notedAt) implements TenantScoped {
    }

    static final String MESSAGE = "Sehr geehrte Damen und Herren, ich bitte um einen Termin zur Verlängerung meines "
            + "Personalausweises. Am besten vormittags, gern auch kurzfristig. Vielen Dank und freundliche Grüße";

    static CaseNoted noted(String subjectId, int n) {
        return new CaseNoted(TENANT, "case-" + subjectId + "-" + n, subjectId, "Müller-Lüdenscheidt",
                "m.mueller-luedenscheidt@example.org", MESSAGE + " (" + n + ")", "Personalausweis", "web",
                n % 3, n % 7 == 0, Instant.parse("2026-11-24T09:15:30.123Z").plusSeconds(n));
    }

    static CaseNotedPlain notedPlain(String subjectId, int n) {
        CaseNoted e = noted(subjectId, n);
        return new CaseNotedPlain(e.tenantId(), e.caseId(), e.subjectId(), e.lastName(), e.email(), e.message(),
                e.topic(), e.channel(), e.attachments(), e.urgent(), e.notedAt());
    }

    static String aggregateOf(String subjectId) {
        return "case-of-" + subjectId;
    }

    /**
     * Stores {@code eventsPerSubject} events for each subject through the real event store (so
     * through the encrypting serializer), interleaved across subjects, 1,000 events per
     * transaction. Each subject's events form one aggregate's stream.
     */
    static void store(EventStore eventStore, TransactionManager transactions, List<String> subjects,
                      int eventsPerSubject, boolean personal) {
        int total = subjects.size() * eventsPerSubject;
        List<EventMessage<?>> batch = new ArrayList<>(1_000);
        long started = System.nanoTime();
        int stored = 0;
        for (int sequence = 0; sequence < eventsPerSubject; sequence++) {
            for (String subject : subjects) {
                Object payload = personal ? noted(subject, sequence) : notedPlain(subject, sequence);
                batch.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateOf(subject), sequence, payload));
                if (batch.size() == 1_000) {
                    stored += flush(eventStore, transactions, batch);
                    if (stored % 20_000 == 0) {
                        BenchmarkPlatform.log("stored %,d of %,d events", stored, total);
                    }
                }
            }
        }
        stored += flush(eventStore, transactions, batch);
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchmarkPlatform.log("stored %,d events (%d subjects x %,d) in %.1f s, %,.0f events/s (setup, not a figure)",
                stored, subjects.size(), eventsPerSubject, seconds, stored / seconds);
    }

    private static int flush(EventStore eventStore, TransactionManager transactions, List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<EventMessage<?>> events = List.copyOf(batch);
        transactions.executeInTransaction(() -> eventStore.publish(events));
        batch.clear();
        return events.size();
    }
}
