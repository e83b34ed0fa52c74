package de.amtsraum.account;

import de.amtsraum.identity.LoginAttempts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.amtsraum.identity.LoginAttempts.Attempt;
import de.amtsraum.identity.LoginAttempts.Outcome;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Login attempts as edge data: anonymised, classified, purged after each tenant's log retention. */
@PlatformTest
class LoginAttemptsIT {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @Autowired
    LoginAttempts attempts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private int kept(String key) {
        return jdbc.queryForObject("select count(*) from login_attempt where account_key = ?", Integer.class, key);
    }

    @Test
    void addressesAreAnonymisedAndOnlyClassesOfTheBrowserKept() {
        String key = UUID.randomUUID().toString();
        attempts.record(new Attempt("leer", key, null, Outcome.FAILURE, "203.0.113.77", FIREFOX));
        attempts.record(new Attempt("leer", key, "subject-1", Outcome.SUCCESS, "2001:db8:abcd:12:3456:789a:bcde:f012", null));
        attempts.record(new Attempt("leer", key, null, Outcome.FAILURE, "not-an-address", "curl/8.0"));
        var rows = jdbc.queryForList("select * from login_attempt where account_key = ? order by attempt_id", key);
        assertThat(rows).extracting(r -> r.get("ip_address"))
                .containsExactly("203.0.113.0", "2001:db8:abcd:0:0:0:0:0", null);
        assertThat(rows.get(0)).containsEntry("browser", "Firefox").containsEntry("operating_system", "Linux")
                .containsEntry("success", false).containsEntry("outcome", "FAILURE");
        assertThat(rows.get(1)).containsEntry("success", true).containsEntry("account_subject", "subject-1");
        assertThat(rows.get(2)).containsEntry("browser", "anderer");
        assertThat(rows).allSatisfy(row -> assertThat(row.values().toString()).doesNotContain("Mozilla", "rv:128", "203.0.113.77"));
    }

    @Test
    void throttlingCountsFailuresPerKeyAndPerAddressPrefix() {
        clock.advance(Duration.ofHours(1));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 4; i++) {
            attempts.record(new Attempt("leer", key, null, Outcome.FAILURE, "198.51.100." + (10 + i), FIREFOX));
        }
        assertThat(attempts.lockedUntil("leer", key, "198.51.100.99")).isEmpty();
        attempts.record(new Attempt("leer", key, null, Outcome.FAILURE, "198.51.100.20", FIREFOX));
        assertThat(attempts.lockedUntil("leer", key, "192.0.2.1")).hasValueSatisfying(until -> assertThat(until)
                .isCloseTo(clock.instant().plus(Duration.ofMinutes(15)), within(1, ChronoUnit.MILLIS)));
        assertThat(attempts.lockedUntil("coburg", key, "192.0.2.1")).as("other tenant").isEmpty();
        // Ten failures from one /24, each for another name, lock the prefix for every name.
        for (int i = 0; i < 5; i++) {
            attempts.record(new Attempt("leer", UUID.randomUUID().toString(), null, Outcome.FAILURE, "198.51.100.5", FIREFOX));
        }
        assertThat(attempts.lockedUntil("leer", UUID.randomUUID().toString(), "198.51.100.250")).isPresent();
        assertThat(attempts.lockedUntil("leer", UUID.randomUUID().toString(), "198.51.101.1")).isEmpty();
        // PostgreSQL keeps microseconds (rounded): one millisecond past the end.
        clock.advance(Duration.ofMinutes(15).plusMillis(1));
        assertThat(attempts.lockedUntil("leer", key, "198.51.100.250")).isEmpty();
    }

    @Test
    void purgeDeletesAttemptsOnceTheTenantsLogRetentionHasRunOut() {
        clock.advance(Duration.ofDays(400));
        String key = UUID.randomUUID().toString();
        for (String tenant : new String[] {"leer", "coburg", "heilbronn"}) {
            attempts.record(new Attempt(tenant, key, null, Outcome.FAILURE, "192.0.2.10", FIREFOX));
        }
        assertThat(kept(key)).isEqualTo(3);
        attempts.purgeExpired();
        assertThat(kept(key)).isEqualTo(3);

        clock.advance(Duration.ofDays(14).minusMinutes(1));
        attempts.purgeExpired();
        assertThat(kept(key)).as("Leer P14D not yet over").isEqualTo(3);
        clock.advance(Duration.ofMinutes(2));
        attempts.purgeExpired();
        assertThat(jdbc.queryForList("select tenant_id from login_attempt where account_key = ?", String.class, key))
                .containsExactlyInAnyOrder("coburg", "heilbronn");

        clock.advance(Duration.ofDays(16));
        attempts.purgeExpired();
        assertThat(jdbc.queryForList("select tenant_id from login_attempt where account_key = ?", String.class, key))
                .containsExactly("heilbronn");

        clock.advance(Duration.ofDays(190));
        attempts.purgeExpired();
        assertThat(kept(key)).as("Heilbronn P6M over").isZero();
    }
}
