package de.amtsraum.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsraum.shared.TenantRowSecurity;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security proof on {@code request_log} (ADR 0012): a role that does not own the table (as
 * the application would connect in production) sees no row without the tenant setting, only its
 * tenant's rows with it, cannot write another tenant's row, and the setting ends with the transaction
 * (a pooled connection does not carry it on). The owner (the application today) is not bound.
 */
@PlatformTest
class RowLevelSecurityIT {

    private static final String ROLE = "amtsraum_rls_probe";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DSLContext db;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RequestLogs requestLogs;

    @BeforeEach
    void setUp() {
        PageClient browser = new PageClient(port);
        browser.get("/helbra/datenschutz");
        browser.get("/leer/datenschutz");
        browser.get("/keine-behoerde/datenschutz");
        requestLogs.flush();
        jdbc.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                + "CREATE ROLE " + ROLE + " NOLOGIN; END IF; END $$");
        jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON request_log TO " + ROLE);
    }

    long count(String where) {
        return jdbc.queryForObject("select count(*) from request_log" + where, Long.class);
    }

    @Test
    void withoutTheTenantSettingTheApplicationRoleSeesNothing() {
        long helbra = count(" where tenant_id = 'helbra'");
        assertThat(helbra).isPositive();
        assertThat(count(" where tenant_id = 'leer'")).isPositive();
        assertThat(count(" where tenant_id is null")).isPositive();

        transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL ROLE " + ROLE);
            assertThat(count("")).as("no tenant set: no row at all").isZero();
            assertThat(count(" where tenant_id = 'helbra'")).as("a filter does not help").isZero();
        });

        transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL ROLE " + ROLE);
            TenantRowSecurity.bind(db, "helbra");
            assertThat(jdbc.queryForList("select distinct tenant_id from request_log", String.class))
                    .containsExactly("helbra");
            assertThat(count("")).isEqualTo(helbra);
            assertThat(jdbc.update("update request_log set os = 'x' where tenant_id = 'leer'"))
                    .as("other tenants' rows cannot be changed").isZero();
            assertThat(jdbc.update("delete from request_log where tenant_id is null"))
                    .as("nor the platform bucket").isZero();
        });

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL ROLE " + ROLE);
            TenantRowSecurity.bind(db, "helbra");
            jdbc.update("insert into request_log (tenant_id, at, method, path_template, status, duration_ms) "
                    + "values ('leer', now(), 'GET', '/', 200, 1)");
        })).as("writing another tenant's row").isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("violates row-level security policy");

        // The setting and the role ended with their transactions, on whichever pooled connection.
        for (int i = 0; i < 5; i++) {
            transactions.executeWithoutResult(tx -> {
                jdbc.execute("SET LOCAL ROLE " + ROLE);
                assertThat(count("")).isZero();
            });
        }
        assertThat(count(" where tenant_id in ('helbra', 'leer') or tenant_id is null"))
                .as("the owner, as the application connects today, is not bound").isGreaterThan(helbra);
        assertThat(jdbc.queryForObject("select current_setting('app.tenant_id', true)", String.class))
                .as("no tenant outside a transaction").isNullOrEmpty();
    }
}
