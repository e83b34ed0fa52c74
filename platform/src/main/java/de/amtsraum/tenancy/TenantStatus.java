package de.amtsraum.tenancy;

/** Where a tenant stands: serving, suspended by the operator (nothing deleted), or offboarded (erased, final). */
public enum TenantStatus {
    ACTIVE, SUSPENDED, OFFBOARDED;

    /** The status of a directory row ({@link TenantSummary#status()}). */
    public static TenantStatus of(TenantSummary summary) {
        return valueOf(summary.status());
    }
}
