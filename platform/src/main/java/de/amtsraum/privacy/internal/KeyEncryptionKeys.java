package de.amtsraum.privacy.internal;

import com.google.crypto.tink.Aead;

/**
 * Source of the per-tenant key-encryption keys (KEK) that wrap the subject data keys. Embedded
 * mode: {@link LocalKeysetFiles}. Production implementations (Vault Transit, a cloud KMS) return an
 * {@link Aead} backed by the remote service; the data keys never leave the process unwrapped.
 */
public interface KeyEncryptionKeys {

    /** The tenant's KEK, created on first use. */
    Aead forTenant(String tenantId);

    /** Whether the tenant's KEK exists (without creating it). */
    boolean exists(String tenantId);

    /**
     * Adds a new key to the tenant's KEK and makes it the one that wraps from now on; the earlier keys
     * still unwrap what they wrapped. Every instance uses the new key from its next wrap on.
     */
    void rotate(String tenantId);

    /** Removes every key but the current one from the tenant's KEK; returns how many. */
    int retireOldKeys(String tenantId);

    /** Destroys the tenant's KEK: every data key of the tenant becomes unusable (offboarding). */
    void destroy(String tenantId);
}
