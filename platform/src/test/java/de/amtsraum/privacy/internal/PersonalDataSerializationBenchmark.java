package de.amtsraum.privacy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.internal.BenchmarkEvents.CaseNoted;
import de.amtsraum.shared.privacy.DataKind;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 3, point 8 (1): serialize + deserialize of an event with 11 fields, 3 of them personal, the
 * way the event store does it (payload to {@code byte[]} and back).
 * <ul>
 *   <li>{@code plainRoundTrip}: Axon's {@link JacksonSerializer}, configured as the platform
 *       configures its delegate, no encryption: the baseline.</li>
 *   <li>{@code encryptedRoundTripWarmCache}: the platform's event serializer
 *       ({@link PersonalDataSerializer}), same subject every time, its data key in the cache.</li>
 *   <li>{@code encryptedRoundTripColdCacheUnwrap}: the key exists but is not cached: the cache is
 *       emptied before each operation, so serializing reads the wrapped key from
 *       {@code subject_key} and unwraps it with the tenant's KEK (deserializing then finds it cached).
 *       This is the first event of a known subject after a restart, or after the cache entry expired.</li>
 *   <li>{@code encryptedRoundTripColdCacheNewSubject}: a new subject per operation: the data key is
 *       created, wrapped and inserted. In the platform this happens inside the transaction that
 *       appends the event; here each operation is its own transaction and commits (PostgreSQL
 *       with fsync on), so the figure includes one commit.</li>
 *   <li>{@code plainSerialize}, {@code plainDeserialize}, {@code encryptedSerialize},
 *       {@code encryptedDeserialize}: the two halves on their own (warm cache), to see where the
 *       difference comes from.</li>
 *   <li>{@code cipherSealAndOpenThreeFields}: the platform's {@link PersonalDataCipher} seals and opens
 *       the three personal values one by one (format {@code ar1:}, as read models seal, and as the
 *       serializer did before ar2; warm cache), no JSON.</li>
 * </ul>
 * The whole platform runs (the key store needs its database), with {@value #EXISTING_KEYS} data keys of
 * other subjects in {@code subject_key} (stored by the first fork); nothing but the serializer is timed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PersonalDataSerializationBenchmark {

    /** Data keys of other subjects in {@code subject_key}, so that key lookups and inserts meet a table in use. */
    static final int EXISTING_KEYS = 10_000;

    BenchmarkPlatform platform;
    Serializer plain;
    Serializer encrypting;
    SubjectKeyStore keys;
    PersonalDataCipher cipher;
    TransactionTemplate transactions;

    CaseNoted event;
    SerializedObject<byte[]> plainBytes;
    SerializedObject<byte[]> sealedBytes;

    @Setup(Level.Trial)
    public void start() {
        platform = BenchmarkPlatform.start("serialization", EXISTING_KEYS + " data keys",
                PersonalDataSerializationBenchmark::createKeys);
        encrypting = platform.bean("eventSerializer", Serializer.class);
        if (!(encrypting instanceof PersonalDataSerializer)) {
            throw new IllegalStateException("the event serializer is " + encrypting.getClass());
        }
        plain = JacksonSerializer.builder()
                .objectMapper(platform.bean(ObjectMapper.class))
                .revisionResolver(platform.bean(RevisionResolver.class))
                .converter(new ChainingConverter(PrivacyConfiguration.class.getClassLoader()))
                .build();
        keys = platform.bean(SubjectKeyStore.class);
        cipher = platform.bean(PersonalDataCipher.class);
        transactions = platform.bean(TransactionTemplate.class);

        event = BenchmarkEvents.noted("bench-warm-" + UUID.randomUUID(), 1);
        plainBytes = plain.serialize(event, byte[].class);
        sealedBytes = encrypting.serialize(event, byte[].class);
        check(plain, event);
        check(encrypting, event);
        String stored = new String(sealedBytes.getData(), StandardCharsets.UTF_8);
        if (stored.contains(event.lastName()) || stored.contains(event.email()) || !stored.contains("ar2:contact-request:lastName,email,message:")) {
            throw new IllegalStateException("personal fields were not sealed: " + stored);
        }
        BenchmarkPlatform.log("payload bytes: plain %d, sealed %d", plainBytes.getData().length,
                sealedBytes.getData().length);
    }

    private static void createKeys(BenchmarkPlatform platform) {
        PersonalDataCipher cipher = platform.bean(PersonalDataCipher.class);
        TransactionTemplate transactions = platform.bean(TransactionTemplate.class);
        long started = System.nanoTime();
        for (int batch = 0; batch < EXISTING_KEYS / 1_000; batch++) {
            int first = batch * 1_000;
            transactions.executeWithoutResult(status -> {
                for (int i = first; i < first + 1_000; i++) {
                    cipher.seal(BenchmarkEvents.TENANT, String.format("bench-existing-%05d", i), DataKind.CONTACT_REQUEST,
                            "lastName", "Muster");
                }
            });
        }
        BenchmarkPlatform.log("created %,d data keys in %.1f s (setup, not a figure)", EXISTING_KEYS,
                (System.nanoTime() - started) / 1e9);
    }

    @TearDown(Level.Trial)
    public void stop() {
        platform.close();
    }

    @Benchmark
    public Object plainRoundTrip() {
        return roundTrip(plain, event);
    }

    @Benchmark
    public Object encryptedRoundTripWarmCache() {
        return roundTrip(encrypting, event);
    }

    @Benchmark
    public Object encryptedRoundTripColdCacheUnwrap() {
        keys.evictAll();
        return roundTrip(encrypting, event);
    }

    @Benchmark
    public Object encryptedRoundTripColdCacheNewSubject() {
        CaseNoted fresh = BenchmarkEvents.noted("bench-new-" + UUID.randomUUID(), 1);
        return transactions.execute(status -> roundTrip(encrypting, fresh));
    }

    @Benchmark
    public Object plainSerialize() {
        return plain.serialize(event, byte[].class);
    }

    @Benchmark
    public Object plainDeserialize() {
        return plain.deserialize(plainBytes);
    }

    @Benchmark
    public Object encryptedSerialize() {
        return encrypting.serialize(event, byte[].class);
    }

    @Benchmark
    public Object encryptedDeserialize() {
        return encrypting.deserialize(sealedBytes);
    }

    @Benchmark
    public void cipherSealAndOpenThreeFields(Blackhole blackhole) {
        String tenant = event.tenantId();
        String subject = event.subjectId();
        String lastName = cipher.seal(tenant, subject, DataKind.CONTACT_REQUEST, "lastName", event.lastName());
        String email = cipher.seal(tenant, subject, DataKind.CONTACT_REQUEST, "email", event.email());
        String message = cipher.seal(tenant, subject, DataKind.CONTACT_REQUEST, "message", event.message());
        blackhole.consume(cipher.open(tenant, subject, "lastName", lastName));
        blackhole.consume(cipher.open(tenant, subject, "email", email));
        blackhole.consume(cipher.open(tenant, subject, "message", message));
    }

    private static Object roundTrip(Serializer serializer, CaseNoted event) {
        return serializer.deserialize(serializer.serialize(event, byte[].class));
    }

    private static void check(Serializer serializer, CaseNoted event) {
        Object back = roundTrip(serializer, event);
        if (!event.equals(back)) {
            throw new IllegalStateException("round trip changed the event: " + back);
        }
    }
}
