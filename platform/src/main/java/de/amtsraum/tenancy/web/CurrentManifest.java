package de.amtsraum.tenancy.web;

import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;

/** A tenant's manifest in force, with the revision and content hash it was recorded under. */
record CurrentManifest(String tenantId, int revision, String manifestHash, TenantManifest manifest) {

    static CurrentManifest of(TenantDirectory directory, String tenantId) {
        var summary = directory.summary(tenantId).orElseThrow(UnknownTenantException::new);
        var manifest = directory.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        return new CurrentManifest(tenantId, summary.manifestRevision(), summary.manifestHash(), manifest);
    }
}
