package de.amtsraum.notice;

import java.time.Instant;

/**
 * One published, immutable version of a tenant's privacy notice.
 *
 * @param number       1, 2, 3 … per tenant
 * @param manifestHash the configuration it was generated from (SHA-256 of the canonical manifest)
 * @param html         the notice's body as published (what citizens were shown)
 */
public record PublishedNotice(String tenantId, int number, Instant publishedAt, String publishedBy,
                              String manifestHash, String html) {
}
