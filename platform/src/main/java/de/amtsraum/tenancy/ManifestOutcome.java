package de.amtsraum.tenancy;

/** What applying a manifest did. */
public enum ManifestOutcome {
    ONBOARDED, CHANGED, UNCHANGED
}
