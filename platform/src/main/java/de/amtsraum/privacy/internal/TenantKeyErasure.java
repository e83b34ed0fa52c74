package de.amtsraum.privacy.internal;

import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.TenantErasure;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offboarding erasure (ADR 0022). In one transaction every data key of the tenant is shredded the
 * ordinary way (tombstone, closed deadlines, NOTIFY, {@code PersonalDataShredded} with cause
 * OFFBOARDING, so every read model purges), plus a tenant-wide NOTIFY; after the commit the KEK is
 * destroyed and this instance forgets everything of the tenant. The other instances do the same on
 * the NOTIFY. A crash between commit and KEK destruction leaves no wrapped key to open; calling
 * {@link #erase} again (idempotent) destroys the KEK.
 */
class TenantKeyErasure implements TenantErasure {

    private final SubjectKeyStore store;
    private final SubjectKeyService keys;
    private final KeyEvictionChannel evictions;
    private final KeyEncryptionKeys keks;
    private final TransactionTemplate transactions;

    TenantKeyErasure(SubjectKeyStore store, SubjectKeyService keys, KeyEvictionChannel evictions,
                     KeyEncryptionKeys keks, TransactionTemplate transactions) {
        this.store = store;
        this.keys = keys;
        this.evictions = evictions;
        this.keks = keks;
        this.transactions = transactions;
    }

    @Override
    public int erase(String tenantId) {
        Integer shredded = transactions.execute(status -> {
            int count = 0;
            for (String subject : store.subjectsOf(tenantId)) {
                count += keys.shredAll(tenantId, subject, ShredCause.OFFBOARDING).size();
            }
            evictions.announceTenant(tenantId);
            return count;
        });
        store.forgetTenant(tenantId);
        return shredded == null ? 0 : shredded;
    }

    @Override
    public boolean erased(String tenantId) {
        return !keks.exists(tenantId) && !store.hasKeys(tenantId);
    }
}
