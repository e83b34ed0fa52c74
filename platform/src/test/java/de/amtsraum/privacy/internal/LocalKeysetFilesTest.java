package de.amtsraum.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenant KEK files with and without the optional master key (amtsraum.privacy.kek-master-key):
 * encrypted at rest, bound to their tenant, earlier plaintext files still read and rewritten
 * encrypted, and every mismatch of file and key refused instead of yielding a new KEK.
 */
class LocalKeysetFilesTest {

    private static final byte[] NO_CONTEXT = new byte[0];

    @TempDir
    Path dataDir;

    @BeforeAll
    static void registerTink() throws Exception {
        // As SubjectKeyStore does in the application.
        AeadConfig.register();
    }

    private static String randomMasterKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Path kek() {
        return dataDir.resolve("kek");
    }

    private String fileOf(String tenant) throws Exception {
        return Files.readString(kek().resolve(tenant + ".json"), StandardCharsets.UTF_8);
    }

    @Test
    void withAMasterKeyTheKeysetIsStoredEncryptedAndOpensOnlyWithThatKey() throws Exception {
        String master = randomMasterKey();
        Aead first = new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey(master)).forTenant("heilbronn");
        byte[] wrapped = first.encrypt("data key".getBytes(StandardCharsets.UTF_8), NO_CONTEXT);

        String stored = fileOf("heilbronn");
        assertThat(stored).contains("\"encryptedKeyset\"").doesNotContain("\"keyData\"").doesNotContain("\"value\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek().resolve("heilbronn.json"))))
                .isEqualTo("rw-------");

        // Another instance (or a restart) with the same master key reads the same KEK.
        Aead again = new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey(master)).forTenant("heilbronn");
        assertThat(new String(again.decrypt(wrapped, NO_CONTEXT), StandardCharsets.UTF_8)).isEqualTo("data key");

        // A wrong master key or none at all is refused, and the file is left as it was (no new KEK).
        assertThatThrownBy(() -> new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey(randomMasterKey())).forTenant("heilbronn"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreadable");
        assertThatThrownBy(() -> new LocalKeysetFiles(kek()).forTenant("heilbronn"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kek-master-key is not set");
        assertThat(fileOf("heilbronn")).isEqualTo(stored);
    }

    @Test
    void anEncryptedKeysetIsBoundToItsTenant() throws Exception {
        String master = randomMasterKey();
        new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey(master)).forTenant("heilbronn");
        Files.copy(kek().resolve("heilbronn.json"), kek().resolve("coburg.json"));

        assertThatThrownBy(() -> new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey(master)).forTenant("coburg"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreadable");
    }

    @Test
    void aPlaintextKeysetFromBeforeIsReadAndRewrittenEncrypted() throws Exception {
        Aead plain = new LocalKeysetFiles(kek()).forTenant("leer");
        byte[] wrapped = plain.encrypt("older data key".getBytes(StandardCharsets.UTF_8), NO_CONTEXT);
        assertThat(fileOf("leer")).contains("\"keyData\"").doesNotContain("\"encryptedKeyset\"");

        String master = randomMasterKey();
        Aead upgraded = new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey(master)).forTenant("leer");
        assertThat(new String(upgraded.decrypt(wrapped, NO_CONTEXT), StandardCharsets.UTF_8)).isEqualTo("older data key");

        assertThat(fileOf("leer")).contains("\"encryptedKeyset\"").doesNotContain("\"keyData\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek().resolve("leer.json"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(kek())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("leer.json");
        }
        Aead afterRestart = new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey(master)).forTenant("leer");
        assertThat(new String(afterRestart.decrypt(wrapped, NO_CONTEXT), StandardCharsets.UTF_8)).isEqualTo("older data key");
    }

    @Test
    void withoutAMasterKeyNothingChanges() throws Exception {
        Aead plain = new LocalKeysetFiles(kek(), LocalKeysetFiles.masterKey("")).forTenant("coburg");
        byte[] wrapped = plain.encrypt("x".getBytes(StandardCharsets.UTF_8), NO_CONTEXT);
        assertThat(fileOf("coburg")).contains("\"keyData\"");
        assertThat(new LocalKeysetFiles(kek()).forTenant("coburg").decrypt(wrapped, NO_CONTEXT))
                .isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedMasterKeyFailsTheStart() {
        assertThatThrownBy(() -> LocalKeysetFiles.masterKey("not base64 !"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> LocalKeysetFiles.masterKey(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
