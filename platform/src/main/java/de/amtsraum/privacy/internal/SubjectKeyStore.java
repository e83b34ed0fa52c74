package de.amtsraum.privacy.internal;

import static de.amtsraum.readmodel.jooq.Tables.SHREDDED_KEY;
import static de.amtsraum.readmodel.jooq.Tables.SUBJECT_KEY;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import de.amtsraum.privacy.ShredCause;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Data keys in {@code subject_key}, wrapped by the tenant's KEK (associated data: tenant, subject,
 * category). Unwrapped keys are cached; a shred removes the row, writes a tombstone and evicts the
 * cache here; other instances evict on the shred's NOTIFY ({@link KeyEvictionChannel}), and after
 * {@link #CACHE_TTL} at the latest.
 */
class SubjectKeyStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubjectKeyStore.class);

    static final Duration CACHE_TTL = Duration.ofMinutes(2);

    private final DSLContext db;
    private final KeyEncryptionKeys keks;
    private final Clock clock;
    private final Cache<SubjectKeyId, Aead> cache;
    /** Keys known to be shredded (tombstone seen); dropped when such a key is created again. */
    private final Cache<SubjectKeyId, Boolean> erased;
    private java.util.function.Consumer<SubjectKeyId> onCreated = id -> { };
    private final java.util.Set<String> kekChecked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SubjectKeyStore(DSLContext db, KeyEncryptionKeys keks, Clock clock, long cacheSize) {
        this.db = db;
        this.keks = keks;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(CACHE_TTL).build();
        this.erased = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(CACHE_TTL).build();
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key, if it exists (not yet created, or shredded: empty). */
    Optional<Aead> find(SubjectKeyId id) {
        Aead cached = cache.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (erased.getIfPresent(id) != null) {
            return Optional.empty();
        }
        Optional<Aead> key = db.select(SUBJECT_KEY.WRAPPED_KEY).from(SUBJECT_KEY)
                .where(SUBJECT_KEY.TENANT_ID.eq(id.tenantId()), SUBJECT_KEY.SUBJECT_ID.eq(id.subjectId()),
                        SUBJECT_KEY.CATEGORY_ID.eq(id.categoryId()))
                .fetchOptional(SUBJECT_KEY.WRAPPED_KEY)
                .flatMap(wrapped -> unwrap(id, wrapped));
        if (key.isEmpty() && db.fetchExists(SHREDDED_KEY, SHREDDED_KEY.TENANT_ID.eq(id.tenantId()),
                SHREDDED_KEY.SUBJECT_ID.eq(id.subjectId()), SHREDDED_KEY.CATEGORY_ID.eq(id.categoryId()))) {
            // Shredded: remember it, so replaying an erased subject's events costs no query per field.
            erased.put(id, Boolean.TRUE);
        }
        return key;
    }

    /**
     * The key, created when missing. {@code created} is told whether this call created it. A new key
     * costs one lookup, one insert and the creation notice: it is cached from the generated keyset,
     * not read back, and no tombstone is consulted (creating the key ends an erasure mark anyway).
     */
    Aead findOrCreate(SubjectKeyId id, Runnable created) {
        Aead cached = cache.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        Optional<byte[]> stored = db.select(SUBJECT_KEY.WRAPPED_KEY).from(SUBJECT_KEY)
                .where(SUBJECT_KEY.TENANT_ID.eq(id.tenantId()), SUBJECT_KEY.SUBJECT_ID.eq(id.subjectId()),
                        SUBJECT_KEY.CATEGORY_ID.eq(id.categoryId()))
                .fetchOptional(SUBJECT_KEY.WRAPPED_KEY);
        if (stored.isPresent()) {
            return unwrap(id, stored.get())
                    .orElseThrow(() -> new IllegalStateException("data key exists but cannot be unwrapped"));
        }
        try {
            KeysetHandle key = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(key, kek(id.tenantId()),
                    id.keyAssociatedData());
            int inserted = db.insertInto(SUBJECT_KEY)
                    .set(SUBJECT_KEY.TENANT_ID, id.tenantId())
                    .set(SUBJECT_KEY.SUBJECT_ID, id.subjectId())
                    .set(SUBJECT_KEY.CATEGORY_ID, id.categoryId())
                    .set(SUBJECT_KEY.WRAPPED_KEY, wrapped)
                    .set(SUBJECT_KEY.CREATED_AT, now())
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                // Another transaction created it first.
                return find(id).orElseThrow(() -> new IllegalStateException("data key vanished while being created"));
            }
            Aead aead = key.getPrimitive(RegistryConfiguration.get(), Aead.class);
            cache.put(id, aead);
            erased.invalidate(id);
            onCreated.accept(id); // other instances drop an "erased" entry of a re-created key
            evictIfRolledBack(id);
            created.run();
            return aead;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create a data key", e);
        }
    }

    /**
     * What a transaction that rolls back taught the caches must be forgotten: a key created in it
     * (data sealed with it later would reference a key never stored), or an "erased" mark seen
     * inside a shred that did not happen.
     */
    private void evictIfRolledBack(SubjectKeyId id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        evict(id);
                    }
                }
            });
        }
    }

    /** @return whether a key was destroyed now (false: already shredded or never created) */
    boolean shred(SubjectKeyId id, ShredCause cause) {
        int deleted = db.deleteFrom(SUBJECT_KEY)
                .where(SUBJECT_KEY.TENANT_ID.eq(id.tenantId()), SUBJECT_KEY.SUBJECT_ID.eq(id.subjectId()),
                        SUBJECT_KEY.CATEGORY_ID.eq(id.categoryId()))
                .execute();
        cache.invalidate(id);
        if (deleted == 0) {
            return false;
        }
        evictIfRolledBack(id); // an "erased" entry seen inside a shred that rolls back must not stay
        db.insertInto(SHREDDED_KEY)
                .set(SHREDDED_KEY.TENANT_ID, id.tenantId())
                .set(SHREDDED_KEY.SUBJECT_ID, id.subjectId())
                .set(SHREDDED_KEY.CATEGORY_ID, id.categoryId())
                .set(SHREDDED_KEY.CAUSE, cause.name())
                .set(SHREDDED_KEY.SHREDDED_AT, now())
                .onConflict(SHREDDED_KEY.TENANT_ID, SHREDDED_KEY.SUBJECT_ID, SHREDDED_KEY.CATEGORY_ID)
                .doUpdate().set(SHREDDED_KEY.CAUSE, cause.name()).set(SHREDDED_KEY.SHREDDED_AT, now())
                .execute();
        return true;
    }

    int keysHeld(String tenantId, String categoryId) {
        return db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.TENANT_ID.eq(tenantId), SUBJECT_KEY.CATEGORY_ID.eq(categoryId));
    }

    List<String> categoriesOf(String tenantId, String subjectId) {
        return db.select(SUBJECT_KEY.CATEGORY_ID).from(SUBJECT_KEY)
                .where(SUBJECT_KEY.TENANT_ID.eq(tenantId), SUBJECT_KEY.SUBJECT_ID.eq(subjectId))
                .orderBy(SUBJECT_KEY.CATEGORY_ID)
                .fetch(SUBJECT_KEY.CATEGORY_ID);
    }

    /** The subjects of a tenant that still have a data key. */
    List<String> subjectsOf(String tenantId) {
        return db.selectDistinct(SUBJECT_KEY.SUBJECT_ID).from(SUBJECT_KEY)
                .where(SUBJECT_KEY.TENANT_ID.eq(tenantId))
                .orderBy(SUBJECT_KEY.SUBJECT_ID)
                .fetch(SUBJECT_KEY.SUBJECT_ID);
    }

    boolean hasKeys(String tenantId) {
        return db.fetchExists(SUBJECT_KEY, SUBJECT_KEY.TENANT_ID.eq(tenantId));
    }

    /**
     * The tenant is erased (offboarding): its KEK is destroyed and nothing of it stays in this
     * instance's caches. Idempotent; also run on the tenant-wide NOTIFY of another instance.
     */
    void forgetTenant(String tenantId) {
        keks.destroy(tenantId);
        kekChecked.remove(tenantId);
        cache.asMap().keySet().removeIf(id -> id.tenantId().equals(tenantId));
        erased.asMap().keySet().removeIf(id -> id.tenantId().equals(tenantId));
    }

    /** Called with each key this instance creates (wired to the NOTIFY channel). */
    void onCreated(java.util.function.Consumer<SubjectKeyId> listener) {
        this.onCreated = listener;
    }

    void evictAll() {
        cache.invalidateAll();
        erased.invalidateAll();
    }

    void evict(SubjectKeyId id) {
        cache.invalidate(id);
        erased.invalidate(id);
    }

    /**
     * The tenant's KEK. Creating one is refused while wrapped keys of the tenant exist: a missing KEK
     * file (a restore without {@code kek/}, an unshared data directory) must stop the platform loudly
     * instead of silently turning every existing key into "shredded".
     */
    private Aead kek(String tenantId) {
        if (kekChecked.add(tenantId) && !keks.exists(tenantId) && db.fetchExists(SUBJECT_KEY,
                SUBJECT_KEY.TENANT_ID.eq(tenantId))) {
            kekChecked.remove(tenantId);
            throw new IllegalStateException("The key-encryption key of tenant " + tenantId
                    + " is missing while wrapped data keys of the tenant exist; restore it (see docs/operations.md)");
        }
        return keks.forTenant(tenantId);
    }

    /** What one pass of {@link #rewrap} did. */
    record Rewrapped(int rewrapped, int unreadable) {
    }

    /**
     * Wraps every data key of the tenant (created at or after {@code since}, or all) anew with the
     * KEK's current primary key, page by page; a key shredded meanwhile is simply not updated.
     */
    Rewrapped rewrap(String tenantId, java.time.Instant since) {
        int rewrapped = 0;
        int unreadable = 0;
        String lastSubject = "";
        String lastCategory = "";
        while (true) {
            var page = db.select(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.CATEGORY_ID, SUBJECT_KEY.WRAPPED_KEY)
                    .from(SUBJECT_KEY)
                    .where(SUBJECT_KEY.TENANT_ID.eq(tenantId),
                            since == null ? org.jooq.impl.DSL.noCondition()
                                    : SUBJECT_KEY.CREATED_AT.ge(since.atOffset(ZoneOffset.UTC)),
                            org.jooq.impl.DSL.row(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.CATEGORY_ID)
                                    .gt(lastSubject, lastCategory))
                    .orderBy(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.CATEGORY_ID)
                    .limit(500)
                    .fetch();
            if (page.isEmpty()) {
                return new Rewrapped(rewrapped, unreadable);
            }
            for (var row : page) {
                SubjectKeyId id = new SubjectKeyId(tenantId, row.value1(), row.value2());
                byte[] old = row.value3();
                try {
                    Aead kek = kek(tenantId);
                    byte[] fresh = TinkProtoKeysetFormat.serializeEncryptedKeyset(
                            TinkProtoKeysetFormat.parseEncryptedKeyset(old, kek, id.keyAssociatedData()), kek,
                            id.keyAssociatedData());
                    rewrapped += db.update(SUBJECT_KEY).set(SUBJECT_KEY.WRAPPED_KEY, fresh)
                            .where(SUBJECT_KEY.TENANT_ID.eq(tenantId), SUBJECT_KEY.SUBJECT_ID.eq(id.subjectId()),
                                    SUBJECT_KEY.CATEGORY_ID.eq(id.categoryId()), SUBJECT_KEY.WRAPPED_KEY.eq(old))
                            .execute();
                } catch (GeneralSecurityException unopenable) {
                    unreadable++;
                }
                lastSubject = id.subjectId();
                lastCategory = id.categoryId();
            }
        }
    }

    /** Empty when the tenant's KEK no longer opens the key (KEK destroyed at offboarding): erased too. */
    private Optional<Aead> unwrap(SubjectKeyId id, byte[] wrapped) {
        try {
            Aead aead = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek(id.tenantId()),
                    id.keyAssociatedData()).getPrimitive(RegistryConfiguration.get(), Aead.class);
            cache.put(id, aead);
            return Optional.of(aead);
        } catch (GeneralSecurityException unopenable) {
            log.error("A data key of tenant {} cannot be unwrapped with the tenant's key-encryption key; "
                    + "its data reads as erased", id.tenantId());
            return Optional.empty();
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
