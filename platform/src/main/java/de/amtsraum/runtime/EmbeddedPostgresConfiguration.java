package de.amtsraum.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: with no {@code spring.datasource.url}, start a real PostgreSQL from the binaries
 * in the {@code io.zonky.test.postgres} jar, with its cluster under {@code <data-dir>/postgres}
 * so that data survives restarts. External mode (a datasource URL is set) skips all of this and
 * Spring Boot's own DataSource configuration applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(RuntimeProperties properties) throws IOException, SQLException {
        Path cluster = properties.resolve("postgres");
        Files.createDirectories(cluster);
        StalePostmaster.stopIfRunning(cluster);
        String password = EmbeddedPostgresCredentials.loadOrCreatePassword(properties.dataDirectory());
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // Durable like a real server: zonky passes -F (fsync off) for test speed; undo it.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setConnectConfig("password", password)
                // Stopped by the context (destroyMethod), after Axon's processors: zonky's own JVM shutdown
                // hook would stop the server concurrently, under a tracking processor still running.
                .setRegisterShutdownHook(false)
                .start();
        EmbeddedPostgresCredentials.requirePassword(postgres, cluster, password);
        log.info("Embedded PostgreSQL ready on 127.0.0.1:{} in {} ms (data under {})", postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000, cluster);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, RuntimeProperties properties) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        config.setUsername("postgres");
        config.setPassword(EmbeddedPostgresCredentials.loadOrCreatePassword(properties.dataDirectory()));
        config.setPoolName("amtsraum-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
