package de.amtsraum.tenancy;

import de.amtsraum.tenancy.manifest.ResolvedManifest;

/** Applies a validated manifest to its tenant: onboards, changes, or does nothing when unchanged. */
public interface TenantOnboarding {

    /**
     * @param appliedBy who applies it: {@code folder} at start-up, or the operator's client id
     */
    ManifestOutcome apply(ResolvedManifest manifest, String appliedBy);
}
