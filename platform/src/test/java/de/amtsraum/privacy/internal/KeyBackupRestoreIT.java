package de.amtsraum.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backups and keys (issue 9, ADR 0029): a database backup taken before an erasure, restored after
 * it, does not make the erased subject readable again — whether the backup holds the key table (a
 * physical copy) or leaves it out (pg_dump with {@code --exclude-table-data=subject_key}) — because
 * the key backups written apart from it decide which keys exist. Expired key backups are deleted and
 * refused.
 */
class KeyBackupRestoreIT {

    private static final Instant T0 = Instant.parse("2027-02-01T09:00:00Z");
    private static final String TENANT = "leer";
    private static final String KEPT_MAIL = "behalten.backup@example.org";
    private static final String ERASED_MAIL = "geloescht.backup@example.org";

    private EmbeddedPostgres server;
    private JdbcTemplate admin;
    private Path dataDir;
    private final String kept = UUID.randomUUID().toString();
    private final String erased = UUID.randomUUID().toString();
    private String sealedKept;
    private String sealedErased;

    @BeforeEach
    void startDatabase() throws IOException {
        server = EmbeddedPostgres.builder().start();
        admin = new JdbcTemplate(server.getPostgresDatabase());
        admin.execute("create database amtsraum_live");
        dataDir = TemporaryDataDirectory.create();
    }

    @AfterEach
    void stopDatabase() throws IOException {
        server.close();
    }

    @Test
    void aPhysicalBackupFromBeforeAnErasureDoesNotBringTheErasedSubjectBack() throws Exception {
        sealTwoSubjects();
        admin.execute("create database backup_before template amtsraum_live");
        Path keyBackup = eraseOneAndWriteKeyBackup();
        assertThat(unzipped(keyBackup)).doesNotContain(KEPT_MAIL, ERASED_MAIL, "behalten", "geloescht");

        restoreDatabaseFrom("backup_before");
        assertThat(keyRows(erased)).as("the restored backup still holds the erased subject's key").isEqualTo(1);

        try (PlatformInstance restored = start(T0.plus(Duration.ofHours(2)), Map.of())) {
            PersonalDataCipher cipher = restored.bean(PersonalDataCipher.class);
            assertThat(cipher.open(TENANT, erased, "email", sealedErased)).isEqualTo(Redaction.VALUE);
            assertThat(cipher.open(TENANT, kept, "email", sealedKept)).isEqualTo(KEPT_MAIL);
            JdbcTemplate db = restored.bean(JdbcTemplate.class);
            assertThat(db.queryForObject("select count(*) from subject_key where subject_id = ?", Integer.class, erased))
                    .isZero();
            assertThat(db.queryForObject("select cause from shredded_key where subject_id = ?", String.class, erased))
                    .isEqualTo(ShredCause.ERASURE_REQUEST.name());
        }
    }

    @Test
    void aBackupWithoutKeysIsRestoredWithTheNewestKeyBackup() throws Exception {
        sealTwoSubjects();
        admin.execute("create database backup_without_keys template amtsraum_live");
        // What `pg_dump --exclude-table-data=subject_key` leaves: the table without rows.
        new JdbcTemplate(server.getDatabase("postgres", "backup_without_keys")).execute("delete from subject_key");
        eraseOneAndWriteKeyBackup();

        restoreDatabaseFrom("backup_without_keys");
        assertThat(keyRows(kept)).isZero();

        try (PlatformInstance restored = start(T0.plus(Duration.ofHours(2)),
                Map.of("amtsraum.privacy.key-backup.restore-from", dataDir.resolve("key-backups").toString()))) {
            PersonalDataCipher cipher = restored.bean(PersonalDataCipher.class);
            assertThat(cipher.open(TENANT, kept, "email", sealedKept)).isEqualTo(KEPT_MAIL);
            assertThat(cipher.open(TENANT, erased, "email", sealedErased)).isEqualTo(Redaction.VALUE);
        }
        // Started again with the setting left in place: the database now holds newer keys, nothing is replaced.
        try (PlatformInstance again = start(T0.plus(Duration.ofHours(3)),
                Map.of("amtsraum.privacy.key-backup.restore-from", dataDir.resolve("key-backups").toString()))) {
            String later = UUID.randomUUID().toString();
            String sealedLater = again.bean(PersonalDataCipher.class).seal(TENANT, later, DataKind.APPOINTMENT,
                    "email", "spaeter.backup@example.org");
            again.close();
            try (PlatformInstance third = start(T0.plus(Duration.ofHours(4)),
                    Map.of("amtsraum.privacy.key-backup.restore-from", dataDir.resolve("key-backups").toString()))) {
                assertThat(third.bean(PersonalDataCipher.class).open(TENANT, later, "email", sealedLater))
                        .isEqualTo("spaeter.backup@example.org");
            }
        }
    }

    @Test
    void expiredKeyBackupsAreDeletedAndRefused() throws Exception {
        sealTwoSubjects();
        Path keyBackup;
        try (PlatformInstance live = start(T0.plus(Duration.ofMinutes(5)), Map.of())) {
            KeyBackups backups = live.bean(KeyBackups.class);
            var age = live.bean(io.micrometer.core.instrument.MeterRegistry.class).get("amtsraum.privacy.key.backup.age")
                    .gauge();
            assertThat(age.value()).isNaN();
            keyBackup = backups.write().orElseThrow();
            live.bean(MutableClock.class).advance(Duration.ofMinutes(20));
            assertThat(age.value()).isEqualTo(20 * 60.0);
            live.bean(MutableClock.class).advance(Duration.ofMinutes(-20));
            Path copy = Files.copy(keyBackup, dataDir.resolve(keyBackup.getFileName()));
            MutableClock clock = live.bean(MutableClock.class);
            clock.advance(Duration.ofHours(23));
            assertThat(backups.prune()).isZero();
            clock.advance(Duration.ofHours(2));
            assertThat(backups.prune()).isEqualTo(1);
            assertThat(keyBackup).doesNotExist();
            keyBackup = copy;
        }
        Path expired = keyBackup;
        assertThatThrownBy(() -> start(T0.plus(Duration.ofDays(2)),
                Map.of("amtsraum.privacy.key-backup.restore-from", expired.toString())))
                .rootCause().hasMessageContaining("expired").hasMessageContaining("must not be restored");
    }

    private void sealTwoSubjects() {
        try (PlatformInstance live = start(T0, Map.of())) {
            PersonalDataCipher cipher = live.bean(PersonalDataCipher.class);
            sealedKept = cipher.seal(TENANT, kept, DataKind.APPOINTMENT, "email", KEPT_MAIL);
            sealedErased = cipher.seal(TENANT, erased, DataKind.APPOINTMENT, "email", ERASED_MAIL);
        }
    }

    private Path eraseOneAndWriteKeyBackup() {
        try (PlatformInstance live = start(T0.plus(Duration.ofHours(1)), Map.of())) {
            live.bean(SubjectKeys.class).shredAll(TENANT, erased, ShredCause.ERASURE_REQUEST);
            PersonalDataCipher cipher = live.bean(PersonalDataCipher.class);
            assertThat(cipher.open(TENANT, erased, "email", sealedErased)).isEqualTo(Redaction.VALUE);
            live.bean(MutableClock.class).advance(Duration.ofMinutes(1));
            return live.bean(KeyBackups.class).write().orElseThrow();
        }
    }

    private void restoreDatabaseFrom(String backup) {
        admin.execute("drop database amtsraum_live");
        admin.execute("create database amtsraum_live template " + backup);
    }

    private int keyRows(String subject) {
        return new JdbcTemplate(server.getDatabase("postgres", "amtsraum_live"))
                .queryForObject("select count(*) from subject_key where subject_id = ?", Integer.class, subject);
    }

    private PlatformInstance start(Instant now, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "amtsraum.data-dir", dataDir.toString(),
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/amtsraum_live",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "amtsraum.test.clock", now.toString()));
        settings.putAll(extra);
        return PlatformInstance.start(settings);
    }

    private static String unzipped(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
