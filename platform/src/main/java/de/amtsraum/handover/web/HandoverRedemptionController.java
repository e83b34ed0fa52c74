package de.amtsraum.handover.web;

import de.amtsraum.handover.HandoverException;
import de.amtsraum.handover.internal.HandoverRedemptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's specialist system redeems the one-time reference of a handover message for the
 * content. Only tokens of the tenant with role {@code HANDOVER_RECEIVER} get here (identity's API chain).
 */
@RestController
@SecurityRequirement(name = "bearer")
class HandoverRedemptionController {

    /** The request body; anything else than a JSON object with a string {@code reference} is refused. */
    record RedemptionRequest(String reference) {
    }

    private final HandoverRedemptions redemptions;

    HandoverRedemptionController(HandoverRedemptions redemptions) {
        this.redemptions = redemptions;
    }

    @PostMapping(path = "/api/v1/tenants/{tenant}/handovers/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Redeem a handover reference once (the tenant's specialist system only)",
            description = "Body {\"reference\": \"…\"} with the reference of a case-handover message of this tenant's "
                    + "topic. 200 with handoverId, caseId, serviceId, outcome, handedOverAt and the content, exactly "
                    + "once; then 410 (handover-already-redeemed). 410 also when the reference expired "
                    + "(handover-reference-expired) or the content was erased (handover-content-erased); 404 for an "
                    + "unknown reference or one of another tenant; 400 for a malformed body. Token: client credentials "
                    + "of the tenant with role HANDOVER_RECEIVER. See docs/handover.md.")
    ResponseEntity<HandoverRedemptions.Redeemed> redeem(@PathVariable String tenant,
            @RequestBody(required = false) RedemptionRequest request) {
        if (request == null || request.reference() == null) {
            throw new HandoverException(HandoverException.Reason.INVALID_REQUEST);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(redemptions.redeem(tenant, request.reference()));
    }
}
