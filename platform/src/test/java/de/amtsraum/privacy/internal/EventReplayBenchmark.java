package de.amtsraum.privacy.internal;

import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.privacy.internal.BenchmarkEvents.CaseNoted;
import de.amtsraum.privacy.internal.BenchmarkEvents.CaseNotedPlain;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 3, point 8 (2): a full replay of 100,000 stored events (1,000 subjects x 100 events, the
 * event of {@link BenchmarkEvents}) from the real event store (embedded PostgreSQL) through a
 * projection. Each operation opens the event store's stream at the start, reads every stored event
 * (batches of the JDBC storage engine, deserialized by the platform's event serializer, which
 * decrypts the three personal fields) and hands it to a trivial {@code @EventHandler} projection
 * through Axon's {@link AnnotationEventHandlerAdapter}. The score is per event
 * ({@code @OperationsPerInvocation}): events/s = 1,000,000 / score (µs/op).
 * <ul>
 *   <li>{@code replayWithDecryptionWarmCache}: the 1,000 data keys are cached (as after the
 *       previous replay).</li>
 *   <li>{@code replayWithDecryptionColdCache}: the key cache is emptied before each replay, so
 *       every subject's key is read from {@code subject_key} and unwrapped once per replay.</li>
 *   <li>{@code replayWithDecryptionMoreKeysThanCache}: the same events, on a platform whose key
 *       cache holds {@value #SMALL_KEY_CACHE} keys ({@code amtsraum.privacy.key-cache-size}; default
 *       10,000) while the replay needs 1,000. The events are interleaved across subjects (each
 *       subject's next event comes 1,000 events later), an adverse pattern for the cache: what a
 *       replay costs once the keys in use outnumber the cache, e.g. more than 10,000 live subject
 *       keys on one instance, all tenants together.</li>
 *   <li>{@code replayWithoutPersonalData}: the same 100,000 events as a twin type without personal
 *       data (its own database), the baseline.</li>
 *   <li>{@code replayAllSubjectsShredded}: 10,000 events (100 subjects x 100) whose subjects are all
 *       shredded (its own database), the usual state of old events once retention ran. Every
 *       personal field reads as the redaction value. Fewer events and iterations, because each
 *       field costs a lookup of the missing key in the database.</li>
 * </ul>
 * The events are stored once, by the first fork; the other forks reuse the data directory.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class EventReplayBenchmark {

    static final int SUBJECTS = 1_000;
    static final int EVENTS_PER_SUBJECT = 100;
    static final int EVENTS = SUBJECTS * EVENTS_PER_SUBJECT;
    static final int SHREDDED_SUBJECTS = 100;
    static final int SMALL_KEY_CACHE = 500;
    static final int SHREDDED_EVENTS = SHREDDED_SUBJECTS * EVENTS_PER_SUBJECT;

    BenchmarkPlatform platform;
    EventStore eventStore;
    SubjectKeyStore keys;
    long stored;
    boolean coldCache;
    boolean personal;
    boolean shredded;
    int expected;
    int replays;
    long keyLookupsBefore;
    final Projection projection = new Projection();
    AnnotationEventHandlerAdapter handler;

    /** The trivial projection: counts events and checks whether each personal field was decrypted. */
    public static class Projection {
        long events;
        long characters;
        long notDecrypted;
        long redacted;

        @EventHandler
        public void on(CaseNoted event) {
            count(event.lastName(), event.email(), event.message());
        }

        @EventHandler
        public void on(CaseNotedPlain event) {
            count(event.lastName(), event.email(), event.message());
        }

        private void count(String... fields) {
            events++;
            for (String field : fields) {
                characters += field.length();
                if (PersonalDataCipher.isSealed(field) || Redaction.isRedacted(field)) {
                    notDecrypted++;
                }
                if (Redaction.isRedacted(field)) {
                    redacted++;
                }
            }
        }
    }

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        personal = !method.equals("replayWithoutPersonalData");
        coldCache = method.equals("replayWithDecryptionColdCache");
        shredded = method.equals("replayAllSubjectsShredded");
        expected = shredded ? SHREDDED_EVENTS : EVENTS;
        String[] properties = method.equals("replayWithDecryptionMoreKeysThanCache")
                ? new String[] {"amtsraum.privacy.key-cache-size=" + SMALL_KEY_CACHE} : new String[0];
        platform = BenchmarkPlatform.start(shredded ? "replay-shredded" : personal ? "replay-encrypted" : "replay-plain",
                expected + " events, personal data: " + personal + ", shredded: " + shredded, this::populate,
                properties);
        eventStore = platform.bean(EventStore.class);
        keys = platform.bean(SubjectKeyStore.class);
        keyLookupsBefore = keyLookups();
        stored = platform.bean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
        handler = new AnnotationEventHandlerAdapter(projection);
        BenchmarkPlatform.log("event store holds %,d events (%,d of them the benchmark's)", stored, expected);
    }

    private void populate(BenchmarkPlatform platform) {
        List<String> subjects = IntStream.range(0, shredded ? SHREDDED_SUBJECTS : SUBJECTS)
                .mapToObj(i -> String.format("replay-subject-%04d", i)).toList();
        BenchmarkEvents.store(platform.bean(EventStore.class), platform.bean(TransactionManager.class), subjects,
                EVENTS_PER_SUBJECT, personal);
        if (shredded) {
            TransactionTemplate transactions = platform.bean(TransactionTemplate.class);
            SubjectKeys subjectKeys = platform.bean(SubjectKeys.class);
            subjects.forEach(subject -> transactions.executeWithoutResult(status ->
                    subjectKeys.shredAll(BenchmarkEvents.TENANT, subject, ShredCause.ERASURE_REQUEST)));
            BenchmarkPlatform.log("shredded all %d subjects", subjects.size());
        }
    }

    @Setup(Level.Iteration)
    public void prepare() {
        if (coldCache) {
            keys.evictAll();
        }
        projection.events = 0;
        projection.characters = 0;
        projection.notDecrypted = 0;
        projection.redacted = 0;
    }

    @TearDown(Level.Iteration)
    public void verify() {
        boolean ok = shredded
                ? projection.events == SHREDDED_EVENTS && projection.redacted == 3L * SHREDDED_EVENTS
                : projection.events == EVENTS && projection.notDecrypted == 0;
        if (!ok) {
            throw new IllegalStateException("projection saw " + projection.events + " events, "
                    + projection.notDecrypted + " fields not decrypted, " + projection.redacted + " redacted");
        }
        replays++;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        // PostgreSQL publishes a backend's statistics within about a second; wait for them.
        Thread.sleep(2_000);
        long lookups = keyLookups() - keyLookupsBefore;
        BenchmarkPlatform.log("subject_key scans (lookups of a data key) during %d replays: %,d (%.2f per replayed event)", replays,
                lookups, lookups / (double) (replays * (long) expected));
        platform.close();
    }

    /** Scans of {@code subject_key} (index or sequential): how often a data key was looked up in the database. */
    private long keyLookups() {
        Long scans = platform.bean(JdbcTemplate.class).queryForObject(
                "select coalesce(idx_scan, 0) + coalesce(seq_scan, 0) from pg_stat_user_tables where relname = 'subject_key'", Long.class);
        return scans == null ? 0 : scans;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayWithDecryptionWarmCache() throws Exception {
        return replay();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayWithDecryptionColdCache() throws Exception {
        return replay();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayWithoutPersonalData() throws Exception {
        return replay();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long replayWithDecryptionMoreKeysThanCache() throws Exception {
        return replay();
    }

    @Benchmark
    @OperationsPerInvocation(SHREDDED_EVENTS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long replayAllSubjectsShredded() throws Exception {
        return replay();
    }

    private long replay() throws Exception {
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (read < stored) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                read++;
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
        }
        return projection.characters;
    }
}
