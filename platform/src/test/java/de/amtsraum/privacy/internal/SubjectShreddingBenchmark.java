package de.amtsraum.privacy.internal;

import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.privacy.internal.BenchmarkEvents.CaseNoted;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 3, point 8 (3): {@link SubjectKeys#shredAll} of a subject with 1 event vs a subject with
 * 10,000 events, each call in its own transaction that commits (as in the platform, where it runs in
 * the transaction of the withdrawal or of a retention deadline): key row deleted, tombstone written,
 * open deadlines closed, eviction announced (NOTIFY), {@code PersonalDataShredded} appended and
 * projected.
 *
 * <p>A subject can be shredded only once, so each call shreds the next subject not shredded yet
 * ({@code SingleShotTime}: a measured iteration is one shred). The data directory holds, for both
 * parameters alike: {@value #POOL_SIZE} subjects with 1 event, {@value #POOL_SIZE} subjects with
 * 10,000 events (300,000 events) and {@value #WARMUP_POOL_SIZE} subjects with 1 event for the
 * warm-up. Warm-up: {@value #WARMUP_ITERATIONS} iterations of {@value #WARMUP_BATCH} shreds, so
 * that the JIT has compiled the shred path in both forks alike (with a few single warm-up shreds,
 * the fork that stored the data, and so ran the same JDBC and Axon code a million times, measured
 * markedly faster than the other: the order of the forks showed up in the ratio). After each shred
 * the subject's last event must read as redacted.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = SubjectShreddingBenchmark.WARMUP_ITERATIONS, batchSize = SubjectShreddingBenchmark.WARMUP_BATCH)
@Measurement(iterations = 30, batchSize = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SubjectShreddingBenchmark {

    static final int WARMUP_ITERATIONS = 10;
    static final int WARMUP_BATCH = 100;
    static final int POOL_SIZE = 30;
    /** Enough for the warm-up of both forks. */
    static final int WARMUP_POOL_SIZE = 2 * WARMUP_ITERATIONS * WARMUP_BATCH + 200;
    static final int[] EVENTS_PER_SUBJECT = {1, 10_000};

    @Param({"1", "10000"})
    public int eventsPerSubject;

    BenchmarkPlatform platform;
    EventStore eventStore;
    SubjectKeys subjectKeys;
    TransactionTemplate transactions;
    JdbcTemplate jdbc;

    final Deque<String> next = new ArrayDeque<>();
    final List<String> subjects = new ArrayList<>();
    final List<List<String>> results = new ArrayList<>();
    boolean warmup;

    @Setup(Level.Trial)
    public void start() {
        platform = BenchmarkPlatform.start("shredding", "shredding pools", SubjectShreddingBenchmark::populate);
        eventStore = platform.bean(EventStore.class);
        subjectKeys = platform.bean(SubjectKeys.class);
        transactions = platform.bean(TransactionTemplate.class);
        jdbc = platform.bean(JdbcTemplate.class);
        // Checked once here, not before each shred: counting 10,000 events right before a shred
        // would leave other caches to the shred than counting 1 does.
        checkEventCounts(pool(String.valueOf(eventsPerSubject), POOL_SIZE), eventsPerSubject);
    }

    private void checkEventCounts(List<String> pool, int expected) {
        for (String subject : pool) {
            Integer events = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                    Integer.class, BenchmarkEvents.aggregateOf(subject));
            if (events == null || events != expected) {
                throw new IllegalStateException(subject + " has " + events + " events, expected " + expected);
            }
        }
    }

    private static void populate(BenchmarkPlatform platform) {
        EventStore eventStore = platform.bean(EventStore.class);
        TransactionManager transactions = platform.bean(TransactionManager.class);
        BenchmarkEvents.store(eventStore, transactions, pool("warmup", WARMUP_POOL_SIZE), 1, true);
        for (int events : EVENTS_PER_SUBJECT) {
            BenchmarkEvents.store(eventStore, transactions, pool(String.valueOf(events), POOL_SIZE), events, true);
        }
    }

    /** The next subjects of the pool whose key still exists, as many as the iteration shreds. */
    @Setup(Level.Iteration)
    public void pickSubjects(IterationParams iteration) {
        warmup = iteration.getType() == IterationType.WARMUP;
        String prefix = "shred-" + (warmup ? "warmup" : String.valueOf(eventsPerSubject)) + "-";
        List<String> candidates = jdbc.queryForList("select subject_id from subject_key where tenant_id = ? "
                        + "and subject_id like ? order by subject_id limit ?", String.class, BenchmarkEvents.TENANT,
                prefix + "%", iteration.getBatchSize());
        if (candidates.size() < iteration.getBatchSize()) {
            throw new IllegalStateException("the pool " + prefix + "* has too few subjects left; run with fewer "
                    + "iterations or forks, or on a new data directory");
        }
        next.clear();
        next.addAll(candidates);
        subjects.clear();
        results.clear();
    }

    @Benchmark
    public List<String> shredAll() {
        String subject = next.poll();
        List<String> shredded = transactions.execute(status -> subjectKeys.shredAll(BenchmarkEvents.TENANT, subject,
                ShredCause.ERASURE_REQUEST));
        subjects.add(subject);
        results.add(shredded);
        return shredded;
    }

    @TearDown(Level.Iteration)
    public void verify() {
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            if (!List.of("contact-request").equals(results.get(i))) {
                throw new IllegalStateException("shredAll(" + subject + ") returned " + results.get(i));
            }
            long last = warmup ? 0 : eventsPerSubject - 1L;
            DomainEventMessage<?> event = eventStore.readEvents(BenchmarkEvents.aggregateOf(subject), last).next();
            CaseNoted payload = (CaseNoted) event.getPayload();
            if (!Redaction.isRedacted(payload.lastName()) || !Redaction.isRedacted(payload.message())) {
                throw new IllegalStateException(subject + " still reads " + payload);
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        platform.close();
    }

    private static List<String> pool(String name, int size) {
        return IntStream.range(0, size).mapToObj(i -> String.format("shred-%s-%04d", name, i)).toList();
    }
}
