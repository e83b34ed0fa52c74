package de.amtsraum.privacy.internal;

import de.amtsraum.shared.PostgresListener;
import javax.sql.DataSource;
import org.jooq.DSLContext;
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
    /** Subject and category of a tenant-wide eviction; never a subject id (those are UUIDs). */
    static final String TENANT_WIDE = "*";

    private final DSLContext db;
    private final SubjectKeyStore keys;
    private final PostgresListener listener;

    KeyEvictionChannel(DataSource dataSource, DSLContext db, SubjectKeyStore keys) {
        this.db = db;
        this.keys = keys;
        // If the listening connection drops, every cached key is evicted: a missed shred cannot linger.
        this.listener = new PostgresListener(dataSource, CHANNEL, this::evict, keys::evictAll);
    }

    /** Called in the transaction that shreds (or re-creates) a key; delivered when it commits. */
    void announce(SubjectKeyId id) {
        db.execute("select pg_notify({0}, {1})", org.jooq.impl.DSL.inline(CHANNEL),
                org.jooq.impl.DSL.val(id.tenantId() + "|" + id.subjectId() + "|" + id.categoryId()));
    }

    /** A whole tenant is erased (offboarding): every instance forgets its keys and KEK. Sent in the erasing transaction. */
    void announceTenant(String tenantId) {
        db.execute("select pg_notify({0}, {1})", org.jooq.impl.DSL.inline(CHANNEL),
                org.jooq.impl.DSL.val(tenantId + "|" + TENANT_WIDE + "|" + TENANT_WIDE));
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    private void evict(String payload) {
        String[] parts = payload.split("\\|", 3);
        if (parts.length == 3 && TENANT_WIDE.equals(parts[1]) && TENANT_WIDE.equals(parts[2])) {
            keys.forgetTenant(parts[0]);
        } else if (parts.length == 3) {
            keys.evict(new SubjectKeyId(parts[0], parts[1], parts[2]));
        }
    }
}
