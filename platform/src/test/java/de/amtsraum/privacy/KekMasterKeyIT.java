package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.privacy.internal.KeyEncryptionKeys;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * amtsraum.privacy.kek-master-key as the Helm chart passes it (secret key kek-master-key): the
 * platform starts with it and writes the tenants' KEK files as encrypted keysets.
 */
class KekMasterKeyIT {

    @Test
    void withAMasterKeyTheKekFilesAreEncrypted() throws Exception {
        Path dataDir = TemporaryDataDirectory.create();
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        try (PlatformInstance platform = PlatformInstance.start(Map.of(
                "amtsraum.data-dir", dataDir.toString(),
                "amtsraum.privacy.kek-master-key", Base64.getEncoder().encodeToString(master)))) {
            byte[] wrapped = platform.bean(KeyEncryptionKeys.class).forTenant("heilbronn")
                    .encrypt("k".getBytes(StandardCharsets.UTF_8), new byte[0]);
            assertThat(platform.bean(KeyEncryptionKeys.class).forTenant("heilbronn").decrypt(wrapped, new byte[0]))
                    .isEqualTo("k".getBytes(StandardCharsets.UTF_8));
        }
        String stored = Files.readString(dataDir.resolve("kek/heilbronn.json"), StandardCharsets.UTF_8);
        assertThat(stored).contains("\"encryptedKeyset\"").doesNotContain("\"keyData\"");
    }
}
