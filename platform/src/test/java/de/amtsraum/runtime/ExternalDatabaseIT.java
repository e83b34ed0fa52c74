package de.amtsraum.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * External mode: given the standard datasource settings, the platform uses that server (here a
 * separate PostgreSQL, standing in for a managed one), lets Liquibase migrate it, and starts no
 * embedded database of its own.
 */
class ExternalDatabaseIT {

    @Test
    void usesTheConfiguredPostgresAndMigratesIt() throws Exception {
        Path dataDir = TemporaryDataDirectory.create();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            JdbcTemplate server = new JdbcTemplate(external.getPostgresDatabase());
            server.execute("create database amtsraum_ext");
            server.execute("create user amtsraum_app with password 's3cret-for-test'");
            server.execute("alter database amtsraum_ext owner to amtsraum_app");
            String url = "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/amtsraum_ext";

            try (PlatformInstance platform = PlatformInstance.start(Map.of(
                    "amtsraum.data-dir", dataDir.toString(),
                    "spring.datasource.url", url,
                    "spring.datasource.username", "amtsraum_app",
                    "spring.datasource.password", "s3cret-for-test"))) {
                assertThat(platform.context().getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                assertThat(platform.api().get("/api/v1/tenants").json().findValuesAsText("id")).hasSize(5);
            }

            JdbcTemplate migrated = new JdbcTemplate(external.getDatabase("postgres", "amtsraum_ext"));
            assertThat(migrated.queryForObject("select count(*) from databasechangelog", Integer.class)).isPositive();
            assertThat(migrated.queryForObject("select count(*) from tenant_directory", Integer.class)).isEqualTo(5);
            assertThat(migrated.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry"
                    + " where type = 'Tenant'", Integer.class)).isEqualTo(5);
            // Each tenant's onboarding published version 1 of its privacy notice (an event without aggregate).
            assertThat(migrated.queryForObject("select count(*) from domain_event_entry"
                    + " where payload_type = 'de.amtsraum.notice.PrivacyNoticePublished'", Integer.class)).isEqualTo(5);
        }
        assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded cluster created").isFalse();
    }
}
