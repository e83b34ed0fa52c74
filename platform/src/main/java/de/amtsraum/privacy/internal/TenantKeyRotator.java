package de.amtsraum.privacy.internal;

import de.amtsraum.privacy.TenantKeyRotation;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotation in three steps: the new KEK key becomes primary (other instances read the keyset file
 * again at their next wrap), every data key is wrapped anew, then — after a second pass over the keys
 * created meanwhile, which an instance may still have wrapped with the old key — the old KEK keys go.
 */
class TenantKeyRotator implements TenantKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(TenantKeyRotator.class);

    private final KeyEncryptionKeys keks;
    private final SubjectKeyStore store;
    private final Clock clock;

    TenantKeyRotator(KeyEncryptionKeys keks, SubjectKeyStore store, Clock clock) {
        this.keks = keks;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public synchronized Result rotate(String tenantId) {
        Instant started = clock.instant();
        keks.rotate(tenantId);
        SubjectKeyStore.Rewrapped all = store.rewrap(tenantId, null);
        SubjectKeyStore.Rewrapped meanwhile = store.rewrap(tenantId, started);
        int retired = keks.retireOldKeys(tenantId);
        Result result = new Result(tenantId, all.rewrapped(), all.unreadable(), retired);
        log.info("Key-encryption key of tenant {} rotated: {} data keys wrapped anew ({} again after the first pass), "
                + "{} unreadable, {} old KEK keys removed", tenantId, all.rewrapped(), meanwhile.rewrapped(),
                all.unreadable(), retired);
        return result;
    }
}
