package de.amtsraum.handover.web;

import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.handover.HandoverException;
import de.amtsraum.handover.internal.HandoverRedemptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Once redeemed (committed), the case is archived: the receiver holds the content now, and the
 * tenant's CASE_ARCHIVED rules erase the platform's copy.
 */
@RestController
@SecurityRequirement(name = "bearer")
class HandoverRedemptionController {

    /** The request body; anything else than a JSON object with a string {@code reference} is refused. */
    record RedemptionRequest(String reference) {
    }

    private static final Logger log = LoggerFactory.getLogger(HandoverRedemptionController.class);

    private final HandoverRedemptions redemptions;
    private final ConsultationCases cases;

    HandoverRedemptionController(HandoverRedemptions redemptions, ConsultationCases cases) {
        this.redemptions = redemptions;
        this.cases = cases;
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
        HandoverRedemptions.Redeemed redeemed = redemptions.redeem(tenant, request.reference());
        try {
            cases.handoverReceived(tenant, redeemed.caseId());
        } catch (RuntimeException e) {
            // The receiver has the content either way; the idle-case rule still erases the copy.
            log.warn("Case {} of tenant {} not archived after its handover was redeemed: {}", redeemed.caseId(),
                    tenant, e.getClass().getSimpleName());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(redeemed);
    }
}
