package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database (and one key-encryption key): a shred on one instance evicts the
 * key from the other instance's cache at once, so neither can read the data afterwards.
 */
class KeyEvictionIT {

    @Test
    void aShredOnOneInstanceEvictsTheKeyCachedByAnother() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            Map<String, String> shared = Map.of(
                    "amtsraum.data-dir", TemporaryDataDirectory.create().toString(),
                    "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
                    "spring.datasource.username", "postgres");
            try (PlatformInstance first = PlatformInstance.start(shared);
                 PlatformInstance second = PlatformInstance.start(shared)) {
                String subject = UUID.randomUUID().toString();
                PersonalDataCipher onFirst = first.bean(PersonalDataCipher.class);
                String sealed = onFirst.seal("helbra", subject, DataKind.CONTACT_REQUEST, "email", "a@example.org");
                assertThat(onFirst.open("helbra", subject, "email", sealed)).isEqualTo("a@example.org"); // now cached

                second.bean(SubjectKeys.class).shredAll("helbra", subject, ShredCause.ERASURE_REQUEST);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(onFirst.open("helbra", subject, "email", sealed)).isEqualTo(Redaction.VALUE));
            }
        }
    }
}
