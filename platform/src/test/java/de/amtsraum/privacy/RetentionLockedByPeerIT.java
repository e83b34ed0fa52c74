package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances (ADR 0027): a deadline whose row another instance holds locked — its shred
 * transaction still open — is skipped by this instance's pass, which runs everything else and ends
 * instead of listing the locked row again and again; the next pass, after the peer let go, runs it
 * once.
 */
@PlatformTest
class RetentionLockedByPeerIT {

    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    RetentionDeadlines retention;
    @Autowired
    MutableClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPassSkipsARowAPeerHoldsAndTheNextPassRunsItOnce() throws Exception {
        List<String> subjects = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        // Leer keeps booking contact data 7 days after collection.
        List<String> sealed = subjects.stream()
                .map(subject -> cipher.seal("leer", subject, DataKind.APPOINTMENT, "email", "peer-" + subject)).toList();
        clock.advance(Duration.ofDays(8));
        String held = subjects.get(0);

        try (Connection peer = dataSource.getConnection()) {
            peer.setAutoCommit(false);
            try (PreparedStatement lock = peer.prepareStatement(
                    "select id from retention_deadline where subject_id = ? and done_at is null for update")) {
                lock.setString(1, held);
                try (ResultSet rows = lock.executeQuery()) {
                    assertThat(rows.next()).as("the held subject's deadline").isTrue();
                }
            }
            CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(retention::runDue);
            try {
                assertThat(pass.get(60, TimeUnit.SECONDS)).as("the pass ends while the peer holds a row")
                        .isGreaterThanOrEqualTo(2);
            } finally {
                peer.rollback();
            }
            pass.join();
        }
        assertThat(open(held)).as("held by the peer: left for the next pass").isEqualTo(1);
        assertThat(cipher.open("leer", held, "email", sealed.get(0))).isEqualTo("peer-" + held);
        for (int i = 1; i < subjects.size(); i++) {
            assertThat(open(subjects.get(i))).isZero();
            assertThat(cipher.open("leer", subjects.get(i), "email", sealed.get(i))).isEqualTo(Redaction.VALUE);
        }

        retention.runDue();
        assertThat(open(held)).isZero();
        assertThat(cipher.open("leer", held, "email", sealed.get(0))).isEqualTo(Redaction.VALUE);
        for (String subject : subjects) {
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ? "
                            + "and convert_from(payload, 'UTF8')::jsonb ->> 'subjectId' = ?", Integer.class,
                    PersonalDataShredded.class.getName(), subject)).as("one shred per deadline").isEqualTo(1);
        }
    }

    private int open(String subject) {
        return jdbc.queryForObject("select count(*) from retention_deadline where subject_id = ? and done_at is null",
                Integer.class, subject);
    }
}
