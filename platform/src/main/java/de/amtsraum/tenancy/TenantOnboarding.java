package de.amtsraum.tenancy;

import de.amtsraum.tenancy.manifest.ResolvedManifest;

/** Applies a validated manifest to its tenant: onboards, changes, or does nothing when unchanged. */
public interface TenantOnboarding {

    /** {@code appliedBy} of manifests read from the tenants folder at start-up. */
    String FOLDER = "folder";

    /**
     * @param appliedBy who applies it: {@code folder} at start-up, or the operator's client id
     */
    ManifestOutcome apply(ResolvedManifest manifest, String appliedBy);
}
