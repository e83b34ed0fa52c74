package de.amtsraum.tenancy.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A valid manifest in both forms: typed, and as the self-contained document (texts and logo
 * inline) that onboarding events carry. {@code hash} identifies the content: applying a manifest
 * with the same hash again changes nothing.
 */
public record ResolvedManifest(TenantManifest manifest, JsonNode document, String hash) {
}
