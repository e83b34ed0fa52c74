package de.amtsraum.privacy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Makes a shred evict the key from the caches of every instance sharing the database: the shred
 * sends a PostgreSQL NOTIFY in its transaction (delivered only if it commits); each instance
 * LISTENs on a connection of its own and evicts. Payload: tenant, pseudonymous subject, category.
 * If the listening connection drops, the whole cache is evicted and listening resumes; the cache's
 * TTL bounds staleness even then.
 */
class KeyEvictionChannel implements SmartLifecycle {

    static final String CHANNEL = "amtsraum_key_shredded";
    private static final Logger log = LoggerFactory.getLogger(KeyEvictionChannel.class);

    private final DataSource dataSource;
    private final DSLContext db;
    private final SubjectKeyStore keys;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread listener;

    KeyEvictionChannel(DataSource dataSource, DSLContext db, SubjectKeyStore keys) {
        this.dataSource = dataSource;
        this.db = db;
        this.keys = keys;
    }

    /** Called in the transaction that shreds (or re-creates) a key; delivered when it commits. */
    void announce(SubjectKeyId id) {
        db.execute("select pg_notify({0}, {1})", org.jooq.impl.DSL.inline(CHANNEL),
                org.jooq.impl.DSL.val(id.tenantId() + "|" + id.subjectId() + "|" + id.categoryId()));
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            listener = Thread.ofPlatform().daemon().name("key-eviction-listener").start(this::listen);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void listen() {
        while (running.get()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] notifications = postgres.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            evict(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException broken) {
                if (running.get()) {
                    log.warn("Key eviction listener lost its connection ({}); evicting all cached keys",
                            broken.getClass().getSimpleName());
                    keys.evictAll();
                    pause();
                }
            }
        }
    }

    private void evict(String payload) {
        String[] parts = payload.split("\\|", 3);
        if (parts.length == 3) {
            keys.evict(new SubjectKeyId(parts[0], parts[1], parts[2]));
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000); // back-off before reconnecting, not a test wait
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
