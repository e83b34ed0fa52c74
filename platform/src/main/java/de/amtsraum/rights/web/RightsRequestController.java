package de.amtsraum.rights.web;

import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RightsRequestException;
import de.amtsraum.rights.RightsRequestException.Reason;
import de.amtsraum.rights.RightsRequests;
import de.amtsraum.rights.RightsRequests.Opening;
import de.amtsraum.rights.RightsRequests.RequestView;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff inbox of data-subject requests (staff role of the tenant, see ApiSecurityConfiguration).
 * Bodies are typed records whose fields take only their own JSON shape ({@link StrictJson}); an
 * unreadable body or a malformed value answers with the endpoint's own problem type, and nothing is stored.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenant}/rights-requests", produces = MediaType.APPLICATION_JSON_VALUE)
class RightsRequestController {

    private final RightsRequests requests;

    RightsRequestController(RightsRequests requests) {
        this.requests = requests;
    }

    record Opened(String id, LocalDate deadline) {
    }

    @GetMapping
    @Operation(summary = "Rights requests of the tenant, open ones by deadline first (staff)",
            security = @SecurityRequirement(name = "bearer"))
    List<RequestView> list(@PathVariable String tenant) {
        return requests.list(tenant);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rights request (staff)", security = @SecurityRequirement(name = "bearer"))
    RequestView get(@PathVariable String tenant, @PathVariable String id) {
        return requests.get(tenant, id);
    }

    /** A request received by mail, letter, phone or in person. Enumerations and the date as strings. */
    record RightsRequestOpening(
            @Schema(allowableValues = {"ACCESS", "EXPORT", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION",
                    "WITHDRAWAL"}) @JsonDeserialize(using = StrictJson.Text.class) String type,
            @Schema(allowableValues = {"EMAIL", "LETTER", "PHONE", "IN_PERSON", "SELF_SERVICE"})
            @JsonDeserialize(using = StrictJson.Text.class) String channel,
            @Schema(format = "date", description = "ISO date, not in the future")
            @JsonDeserialize(using = StrictJson.Text.class) String receivedOn,
            @JsonDeserialize(using = StrictJson.Text.class) String requesterName,
            @JsonDeserialize(using = StrictJson.Text.class) String requesterContact,
            @JsonDeserialize(using = StrictJson.Text.class) String description,
            @JsonDeserialize(using = StrictJson.Text.class) String subjectId) {
    }

    record IdentityVerification(
            @Schema(allowableValues = {"ID_DOCUMENT_SEEN", "KNOWN_EMAIL", "CALLBACK", "SIGNED_LETTER", "OTHER"})
            @JsonDeserialize(using = StrictJson.Text.class) String method,
            @JsonDeserialize(using = StrictJson.Text.class) String note) {
    }

    record DeadlineExtension(
            @Schema(description = "1 or 2") @JsonDeserialize(using = StrictJson.WholeNumber.class) Integer months,
            @JsonDeserialize(using = StrictJson.Text.class) String reason,
            @Schema(description = "must be true") @JsonDeserialize(using = StrictJson.Flag.class) Boolean citizenInformed) {
    }

    record RightsRequestClosure(
            @Schema(allowableValues = {"ANSWERED", "REFUSED"}) @JsonDeserialize(using = StrictJson.Text.class) String outcome,
            @JsonDeserialize(using = StrictJson.Text.class) String reasonCode,
            @JsonDeserialize(using = StrictJson.Text.class) String note) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a request received by mail, letter, phone or in person (staff)",
            description = "Required: type, channel, receivedOn (ISO date, not in the future), requesterName; optional "
                    + "requesterContact, description (at most 4000 characters), subjectId. Deadline: receivedOn + 1 month.",
            security = @SecurityRequirement(name = "bearer"))
    Opened open(@PathVariable String tenant, @RequestBody(required = false) RightsRequestOpening body, Authentication staff) {
        RightsRequestOpening b = body == null ? new RightsRequestOpening(null, null, null, null, null, null, null) : body;
        Opening opening;
        try {
            opening = new Opening(parse(b.type(), RightsRequests.Type.class), parse(b.channel(), RequestChannel.class),
                    b.receivedOn() == null ? null : LocalDate.parse(b.receivedOn()),
                    b.requesterName(), b.requesterContact(), b.description(), b.subjectId());
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            throw new RightsRequestException(Reason.INVALID_REQUEST);
        }
        String id = requests.open(tenant, opening, staff.getName());
        return new Opened(id, requests.get(tenant, id).deadline());
    }

    @PostMapping(path = "/{id}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record how the requester's identity was verified (staff)",
            security = @SecurityRequirement(name = "bearer"))
    RequestView verify(@PathVariable String tenant, @PathVariable String id,
                       @RequestBody(required = false) IdentityVerification body, Authentication staff) {
        IdentityVerification b = body == null ? new IdentityVerification(null, null) : body;
        RightsRequests.VerificationMethod method;
        try {
            method = parse(b.method(), RightsRequests.VerificationMethod.class);
        } catch (IllegalArgumentException bad) {
            throw new RightsRequestException(Reason.INVALID_VERIFICATION);
        }
        requests.verifyIdentity(tenant, id, method, b.note(), staff.getName());
        return requests.get(tenant, id);
    }

    @PostMapping(path = "/{id}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Extend the deadline once by 1 or 2 months with a reason; citizenInformed must be true (staff)",
            security = @SecurityRequirement(name = "bearer"))
    RequestView extend(@PathVariable String tenant, @PathVariable String id,
                       @RequestBody(required = false) DeadlineExtension body, Authentication staff) {
        if (body == null || body.months() == null || body.citizenInformed() == null) {
            throw new RightsRequestException(Reason.INVALID_EXTENSION);
        }
        requests.extend(tenant, id, body.months(), body.reason(), body.citizenInformed(), staff.getName());
        return requests.get(tenant, id);
    }

    @PostMapping(path = "/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close the request: outcome ANSWERED or REFUSED (with reasonCode), note; needs a verified identity (staff)",
            security = @SecurityRequirement(name = "bearer"))
    RequestView close(@PathVariable String tenant, @PathVariable String id,
                      @RequestBody(required = false) RightsRequestClosure body, Authentication staff) {
        RightsRequestClosure b = body == null ? new RightsRequestClosure(null, null, null) : body;
        RightsRequests.Outcome outcome;
        try {
            outcome = parse(b.outcome(), RightsRequests.Outcome.class);
        } catch (IllegalArgumentException bad) {
            throw new RightsRequestException(Reason.INVALID_CLOSURE);
        }
        requests.close(tenant, id, outcome, b.reasonCode(), b.note(), staff.getName());
        return requests.get(tenant, id);
    }

    /**
     * A body that is not JSON, or a field of the wrong JSON type: the refusal of the endpoint it was
     * sent to, as when bodies were read as maps (nothing is stored).
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        String path = request.getRequestURI();
        Reason reason = path.endsWith("/verification") ? Reason.INVALID_VERIFICATION
                : path.endsWith("/extension") ? Reason.INVALID_EXTENSION
                : path.endsWith("/closure") ? Reason.INVALID_CLOSURE
                : Reason.INVALID_REQUEST;
        RightsRequestException problem = new RightsRequestException(reason);
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail());
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
