package de.amtsraum.rights;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure request (Art. 17 GDPR) erased and when, without the erased data: record types and
 * categories, never values. Kept (it holds no personal data) so a second request answers with the
 * same receipt.
 *
 * @param receiptId random id, shown to the citizen and quotable to the authority
 * @param erased    what was erased now (or by the first request)
 * @param kept      what a legal hold keeps, with the hold's reason code; empty in the usual case
 */
public record ErasureReceipt(String receiptId, String tenantId, Instant erasedAt, RequestChannel channel,
                             List<Item> erased, List<Item> kept) {

    /** @param reason for kept items the legal hold's reason code, else null */
    public record Item(String source, String type, String recordId, String categoryId, String reason) {
    }
}
