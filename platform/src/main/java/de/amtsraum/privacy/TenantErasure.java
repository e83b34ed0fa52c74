package de.amtsraum.privacy;

/**
 * Erasing a whole tenant (offboarding, ADR 0022): every data key of the tenant is shredded (each
 * recorded as {@link PersonalDataShredded} with cause {@link ShredCause#OFFBOARDING}, so read models
 * purge as after any shred), the wrapped keys are deleted, every instance evicts its caches, and the
 * tenant's key-encryption key is destroyed. Irreversible; idempotent.
 */
public interface TenantErasure {

    /** @return how many data keys were shredded now (0 when already erased) */
    int erase(String tenantId);

    /** Whether nothing of the tenant can be opened any more: no KEK and no wrapped data key. */
    boolean erased(String tenantId);
}
