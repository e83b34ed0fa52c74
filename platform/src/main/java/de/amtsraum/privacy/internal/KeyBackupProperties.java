package de.amtsraum.privacy.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Key backups apart from the database (ADR 0029).
 *
 * @param enabled     write key backups (default true)
 * @param directory   where they go (default {@code <data-dir>/key-backups}); keep it off the database
 *                    backup's storage and give it its own expiry
 * @param interval    pause between two key backups (default 15 minutes): an erasure is safe against
 *                    a database restore once the next key backup has been written
 * @param retention   how long a key backup is kept and may be restored (default 1 day); older files
 *                    are deleted and refused
 * @param restoreFrom a key backup file, or a directory whose newest backup is taken, that replaces the
 *                    key table at start (after restoring a database backup); applied only when the
 *                    database holds nothing newer than the backup
 */
@ConfigurationProperties(prefix = "amtsraum.privacy.key-backup")
record KeyBackupProperties(Boolean enabled, String directory, Duration interval, Duration retention,
                           String restoreFrom) {

    KeyBackupProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        retention = retention == null ? Duration.ofDays(1) : retention;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("amtsraum.privacy.key-backup.interval must be positive");
        }
        if (retention.compareTo(interval) <= 0) {
            throw new IllegalArgumentException(
                    "amtsraum.privacy.key-backup.retention must be longer than amtsraum.privacy.key-backup.interval");
        }
        restoreFrom = restoreFrom == null || restoreFrom.isBlank() ? null : restoreFrom;
        directory = directory == null || directory.isBlank() ? null : directory;
    }
}
