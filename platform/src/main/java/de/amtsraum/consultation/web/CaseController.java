package de.amtsraum.consultation.web;

import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.consultation.ConsultationCases.CaseSummary;
import de.amtsraum.consultation.ConsultationCases.CaseView;
import de.amtsraum.consultation.ConsultationCases.Filter;
import de.amtsraum.consultation.InvalidCaseInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API of consultation cases (tokens of the tenant with STAFF or TENANT_ADMIN, see identity's
 * API chain). Notes come back decrypted for staff only; every refusal is problem+json.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenant}/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

    private final ConsultationCases cases;

    CaseController(ConsultationCases cases) {
        this.cases = cases;
    }

    record OpenRequest(String serviceId) {
    }

    record NoteRequest(String text, Boolean markedForHandover) {
    }

    record IdentityDocumentRequest(String documentKind) {
    }

    record OutcomeRequest(String outcome, String summary) {
    }

    record Created(String id) {
    }

    record HandedOver(String caseId, String handoverId) {
    }

    @GetMapping
    @Operation(summary = "Cases of the tenant, open (default), closed or all (staff)",
            security = @SecurityRequirement(name = "bearer"))
    List<CaseSummary> list(@PathVariable String tenant, @RequestParam(required = false) String status) {
        return cases.list(tenant, filter(status));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a case (staff), optionally for a service", security = @SecurityRequirement(name = "bearer"))
    Created open(@PathVariable String tenant, @RequestBody(required = false) OpenRequest request) {
        return new Created(cases.open(tenant, request == null ? null : request.serviceId()));
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One case with its notes, decrypted (staff)", security = @SecurityRequirement(name = "bearer"))
    CaseView get(@PathVariable String tenant, @PathVariable String caseId) {
        return cases.get(tenant, caseId);
    }

    @PostMapping(path = "/{caseId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a note, optionally marked for the specialist system (staff)",
            security = @SecurityRequirement(name = "bearer"))
    Created addNote(@PathVariable String tenant, @PathVariable String caseId, @RequestBody NoteRequest request) {
        return new Created(cases.addNote(tenant, caseId, request.text(),
                Boolean.TRUE.equals(request.markedForHandover())));
    }

    @PostMapping(path = "/{caseId}/identity-document", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that an ID document was shown, and its kind (staff)",
            security = @SecurityRequirement(name = "bearer"))
    CaseView identityDocument(@PathVariable String tenant, @PathVariable String caseId,
                              @RequestBody IdentityDocumentRequest request) {
        cases.recordIdentityDocument(tenant, caseId, request.documentKind());
        return cases.get(tenant, caseId);
    }

    @PostMapping(path = "/{caseId}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record COMPLETED or ABORTED with an optional summary (staff)",
            security = @SecurityRequirement(name = "bearer"))
    CaseView outcome(@PathVariable String tenant, @PathVariable String caseId, @RequestBody OutcomeRequest request) {
        cases.recordOutcome(tenant, caseId, request.outcome(), request.summary());
        return cases.get(tenant, caseId);
    }

    @PostMapping("/{caseId}/archive")
    @Operation(summary = "Archive the case; the tenant's CASE_ARCHIVED rules start (staff)",
            security = @SecurityRequirement(name = "bearer"))
    CaseView archive(@PathVariable String tenant, @PathVariable String caseId) {
        cases.archive(tenant, caseId);
        return cases.get(tenant, caseId);
    }

    @PostMapping("/{caseId}/handover")
    @Operation(summary = "Hand the case over to the specialist system, once; closes it (staff)",
            security = @SecurityRequirement(name = "bearer"))
    HandedOver handOver(@PathVariable String tenant, @PathVariable String caseId) {
        return new HandedOver(caseId, cases.handOver(tenant, caseId));
    }

    private static Filter filter(String status) {
        if (status == null || status.isBlank()) {
            return Filter.OPEN;
        }
        try {
            return Filter.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidCaseInputException(List.of(new InvalidCaseInputException.Problem("status",
                    "status.unknown", "status must be OPEN, CLOSED or ALL.")));
        }
    }
}
