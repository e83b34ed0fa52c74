package de.amtsraum.privacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import de.amtsraum.privacy.internal.BenchmarkEvents.CaseNoted;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under the encryption overhead of {@link PersonalDataSerializationBenchmark}: what
 * AES-GCM costs on this JVM without anything of the platform around it, next to a Jackson round
 * trip of the same event (see docs/adr/0008). No platform, no database.
 * <ul>
 *   <li>{@code jceSealOpen40Bytes}: the JDK's {@code AES/GCM/NoPadding}, one cached {@link Cipher},
 *       a random 12-byte IV, 40 bytes of plaintext and 60 of associated data: encrypt + decrypt.</li>
 *   <li>{@code jceSealOpen40BytesFixedIvSource}: the same with the IV taken from a counter instead of
 *       {@link SecureRandom} (what the random IV costs; not how the platform seals).</li>
 *   <li>{@code tinkSealOpen40Bytes}: the same through a Tink AES256-GCM {@link Aead}, as the key
 *       store caches it.</li>
 *   <li>{@code tinkSealOpenThreeFieldsEach}: the three personal values of the benchmark event, one
 *       AEAD each (format {@code ar1:}).</li>
 *   <li>{@code tinkSealOpenThreeFieldsTogether}: the same three values as one AEAD (format {@code ar2:}).</li>
 *   <li>{@code jacksonRoundTrip}: the event to bytes and back with a plain {@link ObjectMapper}.</li>
 *   <li>{@code jacksonTreeRoundTrip}: the same through a JSON tree on both sides (what the
 *       serializer did until it streamed).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@State(Scope.Thread)
public class CryptoFloorBenchmark {

    private final SecureRandom random = new SecureRandom();
    private Cipher cipher;
    private SecretKeySpec key;
    private Aead aead;
    private byte[] value40;
    private byte[] associatedData;
    private byte[][] fields;
    private byte[] together;
    private long counter;
    private ObjectMapper mapper;
    private CaseNoted event;

    @Setup
    public void setUp() throws Exception {
        AeadConfig.register();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        key = new SecretKeySpec(raw, "AES");
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        aead = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"))
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        event = BenchmarkEvents.noted("0f6e1c2a-54b7-4d8e-9a3c-1b2d3e4f5a6b", 1);
        value40 = "m.mueller-luedenscheidt@example.org12345".getBytes(StandardCharsets.UTF_8);
        associatedData = ("helbra|" + event.subjectId() + "|contact-request|email").getBytes(StandardCharsets.UTF_8);
        fields = new byte[][] {event.lastName().getBytes(StandardCharsets.UTF_8),
                event.email().getBytes(StandardCharsets.UTF_8), event.message().getBytes(StandardCharsets.UTF_8)};
        together = (event.lastName() + event.email() + event.message()).getBytes(StandardCharsets.UTF_8);
        mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Benchmark
    public byte[] jceSealOpen40Bytes() throws Exception {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        return jce(iv);
    }

    @Benchmark
    public byte[] jceSealOpen40BytesFixedIvSource() throws Exception {
        byte[] iv = new byte[12];
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            iv[i] = (byte) (n >>> (8 * i));
        }
        return jce(iv);
    }

    private byte[] jce(byte[] iv) throws Exception {
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(associatedData);
        byte[] sealed = cipher.doFinal(value40);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed);
    }

    @Benchmark
    public byte[] tinkSealOpen40Bytes() throws Exception {
        return aead.decrypt(aead.encrypt(value40, associatedData), associatedData);
    }

    @Benchmark
    public int tinkSealOpenThreeFieldsEach() throws Exception {
        int length = 0;
        for (byte[] field : fields) {
            length += aead.decrypt(aead.encrypt(field, associatedData), associatedData).length;
        }
        return length;
    }

    @Benchmark
    public byte[] tinkSealOpenThreeFieldsTogether() throws Exception {
        return aead.decrypt(aead.encrypt(together, associatedData), associatedData);
    }

    @Benchmark
    public Object jacksonRoundTrip() throws Exception {
        return mapper.readValue(mapper.writeValueAsBytes(event), CaseNoted.class);
    }

    @Benchmark
    public Object jacksonTreeRoundTrip() throws Exception {
        JsonNode tree = mapper.valueToTree(event);
        byte[] bytes = mapper.writeValueAsBytes(tree);
        return mapper.treeToValue(mapper.readTree(bytes), CaseNoted.class);
    }
}
