package de.amtsraum.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.support.ManifestFixtures;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One broken manifest in the tenants folder: by default the others are applied, the broken tenant is
 * reported (file, field, reason) and keeps what it had; in strict mode the platform does not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantFolderIT {

    @TempDir
    Path tenants;

    @Test
    void appliesValidTenantsAndKeepsTheBrokenOneUnchanged(CapturedOutput output) {
        Path dataDir = TemporaryDataDirectory.create();
        ManifestFixtures.copy("leer", tenants, "leer");
        Path coburg = ManifestFixtures.copy("coburg", tenants, "coburg");
        Map<String, String> settings = Map.of("amtsraum.data-dir", dataDir.toString(),
                "amtsraum.tenants.directory", tenants.toString());
        try (PlatformInstance first = PlatformInstance.start(settings)) {
            assertThat(first.api().get("/api/v1/tenants").json().findValuesAsText("id")).containsExactly("coburg", "leer");
        }

        ManifestFixtures.edit(coburg, manifest -> {
            manifest.put("name", "Coburg, broken");
            ((ObjectNode) manifest.get("features")).put("video", "sometimes");
        });
        ManifestFixtures.copy("helbra", tenants, "helbra");
        try (PlatformInstance second = PlatformInstance.start(settings)) {
            assertThat(second.api().get("/api/v1/tenants").json().findValuesAsText("id"))
                    .containsExactly("coburg", "helbra", "leer");
            assertThat(second.api().get("/api/v1/tenants/coburg").json().get("name").asText())
                    .isEqualTo("Landratsamt Coburg");
        }
        assertThat(output.getAll()).contains("tenants/coburg/manifest.yaml at features.video");
    }

    @Test
    void strictModeRefusesToStartNamingFileAndFieldAndAppliesNoFolder() throws Exception {
        Path dataDir = TemporaryDataDirectory.create();
        ManifestFixtures.copy("coburg", tenants, "coburg");
        Path leer = ManifestFixtures.copy("leer", tenants, "leer");
        ManifestFixtures.edit(leer, manifest -> manifest.remove("dataProtectionOfficer"));

        assertThatThrownBy(() -> PlatformInstance.start(Map.of("amtsraum.data-dir", dataDir.toString(),
                "amtsraum.tenants.directory", tenants.toString(), "amtsraum.tenants.fail-on-invalid", "true")))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("tenants/leer/manifest.yaml at dataProtectionOfficer");

        Path empty = java.nio.file.Files.createDirectory(tenants.resolve("..").resolve(tenants.getFileName() + "-empty"));
        try (PlatformInstance after = PlatformInstance.start(Map.of("amtsraum.data-dir", dataDir.toString(),
                "amtsraum.tenants.directory", empty.toString()))) {
            assertThat(after.api().get("/api/v1/tenants").json().size()).as("coburg was not applied either").isZero();
        }
    }
}
