package de.amtsraum.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test manifests of the operator console: the valid one passes the rules, the invalid one names its problems. */
class UploadedManifestTest {

    static final Path VALID = Path.of("src/test/resources/operator/musterstadt.yaml");
    static final Path INVALID = Path.of("src/test/resources/operator/invalid-manifest.yaml");

    @Test
    void theTestTenantsManifestIsValidAndNamesItsIdItself() throws Exception {
        var manifest = ManifestReader.fromUpload(Files.readString(VALID, StandardCharsets.UTF_8), "musterstadt.yaml");
        assertThat(manifest.manifest().id()).isEqualTo("musterstadt");
        assertThat(manifest.manifest().features().contactForm()).isTrue();
    }

    @Test
    void anInvalidUploadNamesTheFileAndEveryProblem() throws Exception {
        assertThatThrownBy(() -> ManifestReader.fromUpload(Files.readString(INVALID, StandardCharsets.UTF_8),
                "invalid-manifest.yaml"))
                .isInstanceOfSatisfying(InvalidManifestException.class, invalid -> {
                    assertThat(invalid.problems()).hasSizeGreaterThan(1);
                    assertThat(invalid.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("invalid-manifest.yaml"));
                });
    }
}
