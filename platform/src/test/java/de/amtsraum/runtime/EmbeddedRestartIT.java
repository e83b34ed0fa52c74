package de.amtsraum.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Embedded mode keeps everything in the data directory: a restart finds the same data, records nothing twice. */
class EmbeddedRestartIT {

    @Test
    void keepsAllDataAcrossARestartWithoutDuplicateTenantEvents() throws Exception {
        Path dataDir = TemporaryDataDirectory.create();
        Map<String, String> settings = Map.of("amtsraum.data-dir", dataDir.toString());

        List<Map<String, Object>> eventsBefore;
        String tenantsBefore;
        try (PlatformInstance first = PlatformInstance.start(settings)) {
            tenantsBefore = first.api().get("/api/v1/tenants").body();
            eventsBefore = events(first);
            first.bean(JdbcTemplate.class).execute("create table restart_marker (id int)");
        }
        assertThat(Files.isRegularFile(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres.password")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(eventsBefore).hasSizeGreaterThanOrEqualTo(5);

        try (PlatformInstance second = PlatformInstance.start(settings)) {
            assertThat(second.api().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
            assertThat(second.api().get("/api/v1/tenants").body()).isEqualTo(tenantsBefore);
            assertThat(events(second)).isEqualTo(eventsBefore);
            int port = second.bean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class).getPort();
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "postgres", "")).as("no connection without the password").isInstanceOf(SQLException.class);
            assertThat(second.bean(JdbcTemplate.class).queryForObject(
                    "select count(*) from information_schema.tables where table_name = 'restart_marker'",
                    Integer.class)).isEqualTo(1);
        }
    }

    private static List<Map<String, Object>> events(PlatformInstance instance) {
        return instance.bean(JdbcTemplate.class).queryForList(
                "select global_index, aggregate_identifier, sequence_number, payload_type from domain_event_entry "
                        + "order by global_index");
    }
}
