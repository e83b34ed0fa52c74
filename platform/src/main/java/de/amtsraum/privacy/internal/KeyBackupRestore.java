package de.amtsraum.privacy.internal;

import static de.amtsraum.readmodel.jooq.Tables.SHREDDED_KEY;
import static de.amtsraum.readmodel.jooq.Tables.SUBJECT_KEY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before any data key is read (ADR 0029):
 * <ul>
 * <li>with {@code restore-from}: replaces the key table by a key backup (after a database restore),
 * unless the database holds keys or erasures newer than that backup; an expired backup is refused;</li>
 * <li>always: takes the tombstones of the newest key backup and destroys every key the database holds
 * although the backup says it was shredded since it was created — so restoring any database backup
 * taken before an erasure cannot bring the erased subject's key back.</li>
 * </ul>
 */
class KeyBackupRestore {

    private static final Logger log = LoggerFactory.getLogger(KeyBackupRestore.class);
    private static final int BATCH = 1_000;

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final KeyBackupProperties properties;
    private final Path directory;
    private final Clock clock;

    KeyBackupRestore(DSLContext db, TransactionTemplate transactions, KeyBackupProperties properties, Path directory,
                     Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.properties = properties;
        this.directory = directory;
        this.clock = clock;
    }

    void atStart() {
        if (properties.restoreFrom() != null) {
            restore(chosen(Path.of(properties.restoreFrom())));
        }
        KeyBackupFile.newestIn(directory).ifPresent(this::reconcile);
    }

    private static KeyBackupFile chosen(Path from) {
        Optional<KeyBackupFile> backup = Files.isDirectory(from) ? KeyBackupFile.newestIn(from) : KeyBackupFile.of(from);
        return backup.filter(file -> Files.isRegularFile(file.path())).orElseThrow(() -> new IllegalStateException(
                "amtsraum.privacy.key-backup.restore-from: no key backup (keys-<time>.json.gz) at " + from));
    }

    /** Replaces the key table by the backup's keys and adds its tombstones. */
    void restore(KeyBackupFile backup) {
        KeyBackupFile.Header header = backup.header();
        if (header.expiresAt().isBefore(clock.instant())) {
            throw new IllegalStateException("Key backup " + backup.path().getFileName() + " expired at "
                    + header.expiresAt() + " and must not be restored: keys erased since it was taken would come "
                    + "back. Restore a newer key backup, or start without one (personal data of the database "
                    + "backup then stays unreadable).");
        }
        Instant newest = newestInDatabase();
        if (newest != null && newest.isAfter(header.takenAt())) {
            log.warn("Key restore from {} skipped: the database holds keys or erasures newer than the backup "
                    + "({}); remove amtsraum.privacy.key-backup.restore-from", backup.path().getFileName(), newest);
            return;
        }
        long[] counts = new long[2];
        transactions.executeWithoutResult(status -> {
            db.deleteFrom(SUBJECT_KEY).execute();
            List<Query> batch = new ArrayList<>(BATCH);
            backup.read(key -> {
                batch.add(db.insertInto(SUBJECT_KEY)
                        .set(SUBJECT_KEY.TENANT_ID, key.tenantId())
                        .set(SUBJECT_KEY.SUBJECT_ID, key.subjectId())
                        .set(SUBJECT_KEY.CATEGORY_ID, key.categoryId())
                        .set(SUBJECT_KEY.WRAPPED_KEY, key.wrappedKey())
                        .set(SUBJECT_KEY.CREATED_AT, utc(key.createdAt())));
                counts[0]++;
                flushWhenFull(batch);
            }, tombstone -> {
                batch.add(upsert(tombstone));
                counts[1]++;
                flushWhenFull(batch);
            });
            flush(batch);
            counts[0] -= destroyErased();
        });
        log.info("Key table restored from {} (taken at {}): {} keys, {} tombstones", backup.path().getFileName(),
                header.takenAt(), counts[0], counts[1]);
    }

    /** Adds the backup's tombstones and destroys keys erased after they were created; returns how many. */
    int reconcile(KeyBackupFile backup) {
        Instant newestTombstone = toInstant(db.select(org.jooq.impl.DSL.max(SHREDDED_KEY.SHREDDED_AT))
                .from(SHREDDED_KEY).fetchOne(0, OffsetDateTime.class));
        if (newestTombstone != null && !newestTombstone.isBefore(backup.takenAt())) {
            return 0; // the database has seen erasures since the backup: it holds all of the backup's tombstones
        }
        int destroyed = transactions.execute(status -> {
            List<Query> batch = new ArrayList<>(BATCH);
            Consumer<KeyBackupFile.Key> skipKeys = key -> { };
            backup.read(skipKeys, tombstone -> {
                batch.add(upsert(tombstone));
                flushWhenFull(batch);
            });
            flush(batch);
            return destroyErased();
        });
        if (destroyed > 0) {
            log.warn("{} data keys erased before key backup {} were in the database (restored from an older "
                    + "backup?) and are destroyed again", destroyed, backup.path().getFileName());
        }
        return destroyed;
    }

    private Query upsert(KeyBackupFile.Tombstone tombstone) {
        OffsetDateTime shreddedAt = utc(tombstone.shreddedAt());
        return db.insertInto(SHREDDED_KEY)
                .set(SHREDDED_KEY.TENANT_ID, tombstone.tenantId())
                .set(SHREDDED_KEY.SUBJECT_ID, tombstone.subjectId())
                .set(SHREDDED_KEY.CATEGORY_ID, tombstone.categoryId())
                .set(SHREDDED_KEY.CAUSE, tombstone.cause())
                .set(SHREDDED_KEY.SHREDDED_AT, shreddedAt)
                .onConflict(SHREDDED_KEY.TENANT_ID, SHREDDED_KEY.SUBJECT_ID, SHREDDED_KEY.CATEGORY_ID)
                .doUpdate().set(SHREDDED_KEY.CAUSE, tombstone.cause()).set(SHREDDED_KEY.SHREDDED_AT, shreddedAt)
                .where(SHREDDED_KEY.SHREDDED_AT.lt(shreddedAt));
    }

    /** A key whose tombstone is as new as or newer than the key was shredded; it must not exist. */
    private int destroyErased() {
        return db.deleteFrom(SUBJECT_KEY)
                .where(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(SHREDDED_KEY)
                        .where(SHREDDED_KEY.TENANT_ID.eq(SUBJECT_KEY.TENANT_ID),
                                SHREDDED_KEY.SUBJECT_ID.eq(SUBJECT_KEY.SUBJECT_ID),
                                SHREDDED_KEY.CATEGORY_ID.eq(SUBJECT_KEY.CATEGORY_ID),
                                SHREDDED_KEY.SHREDDED_AT.ge(SUBJECT_KEY.CREATED_AT))))
                .execute();
    }

    private Instant newestInDatabase() {
        Instant key = toInstant(db.select(org.jooq.impl.DSL.max(SUBJECT_KEY.CREATED_AT)).from(SUBJECT_KEY)
                .fetchOne(0, OffsetDateTime.class));
        Instant tombstone = toInstant(db.select(org.jooq.impl.DSL.max(SHREDDED_KEY.SHREDDED_AT)).from(SHREDDED_KEY)
                .fetchOne(0, OffsetDateTime.class));
        if (key == null) {
            return tombstone;
        }
        return tombstone == null || key.isAfter(tombstone) ? key : tombstone;
    }

    private void flushWhenFull(List<Query> batch) {
        if (batch.size() >= BATCH) {
            flush(batch);
        }
    }

    private void flush(List<Query> batch) {
        if (!batch.isEmpty()) {
            db.batch(batch).execute();
            batch.clear();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
