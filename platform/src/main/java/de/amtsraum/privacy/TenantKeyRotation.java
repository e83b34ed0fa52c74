package de.amtsraum.privacy;

/**
 * Rotating a tenant's key-encryption key (issue 9, docs/operations.md "Key rotation"): a new KEK key
 * becomes primary, every data key of the tenant is wrapped anew with it, and the earlier KEK keys are
 * removed. Afterwards copies of the KEK taken before the rotation open none of the wrapped keys in
 * the database. Erasure is unaffected: a shredded key stays shredded.
 */
public interface TenantKeyRotation {

    /**
     * @param rewrapped   data keys wrapped anew
     * @param unreadable  data keys that no KEK key opened (they read as erased already; left as they are)
     * @param retiredKeys earlier KEK keys removed
     */
    record Result(String tenantId, int rewrapped, int unreadable, int retiredKeys) {
    }

    Result rotate(String tenantId);
}
