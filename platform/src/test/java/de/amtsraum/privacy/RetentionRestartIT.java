package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadlines are durable: a deadline that falls due while the platform is down runs right after the
 * next start, and the shred is recorded as an event naming rule, category and time — no personal data.
 */
class RetentionRestartIT {

    @Test
    void runsDeadlinesThatFellDueDuringDowntimeRightAfterStart() throws Exception {
        String dataDir = TemporaryDataDirectory.create().toString();
        Instant collected = Instant.parse("2026-03-02T09:00:00Z");
        String subject = UUID.randomUUID().toString();
        String sealed;
        try (PlatformInstance before = PlatformInstance.start(Map.of("amtsraum.data-dir", dataDir,
                "amtsraum.test.clock", collected.toString()))) {
            // Leer keeps booking name and e-mail 7 days after collection.
            sealed = before.bean(PersonalDataCipher.class).seal("leer", subject, DataKind.APPOINTMENT, "email",
                    "jan.janssen@example.org");
            assertThat(before.bean(JdbcTemplate.class).queryForObject(
                    "select count(*) from retention_deadline where subject_id = ? and done_at is null",
                    Integer.class, subject)).isEqualTo(1);
        }

        Instant afterDowntime = collected.plus(Duration.ofDays(8));
        try (PlatformInstance after = PlatformInstance.start(Map.of("amtsraum.data-dir", dataDir,
                "amtsraum.test.clock", afterDowntime.toString()))) {
            assertThat(after.bean(PersonalDataCipher.class).open("leer", subject, "email", sealed))
                    .isEqualTo(Redaction.VALUE);
            JdbcTemplate jdbc = after.bean(JdbcTemplate.class);
            byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where payload_type = ? "
                    + "order by global_index desc limit 1", byte[].class, PersonalDataShredded.class.getName());
            JsonNode shredded = new ObjectMapper().readTree(payload);
            assertThat(shredded.get("subjectId").asText()).isEqualTo(subject);
            assertThat(shredded.get("categoryId").asText()).isEqualTo("booking-contact");
            assertThat(shredded.get("cause").asText()).isEqualTo("RETENTION");
            assertThat(shredded.get("trigger").asText()).isEqualTo("COLLECTED");
            assertThat(shredded.get("ruleIndex").asInt()).isZero();
            assertThat(Instant.parse(shredded.get("shreddedAt").asText())).isEqualTo(afterDowntime);
            assertThat(new String(payload)).doesNotContain("jan.janssen");
        }
    }
}
