package de.amtsraum.tenancy;

import java.time.OffsetDateTime;

/** A row of the tenant directory. */
public record TenantSummary(String id, String name, String status, int manifestRevision, String manifestHash,
                            OffsetDateTime onboardedAt, OffsetDateTime updatedAt) {
}
