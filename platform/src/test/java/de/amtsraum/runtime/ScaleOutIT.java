package de.amtsraum.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RightsRequestReminderSent;
import de.amtsraum.rights.RightsRequests;
import de.amtsraum.rights.RightsRequests.Reminder;
import de.amtsraum.support.BookingFixtures;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.support.KafkaBroker;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two platform instances on one PostgreSQL and one Kafka broker (issue 9, ADR 0027), sharing the
 * data directory (KEK files, secrets): instance "worker" runs in a JVM of its own and is started
 * first, so it holds the handover publisher's claim; instance "survivor" runs in this JVM.
 *
 * <ol>
 * <li>Both running: many retention deadlines fall due at once and both instances run them (worker
 * on its schedule, survivor on its schedule and from two more threads of this test): each deadline
 * is executed exactly once — one {@code PersonalDataShredded} per deadline, none left open. Many
 * handovers are published once each: one record per handover on the topic. Rights requests whose
 * DUE_SOON or OVERDUE reminder is due are swept by both instances at once: one reminder event and
 * one mail each.</li>
 * <li>Kill: another batch of deadlines is due for the worker only (the survivor's clock is before
 * them) and another batch of handovers waits; once the worker has done some of both it is killed
 * with SIGKILL. The survivor's clock moves on; it runs every remaining deadline (still exactly one
 * shred each) and takes over the publisher's claim once the claim timed out and delivers every
 * remaining handover. A handover the worker sent but could not commit is sent again: at most one
 * (one segment, one event per transaction), and its copies carry the same event id and the same
 * one-time reference, which is how the receiver recognises it (docs/handover.md).</li>
 * </ol>
 *
 * <p>Take-over times are printed (lines starting with {@code SCALEOUT}) and written to
 * {@code target/scaleout-figures.txt}; they are measured, not asserted.
 */
class ScaleOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant COLLECTED = Instant.parse("2026-03-02T09:00:00Z");
    /** Leer keeps booking contact data 7 days after collection. */
    private static final Instant DUE = COLLECTED.plus(Duration.ofDays(8));
    private static final String RETENTION_TENANT = "leer";
    private static final String HANDOVER_TENANT = "heilbronn";
    private static final String TOPIC = "amtsraum.heilbronn.case-handover.v1";
    private static final int SHARED_DEADLINES = 300;
    private static final int SHARED_HANDOVERS = 60;
    private static final int KILL_DEADLINES = 1000;
    private static final int KILL_HANDOVERS = 400;
    private static final int RIGHTS_REQUESTS = 20;

    private final List<String> figures = new ArrayList<>();

    @Test
    void twoInstancesShareDeadlinesAndHandoverExactlyOnceAndTheSurvivorFinishesAfterAKill() throws Exception {
        Path dataDir = TemporaryDataDirectory.create();
        Path work = Files.createTempDirectory("amtsraum-scaleout");
        Process worker = null;
        // Not the common pool: on two cores it runs one task at a time.
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start(); KafkaBroker kafka = KafkaBroker.onFreePort()) {
            kafka.start();
            new JdbcTemplate(server.getPostgresDatabase()).execute("create database amtsraum_scaleout");
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("amtsraum.data-dir", dataDir.toString());
            settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/amtsraum_scaleout");
            settings.put("spring.datasource.username", "postgres");
            settings.put("spring.datasource.password", "postgres");
            settings.put("spring.datasource.hikari.maximum-pool-size", "10");
            settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            settings.put("amtsraum.handover.delivery-timeout", "PT5S");
            settings.put("amtsraum.public-url", "https://amtsraum.example.de");
            settings.put("amtsraum.privacy.retention-interval", "PT1S");
            settings.put("amtsraum.rights.sweep-interval", "PT1S");
            settings.put("amtsraum.test.clock", DUE.toString());
            // The worker runs in another working directory (see startWorker).
            settings.put("amtsraum.tenants.directory", Path.of("..", "tenants").toAbsolutePath().normalize().toString());
            JdbcTemplate db = new JdbcTemplate(server.getDatabase("postgres", "amtsraum_scaleout"));

            Instant startedAt = Instant.now();
            worker = startWorker(settings, work);
            Process running = worker;
            String workerNode = running.pid() + "@";
            await("worker up").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        assertThat(running.isAlive()).as("worker alive while starting; log in " + work).isTrue();
                        return Files.exists(work.resolve("port")) && owner(db) != null
                                && owner(db).startsWith(workerNode);
                    });
            figures.add("worker JVM up and owning the publisher's claim after "
                    + Duration.between(startedAt, Instant.now()).toMillis() + " ms");

            try (PlatformInstance survivor = PlatformInstance.start(settings)) {
                String survivorNode = ManagementFactory.getRuntimeMXBean().getName();
                assertThat(survivorNode).doesNotStartWith(workerNode);
                MutableClock clock = survivor.bean(MutableClock.class);

                // 1. Both running.
                clock.set(COLLECTED);
                Batch shared = backlog(survivor, SHARED_DEADLINES, SHARED_HANDOVERS);
                clock.set(DUE);
                RetentionDeadlines retention = survivor.bean(RetentionDeadlines.class);
                var extraOne = CompletableFuture.supplyAsync(retention::runDue, threads);
                var extraTwo = CompletableFuture.supplyAsync(retention::runDue, threads);
                await("shared deadlines done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> open(db, shared.subjects()) == 0);
                int bySurvivorThreads = extraOne.get(60, TimeUnit.SECONDS) + extraTwo.get(60, TimeUnit.SECONDS);
                assertExactlyOneShredEach(db, shared.subjects());
                PersonalDataCipher survivorCipher = survivor.bean(PersonalDataCipher.class);
                for (int i = 0; i < SHARED_DEADLINES; i++) {
                    // The survivor sealed them (its key cache held every key); most were shredded by the worker.
                    assertThat(survivorCipher.open(RETENTION_TENANT, shared.subjects().get(i), "email", shared.sealed().get(i)))
                            .as("shredded on either instance: unreadable on the survivor").isEqualTo(Redaction.VALUE);
                }
                Map<String, List<ConsumerRecord<byte[], byte[]>>> published = await("shared handovers published")
                        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> byHandover(kafka, shared.handovers()), map -> map.size() == SHARED_HANDOVERS);
                assertThat(published.values()).as("each handover once while both run").allMatch(copies -> copies.size() == 1);
                assertThat(rows(db, shared.handovers())).isEqualTo(SHARED_HANDOVERS);
                assertThat(owner(db)).as("the publisher's claim stays with the worker").startsWith(workerNode);
                figures.add("both running: " + SHARED_DEADLINES + " deadlines, " + bySurvivorThreads
                        + " of them run by the survivor's two extra test threads, the rest by the schedules of both; "
                        + SHARED_HANDOVERS + " handovers, one record each");

                // 1b. Rights reminders: both instances sweep every second, and the survivor twice more at once.
                RightsRequests inbox = survivor.bean(RightsRequests.class);
                Map<String, Reminder> reminders = new HashMap<>();
                for (int i = 0; i < RIGHTS_REQUESTS; i++) {
                    // At DUE (2026-03-10): received 02-12 → deadline 03-12, due soon; received 02-01 → overdue.
                    boolean overdue = i % 2 == 0;
                    String id = inbox.open(HANDOVER_TENANT, new RightsRequests.Opening(RightsRequests.Type.ACCESS,
                            RequestChannel.LETTER, LocalDate.parse(overdue ? "2026-02-01" : "2026-02-12"),
                            "Skalierung " + i, null, null, null), "staff-scaleout");
                    reminders.put(id, overdue ? Reminder.OVERDUE : Reminder.DUE_SOON);
                }
                var sweepOne = CompletableFuture.supplyAsync(inbox::sendReminders, threads);
                var sweepTwo = CompletableFuture.supplyAsync(inbox::sendReminders, threads);
                int byTestThreads = sweepOne.get(60, TimeUnit.SECONDS) + sweepTwo.get(60, TimeUnit.SECONDS);
                await("reminders recorded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> reminderEvents(db, reminders.keySet()) >= RIGHTS_REQUESTS);
                assertThat(inbox.sendReminders()).as("nothing left to remind").isZero();
                Map<String, List<String>> mailed = await("reminder mails").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> reminderMails(dataDir, reminders.keySet()), map -> map.size() == RIGHTS_REQUESTS);
                assertThat(reminderEvents(db, reminders.keySet())).as("one reminder event per request")
                        .isEqualTo(RIGHTS_REQUESTS);
                reminders.forEach((id, reminder) -> assertThat(mailed.get(id)).as("mails about " + id).singleElement()
                        .satisfies(subject -> assertThat(subject).contains(reminder == Reminder.DUE_SOON
                                ? "bald ab" : "überschritten")));
                figures.add("both running: " + RIGHTS_REQUESTS + " rights reminders due, swept by both instances "
                        + "every second and twice more at once (" + byTestThreads + " sent by those two calls): "
                        + "one event and one mail each");

                // 2. The worker is killed in the middle of a backlog only it works on.
                clock.set(COLLECTED);
                Batch backlog = backlog(survivor, KILL_DEADLINES, KILL_HANDOVERS);
                await("worker busy with both").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> open(db, backlog.subjects()) < KILL_DEADLINES
                                && rows(db, backlog.handovers()) > 0);
                running.destroyForcibly();
                assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("worker killed").isTrue();
                Instant killedAt = Instant.now();
                int deadlinesLeft = open(db, backlog.subjects());
                int handoversLeft = KILL_HANDOVERS - rows(db, backlog.handovers());
                assertThat(deadlinesLeft).as("killed in the middle of the deadlines").isBetween(1, KILL_DEADLINES - 1);
                assertThat(handoversLeft).as("killed in the middle of the handovers").isBetween(1, KILL_HANDOVERS - 1);
                assertThat(owner(db)).as("the dead worker's claim").startsWith(workerNode);
                figures.add("killed the worker with " + deadlinesLeft + " of " + KILL_DEADLINES + " deadlines and "
                        + handoversLeft + " of " + KILL_HANDOVERS + " handovers left");

                clock.set(DUE);
                // Measured side by side: the publisher's take-over and the retention catch-up do not wait for each other.
                var claimTakenOver = CompletableFuture.supplyAsync(() -> elapsedUntil(killedAt, "survivor claims the publisher",
                        Duration.ofSeconds(60), () -> survivorNode.equals(owner(db))), threads);
                var deadlinesDone = CompletableFuture.supplyAsync(() -> elapsedUntil(killedAt, "remaining deadlines done",
                        Duration.ofSeconds(60), () -> open(db, backlog.subjects()) == 0), threads);
                var handoversDone = CompletableFuture.supplyAsync(() -> elapsedUntil(killedAt, "remaining handovers recorded",
                        Duration.ofSeconds(90), () -> rows(db, backlog.handovers()) == KILL_HANDOVERS), threads);
                figures.add("publisher's claim taken over " + claimTakenOver.join()
                        + " ms after the kill (claim timeout 10 s, claim interval 1 s)");
                figures.add("all " + deadlinesLeft + " remaining deadlines done " + deadlinesDone.join()
                        + " ms after the kill (retention interval 1 s; the survivor's clock was moved at the kill)");
                figures.add("all " + handoversLeft + " remaining handovers delivered " + handoversDone.join()
                        + " ms after the kill");

                assertExactlyOneShredEach(db, backlog.subjects());
                PersonalDataCipher cipher = survivor.bean(PersonalDataCipher.class);
                for (int i : new int[] {0, KILL_DEADLINES / 2, KILL_DEADLINES - 1}) {
                    assertThat(cipher.open(RETENTION_TENANT, backlog.subjects().get(i), "email", backlog.sealed().get(i)))
                            .isEqualTo(Redaction.VALUE);
                }
                Map<String, List<ConsumerRecord<byte[], byte[]>>> delivered = await("all handovers on the topic")
                        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> byHandover(kafka, backlog.handovers()), map -> map.size() == KILL_HANDOVERS);
                List<String> duplicated = delivered.entrySet().stream().filter(e -> e.getValue().size() > 1)
                        .map(Map.Entry::getKey).toList();
                assertThat(duplicated).as("at most the one handover in flight at the kill is sent twice").hasSizeLessThanOrEqualTo(1);
                for (String handover : duplicated) {
                    List<ConsumerRecord<byte[], byte[]>> copies = delivered.get(handover);
                    assertThat(copies).hasSize(2);
                    assertThat(copies.stream().map(ScaleOutIT::eventIdAndReference).distinct())
                            .as("copies carry the same handover id and one-time reference").hasSize(1);
                }
                figures.add("handovers sent twice after the kill: " + duplicated.size()
                        + " (same event id and reference in both copies)");
                assertThat(db.queryForObject("select count(distinct reference_hash) from case_handover", Integer.class))
                        .as("one reference per handover").isEqualTo(SHARED_HANDOVERS + KILL_HANDOVERS);
            }
        } finally {
            threads.shutdownNow();
            if (worker != null && worker.isAlive()) {
                worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            figures.forEach(line -> System.out.println("SCALEOUT " + line));
            Files.write(Path.of("target", "scaleout-figures.txt"), figures, StandardCharsets.UTF_8);
        }
    }

    /** Waits (awaitility) until the condition holds and returns the milliseconds since {@code since}. */
    private static long elapsedUntil(Instant since, String what, Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition);
        return Duration.between(since, Instant.now()).toMillis();
    }

    record Batch(List<String> subjects, List<String> sealed, List<String> handovers) {
    }

    /**
     * In one transaction of the survivor, at its clock: seals a value for each of {@code deadlines} new
     * subjects (one retention deadline each) and appends {@code handovers} handovers of new cases.
     */
    private static Batch backlog(PlatformInstance survivor, int deadlines, int handovers) {
        PersonalDataCipher cipher = survivor.bean(PersonalDataCipher.class);
        EventStore events = survivor.bean(EventStore.class);
        Instant at = survivor.bean(MutableClock.class).instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> subjects = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        List<String> handoverIds = new ArrayList<>();
        survivor.bean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (int i = 0; i < deadlines; i++) {
                String subject = UUID.randomUUID().toString();
                subjects.add(subject);
                sealed.add(cipher.seal(RETENTION_TENANT, subject, DataKind.APPOINTMENT, "email",
                        "scaleout-" + subject + "@example.org"));
            }
            for (int i = 0; i < handovers; i++) {
                String caseId = UUID.randomUUID().toString();
                String handoverId = UUID.randomUUID().toString();
                handoverIds.add(handoverId);
                events.publish(new GenericDomainEventMessage<>("ConsultationCase", caseId, 0,
                        new ConsultationCaseHandedOver(HANDOVER_TENANT, caseId, UUID.randomUUID().toString(), handoverId,
                                "videoberatung", "COMPLETED", "{\"notes\":[],\"identityDocumentShown\":false}", at)));
            }
        });
        return new Batch(subjects, sealed, handoverIds);
    }

    private static Process startWorker(Map<String, String> settings, Path work) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // The test class path as failsafe reports it; it ends in an empty entry (= the working
        // directory), which this JVM's class loader (failsafe's manifest-only jar) does not have.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", classpath,
                ScaleOutInstanceMain.class.getName(), work.resolve("port").toString()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command)
                // Not the module directory either: with it on the class path Liquibase names the
                // changelog files "target/classes/db/..." and runs them again on the shared database.
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("worker.log").toFile())
                .start();
    }

    /** The owner of the handover publisher's one segment, null while unclaimed. */
    private static String owner(JdbcTemplate db) {
        List<String> owners = db.queryForList("select owner from token_entry where processor_name = 'handover-publisher'",
                String.class);
        assertThat(owners).as("one segment").hasSizeLessThanOrEqualTo(1);
        return owners.isEmpty() ? null : owners.getFirst();
    }

    private static int reminderEvents(JdbcTemplate db, java.util.Collection<String> requests) {
        return db.queryForObject("select count(*) from domain_event_entry where payload_type = ? "
                + "and aggregate_identifier = any(?)", Integer.class, RightsRequestReminderSent.class.getName(),
                requests.toArray(String[]::new));
    }

    /** Subjects of the captured reminder mails (no SMTP configured: files in {@code <data-dir>/mail}), by request. */
    private static Map<String, List<String>> reminderMails(Path dataDir, java.util.Collection<String> requests)
            throws Exception {
        Map<String, List<String>> mails = new HashMap<>();
        Path folder = dataDir.resolve("mail");
        if (!Files.isDirectory(folder)) {
            return mails;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                MimeMessage message;
                try (var in = Files.newInputStream(file)) {
                    message = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
                }
                String subject = BookingFixtures.subject(message);
                for (String request : requests) {
                    if (subject != null && subject.contains("(" + request + ")")) {
                        mails.computeIfAbsent(request, k -> new ArrayList<>()).add(subject);
                    }
                }
            }
        }
        return mails;
    }

    private static int open(JdbcTemplate db, List<String> subjects) {
        return db.queryForObject("select count(*) from retention_deadline where subject_id = any(?) and done_at is null",
                Integer.class, (Object) subjects.toArray(String[]::new));
    }

    private static int rows(JdbcTemplate db, List<String> handovers) {
        return db.queryForObject("select count(*) from case_handover where handover_id = any(?)", Integer.class,
                (Object) handovers.toArray(String[]::new));
    }

    private static void assertExactlyOneShredEach(JdbcTemplate db, List<String> subjects) {
        Map<String, Integer> shreds = new HashMap<>();
        db.query("select convert_from(payload, 'UTF8')::jsonb ->> 'subjectId' as subject, count(*) as shreds "
                        + "from domain_event_entry where payload_type = ? "
                        + "and convert_from(payload, 'UTF8')::jsonb ->> 'subjectId' = any(?) group by 1",
                row -> {
                    shreds.put(row.getString("subject"), row.getInt("shreds"));
                }, PersonalDataShredded.class.getName(), subjects.toArray(String[]::new));
        assertThat(shreds).as("a shred for every deadline").hasSize(subjects.size());
        assertThat(shreds.values()).as("exactly one shred per deadline").allMatch(count -> count == 1);
    }

    /** Records of these handovers on the topic, by event id (= handover id). */
    private static Map<String, List<ConsumerRecord<byte[], byte[]>>> byHandover(KafkaBroker kafka, List<String> handovers) {
        if (!kafka.topics().contains(TOPIC)) {
            return Map.of();
        }
        var wanted = new java.util.HashSet<>(handovers);
        return kafka.records(TOPIC).stream().filter(record -> wanted.contains(eventId(record)))
                .collect(Collectors.groupingBy(ScaleOutIT::eventId));
    }

    private static String eventId(ConsumerRecord<byte[], byte[]> record) {
        return json(record).get("eventId").asText();
    }

    private static String eventIdAndReference(ConsumerRecord<byte[], byte[]> record) {
        JsonNode message = json(record);
        return message.get("eventId").asText() + "|" + message.get("reference").asText();
    }

    private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
