package de.amtsraum.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.booking.BookingSweeps;
import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.consultation.ConsultationException;
import de.amtsraum.privacy.ProcessingRestrictions;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.KafkaBroker;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Restriction and objection (Art. 18/21 GDPR, issue 8) against the real parts: an in-process Kafka
 * broker for the handover, the platform's mail capture for reminders. A restricted subject's case is
 * not handed over (staff are refused; a handover already under way is withheld, not sent), an
 * unrestricted one is; after lifting, the handover goes out; a restricted subject gets no reminder;
 * an objection is stored with its grounds sealed and restricts like a restriction.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class RightsRestrictionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "heilbronn";
    private static final String TOPIC = "amtsraum.heilbronn.case-handover.v1";
    private static final KafkaBroker kafka = KafkaBroker.onFreePort();

    @LocalServerPort
    int port;
    @Autowired
    ProcessingControls controls;
    @Autowired
    ProcessingRestrictions restrictions;
    @Autowired
    ConsultationCases cases;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    BookingSweeps sweeps;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    DataSubjects subjects;
    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeAll
    static void startBroker() {
        kafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @DynamicPropertySource
    static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("amtsraum.handover.delivery-timeout", () -> "PT3S");
    }

    @Test
    void aRestrictedSubjectsCaseIsNotHandedOverUntilTheRestrictionIsLifted() {
        String restrictedCase = caseWithNote();
        Person person = personOfCase(restrictedCase);
        controls.restrict(person, RequestChannel.SELF_SERVICE);
        assertThat(controls.status(person).restrictedSince()).isEqualTo(clock.instant());
        assertThat(restrictions.restricted(TENANT, person.anchorSubjectId())).isTrue();

        assertThatThrownBy(() -> cases.handOver(TENANT, restrictedCase))
                .isInstanceOfSatisfying(ConsultationException.class, refused -> assertThat(refused.problem())
                        .isEqualTo(ConsultationException.PROCESSING_RESTRICTED));
        assertThatThrownBy(() -> cases.addNote(TENANT, restrictedCase, "noch etwas", false))
                .isInstanceOf(ConsultationException.class);
        assertThatThrownBy(() -> cases.recordOutcome(TENANT, restrictedCase, "COMPLETED", null))
                .isInstanceOf(ConsultationException.class);
        assertThat(cases.get(TENANT, restrictedCase).status()).isEqualTo("OPEN");

        String freeCase = caseWithNote();
        cases.handOver(TENANT, freeCase);
        awaitRecord(freeCase);
        assertThat(keys()).as("the restricted case was not published").doesNotContain(restrictedCase);

        controls.restrict(person, RequestChannel.SELF_SERVICE);
        assertThat(restrictionRows(person)).as("idempotent: one row per subject").isEqualTo(1);
        controls.liftRestriction(person, RequestChannel.SELF_SERVICE);
        assertThat(controls.status(person).restrictedSince()).isNull();
        assertThat(restrictions.restricted(TENANT, person.anchorSubjectId())).isFalse();
        String handoverId = cases.handOver(TENANT, restrictedCase);
        assertThat(awaitRecord(restrictedCase).get("eventId").asText()).isEqualTo(handoverId);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?",
                Integer.class, "%ProcessingRestricted")).isGreaterThanOrEqualTo(1);
    }

    /** A restriction arriving while the handover waits for the publisher: the handover is withheld, recorded. */
    @Test
    void aHandoverUnderWayWhenTheRestrictionArrivesIsWithheldNotSent(CapturedOutput output) {
        String caseId = caseWithNote();
        Person person = personOfCase(caseId);
        EventProcessor publisher = processing.eventProcessor("handover-publisher").orElseThrow();
        String handoverId;
        publisher.shutDown();
        try {
            handoverId = cases.handOver(TENANT, caseId);
            controls.restrict(person, RequestChannel.LETTER);
        } finally {
            publisher.start();
        }
        String later = caseWithNote();
        cases.handOver(TENANT, later);
        awaitRecord(later);

        assertThat(keys()).doesNotContain(caseId);
        assertThat(jdbc.queryForObject("select count(*) from handover_withheld where handover_id = ? and case_id = ?",
                Integer.class, handoverId, caseId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_handover where handover_id = ?", Integer.class,
                handoverId)).isZero();
        assertThat(output.getAll()).contains("Handover " + handoverId + " of tenant heilbronn withheld")
                .doesNotContain(person.anchorSubjectId());
    }

    @Test
    void anObjectionIsStoredSealedAndRestricts() {
        String caseId = caseWithNote();
        Person person = personOfCase(caseId);
        String grounds = "Widerspruch-" + UUID.randomUUID();

        assertThatThrownBy(() -> controls.object(person, "   ", RequestChannel.SELF_SERVICE))
                .hasMessage("rights.controls.error.groundsMissing");
        assertThat(restrictions.restricted(TENANT, person.anchorSubjectId())).isFalse();

        controls.object(person, grounds, RequestChannel.SELF_SERVICE);

        assertThat(controls.status(person).objectedSince()).isEqualTo(clock.instant());
        assertThat(controls.status(person).restrictedSince()).isNull();
        assertThat(restrictions.restricted(TENANT, person.anchorSubjectId())).isTrue();
        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where payload_type like ?", String.class, "%ObjectionRecorded");
        assertThat(payloads).anySatisfy(p -> assertThat(p).contains(person.anchorSubjectId()));
        assertThat(payloads).noneSatisfy(p -> assertThat(p).contains(grounds));
        assertThatThrownBy(() -> cases.handOver(TENANT, caseId)).isInstanceOf(ConsultationException.class);

        controls.liftRestriction(person, RequestChannel.EMAIL);
        assertThat(controls.status(person).objectedSince()).isNull();
        assertThat(restrictions.restricted(TENANT, person.anchorSubjectId())).isFalse();
    }

    @Test
    void aRestrictedSubjectGetsNoReminder() {
        Api api = new Api(port);
        String restrictedMail = "eingeschraenkt-" + UUID.randomUUID() + "@example.org";
        String freeMail = "frei-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", "personalausweis-beantragen",
                clock.instant().plus(Duration.ofDays(3)), 2);
        String restrictedId = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "recklinghausen",
                BookingFixtures.recklinghausen("personalausweis-beantragen", slot.get("start").asText(), restrictedMail));
        BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "recklinghausen",
                BookingFixtures.recklinghausen("personalausweis-beantragen", slot.get("start").asText(), freeMail));
        String subject = jdbc.queryForObject("select subject_id from appointment where appointment_id = ?",
                String.class, restrictedId);
        controls.restrict(new Person("recklinghausen", subject, Set.of(subject)), RequestChannel.SELF_SERVICE);

        Instant start = OffsetDateTime.parse(slot.get("start").asText()).toInstant();
        clock.set(start.minus(Duration.ofHours(24)).plusSeconds(1));
        sweeps.sendReminders();

        assertThat(BookingFixtures.mailWithSubject(runtime.resolve("mail"), freeMail, "Erinnerung")).isPresent();
        assertThat(BookingFixtures.mailWithSubject(runtime.resolve("mail"), restrictedMail, "Erinnerung")).isEmpty();
    }

    /**
     * Erasure with Kafka in the picture (issue 8 acceptance): a citizen's booking opens a case whose
     * note marked for the specialist system is handed over through the broker; after the citizen's
     * erasure request no canary is in any record of the tenant's topic, the database dump, the data
     * directory or the log.
     */
    @Test
    void anErasedCitizenLeavesNoCanaryInKafkaTheDumpOrTheLog(CapturedOutput output) throws Exception {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String email = "kafkacanary" + mark + "@example.org";
        List<String> canaries = List.of(email, "Kafkaname" + mark, "Kafkaconcern " + mark, "Kafkanote " + mark);
        Api api = new Api(port);
        JsonNode slot = BookingFixtures.freeSlot(api, TENANT, "video-baurecht", clock.instant(), 1);
        var form = BookingFixtures.heilbronn("video-baurecht", slot.get("start").asText(), email);
        form.put("name", canaries.get(1)).put("concern", canaries.get(2));
        String appointmentId = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), TENANT, form);
        String caseId = de.amtsraum.shared.CaseIds.forAppointment(appointmentId);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> cases.get(TENANT, caseId) != null);
        cases.addNote(TENANT, caseId, canaries.get(3), true);
        cases.handOver(TENANT, caseId);
        awaitRecord(caseId);

        String bookingSubject = jdbc.queryForObject("select subject_id from appointment where appointment_id = ?",
                String.class, appointmentId);
        Person person = subjects.bySubject(TENANT, bookingSubject).orElseThrow();
        assertThat(person.subjectIds()).as("booking and case subject").hasSize(2);
        ErasureReceipt receipt = subjects.erase(person, RequestChannel.SELF_SERVICE);
        assertThat(receipt.erased()).isNotEmpty();
        assertThat(subjects.erase(person, RequestChannel.SELF_SERVICE).receiptId()).isEqualTo(receipt.receiptId());

        List<String> kafkaText = kafka.records(TOPIC).stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8) + " " + new String(r.value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(kafkaText).as("the case was handed over").anySatisfy(r -> assertThat(r).contains(caseId));
        for (String canary : canaries) {
            assertThat(kafkaText).as("Kafka records").noneSatisfy(r -> assertThat(r).contains(canary));
        }
        assertThat(de.amtsraum.support.Forensics.inDump(de.amtsraum.support.Forensics.dump(dataSource), canaries))
                .as("pg_dump").isEmpty();
        assertThat(de.amtsraum.support.Forensics.onDisk(runtime.resolve("postgres"), canaries)).as("data directory").isEmpty();
        for (String canary : canaries) {
            assertThat(output.getAll()).as("log").doesNotContain(canary);
        }
    }

    private String caseWithNote() {
        String caseId = cases.open(TENANT, null);
        cases.addNote(TENANT, caseId, "Notiz " + UUID.randomUUID(), true);
        return caseId;
    }

    private Person personOfCase(String caseId) {
        String subject = jdbc.queryForObject("select subject_id from consultation_case where case_id = ?",
                String.class, caseId);
        return new Person(TENANT, subject, Set.of(subject));
    }

    private int restrictionRows(Person person) {
        return jdbc.queryForObject("select count(*) from rights_restriction where subject_id = ? and kind = "
                + "'RESTRICTION' and lifted_at is null", Integer.class, person.anchorSubjectId());
    }

    private List<String> keys() {
        return kafka.records(TOPIC).stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    private JsonNode awaitRecord(String caseId) {
        ConsumerRecord<byte[], byte[]> record = await().atMost(Duration.ofSeconds(60))
                .until(() -> kafka.records(TOPIC).stream()
                        .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(caseId)).findFirst()
                        .orElse(null), r -> r != null);
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
