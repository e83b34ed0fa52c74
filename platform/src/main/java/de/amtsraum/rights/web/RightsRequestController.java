package de.amtsraum.rights.web;

import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RightsRequestException;
import de.amtsraum.rights.RightsRequestException.Reason;
import de.amtsraum.rights.RightsRequests;
import de.amtsraum.rights.RightsRequests.Opening;
import de.amtsraum.rights.RightsRequests.RequestView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff inbox of data-subject requests (staff role of the tenant, see ApiSecurityConfiguration):
 * bodies are read as plain string maps so that any malformed value answers with the inbox's own
 * problem type, and nothing is stored.
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

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a request received by mail, letter, phone or in person (staff)",
            description = "Body: type (ACCESS, EXPORT, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, WITHDRAWAL), "
                    + "channel (EMAIL, LETTER, PHONE, IN_PERSON, SELF_SERVICE), receivedOn (ISO date), requesterName, "
                    + "optional requesterContact, description, subjectId. Deadline: receivedOn + 1 month.",
            security = @SecurityRequirement(name = "bearer"))
    Opened open(@PathVariable String tenant, @RequestBody(required = false) Map<String, Object> body,
                Authentication staff) {
        Map<String, Object> b = body == null ? Map.of() : body;
        Opening opening;
        try {
            opening = new Opening(parse(b, "type", RightsRequests.Type.class),
                    parse(b, "channel", RequestChannel.class),
                    text(b, "receivedOn") == null ? null : LocalDate.parse(text(b, "receivedOn")),
                    text(b, "requesterName"), text(b, "requesterContact"), text(b, "description"),
                    text(b, "subjectId"));
        } catch (IllegalArgumentException | DateTimeParseException | ClassCastException bad) {
            throw new RightsRequestException(Reason.INVALID_REQUEST);
        }
        String id = requests.open(tenant, opening, staff.getName());
        return new Opened(id, requests.get(tenant, id).deadline());
    }

    @PostMapping(path = "/{id}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record how the requester's identity was verified (staff)",
            security = @SecurityRequirement(name = "bearer"))
    RequestView verify(@PathVariable String tenant, @PathVariable String id,
                       @RequestBody(required = false) Map<String, Object> body, Authentication staff) {
        Map<String, Object> b = body == null ? Map.of() : body;
        RightsRequests.VerificationMethod method;
        try {
            method = parse(b, "method", RightsRequests.VerificationMethod.class);
        } catch (IllegalArgumentException | ClassCastException bad) {
            throw new RightsRequestException(Reason.INVALID_VERIFICATION);
        }
        requests.verifyIdentity(tenant, id, method, safeText(b, "note", Reason.INVALID_VERIFICATION), staff.getName());
        return requests.get(tenant, id);
    }

    @PostMapping(path = "/{id}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Extend the deadline once by 1 or 2 months with a reason; citizenInformed must be true (staff)",
            security = @SecurityRequirement(name = "bearer"))
    RequestView extend(@PathVariable String tenant, @PathVariable String id,
                       @RequestBody(required = false) Map<String, Object> body, Authentication staff) {
        Map<String, Object> b = body == null ? Map.of() : body;
        if (!(b.get("months") instanceof Integer months) || !(b.get("citizenInformed") instanceof Boolean informed)) {
            throw new RightsRequestException(Reason.INVALID_EXTENSION);
        }
        requests.extend(tenant, id, months, safeText(b, "reason", Reason.INVALID_EXTENSION), informed, staff.getName());
        return requests.get(tenant, id);
    }

    @PostMapping(path = "/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close the request: outcome ANSWERED or REFUSED (with reasonCode), note; needs a verified identity (staff)",
            security = @SecurityRequirement(name = "bearer"))
    RequestView close(@PathVariable String tenant, @PathVariable String id,
                      @RequestBody(required = false) Map<String, Object> body, Authentication staff) {
        Map<String, Object> b = body == null ? Map.of() : body;
        RightsRequests.Outcome outcome;
        try {
            outcome = parse(b, "outcome", RightsRequests.Outcome.class);
        } catch (IllegalArgumentException | ClassCastException bad) {
            throw new RightsRequestException(Reason.INVALID_CLOSURE);
        }
        requests.close(tenant, id, outcome, safeText(b, "reasonCode", Reason.INVALID_CLOSURE),
                safeText(b, "note", Reason.INVALID_CLOSURE), staff.getName());
        return requests.get(tenant, id);
    }

    private static <E extends Enum<E>> E parse(Map<String, Object> body, String field, Class<E> type) {
        String value = text(body, field);
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static String safeText(Map<String, Object> body, String field, Reason reason) {
        try {
            return text(body, field);
        } catch (ClassCastException bad) {
            throw new RightsRequestException(reason);
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : (String) value;
    }
}
