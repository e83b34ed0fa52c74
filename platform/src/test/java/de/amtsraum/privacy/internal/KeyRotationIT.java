package de.amtsraum.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.support.Api;
import de.amtsraum.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rotating a tenant's key-encryption key through the operator API (issue 9, docs/operations.md "Key
 * rotation"): afterwards every data key is wrapped by the new KEK key only, a copy of the KEK taken
 * before opens none of them, the data stays readable, and a shredded key stays shredded.
 */
@PlatformTest
class KeyRotationIT {

    private static final Path MANIFEST = Path.of("src/test/resources/operator/musterstadt.yaml");

    @LocalServerPort
    int port;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    SubjectKeys keys;
    @Autowired
    SubjectKeyStore store;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rotationWrapsEveryKeyAnewAndOldKekCopiesOpenNothing() throws Exception {
        Api api = new Api(port);
        String operator = api.token("operator-dev", "dev");
        String tenant = onboard(api, operator);
        List<String> subjects = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String subject = UUID.randomUUID().toString();
            subjects.add(subject);
            sealed.add(cipher.seal(tenant, subject, DataKind.CONTACT_REQUEST, "email", "rotation" + i + "@example.org"));
        }
        keys.shredAll(tenant, subjects.get(2), ShredCause.ERASURE_REQUEST);
        Path kekFile = runtime.resolve("kek").resolve(tenant + ".json");
        String kekBefore = Files.readString(kekFile, StandardCharsets.UTF_8);
        byte[] wrappedBefore = wrapped(tenant, subjects.get(0));

        Api.Response rotated = api.post("/api/v1/operator/tenants/" + tenant + "/key-rotation", operator,
                "application/json", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        JsonNode result = rotated.json();
        assertThat(result.get("rewrapped").asInt()).isEqualTo(2);
        assertThat(result.get("unreadable").asInt()).isZero();
        assertThat(result.get("retiredKeys").asInt()).isEqualTo(1);

        store.evictAll(); // no cached data key helps: everything is unwrapped again with the rotated KEK
        assertThat(cipher.open(tenant, subjects.get(0), "email", sealed.get(0))).isEqualTo("rotation0@example.org");
        assertThat(cipher.open(tenant, subjects.get(1), "email", sealed.get(1))).isEqualTo("rotation1@example.org");
        assertThat(cipher.open(tenant, subjects.get(2), "email", sealed.get(2))).isEqualTo(Redaction.VALUE);

        byte[] wrappedAfter = wrapped(tenant, subjects.get(0));
        assertThat(wrappedAfter).isNotEqualTo(wrappedBefore);
        Aead oldKek = TinkJsonProtoKeysetFormat.parseKeyset(kekBefore, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] associated = new SubjectKeyId(tenant, subjects.get(0), "contact-request").keyAssociatedData();
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedAfter, oldKek, associated))
                .isInstanceOf(GeneralSecurityException.class);
        assertThat(TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(kekFile, StandardCharsets.UTF_8),
                InsecureSecretKeyAccess.get()).size()).isEqualTo(1);

        // New data after the rotation is wrapped with the new key and readable as well.
        String later = UUID.randomUUID().toString();
        String sealedLater = cipher.seal(tenant, later, DataKind.CONTACT_REQUEST, "email", "nachher@example.org");
        store.evictAll();
        assertThat(cipher.open(tenant, later, "email", sealedLater)).isEqualTo("nachher@example.org");
    }

    @Test
    void onlyTheOperatorRotatesAndOnlyKnownTenants() {
        Api api = new Api(port);
        String operator = api.token("operator-dev", "dev");
        assertThat(api.post("/api/v1/operator/tenants/gibt-es-nicht/key-rotation", operator, "application/json", "")
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/operator/tenants/leer/key-rotation", api.token("leer-dev", "dev"),
                "application/json", "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/operator/tenants/leer/key-rotation", null, "application/json", "").status())
                .isEqualTo(401);
    }

    private byte[] wrapped(String tenant, String subject) {
        return jdbc.queryForObject("select wrapped_key from subject_key where tenant_id = ? and subject_id = ?",
                byte[].class, tenant, subject);
    }

    private static String onboard(Api api, String operator) throws Exception {
        String tenant = "rotation-" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
        String manifest = Files.readString(MANIFEST, StandardCharsets.UTF_8).replace("id: musterstadt", "id: " + tenant);
        Api.Response onboarded = api.put("/api/v1/operator/tenants/" + tenant, operator, "application/yaml", manifest);
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        return tenant;
    }
}
