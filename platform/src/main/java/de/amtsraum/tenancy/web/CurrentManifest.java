package de.amtsraum.tenancy.web;

import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tenant's manifest in force, with the revision and content hash it was recorded under.
 * {@code manifest} is the document exactly as accepted, so it can be edited and sent back.
 */
record CurrentManifest(String tenantId, int revision, String manifestHash, JsonNode manifest) {

    static CurrentManifest of(TenantDirectory directory, String tenantId) {
        var summary = directory.summary(tenantId).orElseThrow(UnknownTenantException::new);
        var manifest = directory.manifestDocument(tenantId).orElseThrow(UnknownTenantException::new);
        return new CurrentManifest(tenantId, summary.manifestRevision(), summary.manifestHash(), manifest);
    }
}
