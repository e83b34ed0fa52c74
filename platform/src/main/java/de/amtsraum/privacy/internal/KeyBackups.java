package de.amtsraum.privacy.internal;

import static de.amtsraum.readmodel.jooq.Tables.SHREDDED_KEY;
import static de.amtsraum.readmodel.jooq.Tables.SUBJECT_KEY;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the key table to its own backup files every {@code interval} and deletes those older than
 * {@code retention} (ADR 0029): database backups leave {@code subject_key} out or are overruled by
 * these at restore, so a key destroyed by an erasure does not outlive this retention in any backup.
 * With several instances one of them writes per interval (advisory lock, newest file's age).
 */
class KeyBackups {

    private static final Logger log = LoggerFactory.getLogger(KeyBackups.class);
    /** Advisory lock id of the key backup writer ("keybkup" in ASCII). */
    private static final long LOCK = 0x6b_65_79_62_6b_75_70L;

    private final DSLContext db;
    private final TransactionTemplate snapshot;
    private final KeyBackupProperties properties;
    private final Path directory;
    private final Clock clock;

    KeyBackups(DSLContext db, TransactionTemplate transactions, KeyBackupProperties properties, Path directory,
               Clock clock) {
        this.db = db;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.properties = properties;
        this.directory = directory;
        this.clock = clock;
    }

    Path directory() {
        return directory;
    }

    @Scheduled(fixedDelayString = "${amtsraum.privacy.key-backup.interval:PT15M}",
            initialDelayString = "${amtsraum.privacy.key-backup.interval:PT15M}")
    void onSchedule() {
        if (!properties.enabled()) {
            return;
        }
        try {
            Optional<KeyBackupFile> newest = KeyBackupFile.newestIn(directory);
            // Another instance wrote one within the last half interval: nothing to add.
            if (newest.isEmpty() || newest.get().takenAt()
                    .isBefore(clock.instant().minus(properties.interval().dividedBy(2)))) {
                write();
            }
            prune();
        } catch (RuntimeException failed) {
            log.error("Key backup failed ({}); retried at the next interval", failed.getMessage());
        }
    }

    /**
     * Writes one key backup now from one consistent snapshot of keys and tombstones; empty when
     * another instance is writing one at this moment.
     */
    Optional<Path> write() {
        return snapshot.execute(status -> {
            if (!Boolean.TRUE.equals(db.fetchValue("select pg_try_advisory_xact_lock(?)", LOCK))) {
                return Optional.<Path>empty();
            }
            Instant takenAt = clock.instant();
            Path target = KeyBackupFile.fileName(directory, takenAt);
            AtomicLong keys = new AtomicLong();
            AtomicLong tombstones = new AtomicLong();
            try {
                Files.createDirectories(directory);
                Path partial = Files.createTempFile(directory, ".keys-", ".partial",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(partial)) {
                    KeyBackupFile.write(out, new KeyBackupFile.Header(takenAt, takenAt.plus(properties.retention())),
                            each -> {
                                try (Cursor<?> rows = db.selectFrom(SUBJECT_KEY).fetchSize(1_000).fetchLazy()) {
                                    rows.forEach(row -> {
                                        var key = row.into(SUBJECT_KEY);
                                        each.accept(new KeyBackupFile.Key(key.getTenantId(), key.getSubjectId(),
                                                key.getCategoryId(), key.getWrappedKey(),
                                                key.getCreatedAt().toInstant()));
                                        keys.incrementAndGet();
                                    });
                                }
                            },
                            each -> {
                                try (Cursor<?> rows = db.selectFrom(SHREDDED_KEY).fetchSize(1_000).fetchLazy()) {
                                    rows.forEach(row -> {
                                        var tombstone = row.into(SHREDDED_KEY);
                                        each.accept(new KeyBackupFile.Tombstone(tombstone.getTenantId(),
                                                tombstone.getSubjectId(), tombstone.getCategoryId(),
                                                tombstone.getCause(), tombstone.getShreddedAt().toInstant()));
                                        tombstones.incrementAndGet();
                                    });
                                }
                            });
                } catch (IOException | RuntimeException failed) {
                    Files.deleteIfExists(partial);
                    throw failed;
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write key backup " + target.getFileName(), e);
            }
            log.info("Key backup {} written: {} keys, {} tombstones", target.getFileName(), keys.get(),
                    tombstones.get());
            return Optional.of(target);
        });
    }

    /** Seconds since the newest key backup in the directory was taken; NaN when there is none. */
    double ageSeconds() {
        return KeyBackupFile.newestIn(directory)
                .map(newest -> (double) java.time.Duration.between(newest.takenAt(), clock.instant()).toSeconds())
                .orElse(Double.NaN);
    }

    /** Deletes key backups past their retention; returns how many. */
    int prune() {
        Instant oldestKept = clock.instant().minus(properties.retention());
        int deleted = 0;
        for (KeyBackupFile backup : KeyBackupFile.in(directory)) {
            if (backup.takenAt().isBefore(oldestKept)) {
                try {
                    Files.delete(backup.path());
                    deleted++;
                } catch (NoSuchFileException raced) {
                    // another instance pruned it first
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete expired key backup " + backup.path().getFileName(), e);
                }
            }
        }
        if (deleted > 0) {
            log.info("{} expired key backups deleted (retention {})", deleted, properties.retention());
        }
        return deleted;
    }
}
