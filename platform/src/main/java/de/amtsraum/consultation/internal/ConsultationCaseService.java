package de.amtsraum.consultation.internal;

import de.amtsraum.consultation.ConsultationCaseArchived.ClosedBy;
import de.amtsraum.consultation.ConsultationCaseOpened.Origin;
import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.consultation.ConsultationException;
import de.amtsraum.consultation.ConsultationOutcomeRecorded.Outcome;
import de.amtsraum.consultation.IdentityDocumentKind;
import de.amtsraum.consultation.InvalidCaseInputException;
import de.amtsraum.consultation.InvalidCaseInputException.Problem;
import de.amtsraum.privacy.ProcessingRestrictions;
import de.amtsraum.shared.CaseIds;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

@Service
class ConsultationCaseService implements ConsultationCases {

    private static final int LIST_LIMIT = 500;

    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final CaseQueries queries;
    private final Clock clock;
    private final ProcessingRestrictions restrictions;

    ConsultationCaseService(TenantDirectory tenants, CommandGateway commands, CaseQueries queries, Clock clock,
                            ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.tenants = tenants;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<CaseSummary> list(String tenantId, Filter filter) {
        return queries.list(tenantId, filter == null ? Filter.OPEN : filter, serviceNames(manifest(tenantId)),
                LIST_LIMIT);
    }

    @Override
    public CaseView get(String tenantId, String caseId) {
        TenantManifest manifest = manifest(tenantId);
        return queries.find(tenantId, caseId, serviceNames(manifest))
                .orElseThrow(() -> new ConsultationException(ConsultationException.UNKNOWN_CASE));
    }

    @Override
    public boolean conversationDeclared(String tenantId) {
        return manifest(tenantId).categoryFor(DataKind.CONVERSATION).isPresent();
    }

    @Override
    public String open(String tenantId, String serviceId) {
        TenantManifest manifest = manifest(tenantId);
        String service = blankToNull(serviceId);
        if (service != null && manifest.services().stream().noneMatch(s -> s.id().equals(service))) {
            throw new ConsultationException(ConsultationException.UNKNOWN_SERVICE);
        }
        String caseId = CaseIds.random();
        commands.sendAndWait(new CaseCommands.Open(tenantId, caseId, UUID.randomUUID().toString(), Origin.STAFF,
                null, service, null, clock.instant()));
        return caseId;
    }

    @Override
    public String addNote(String tenantId, String caseId, String text, boolean markedForHandover) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw invalid("text", "note.missing", "Give the note's text.");
        }
        if (note.length() > MAX_NOTE) {
            throw invalid("text", "note.tooLong", "The note is longer than " + MAX_NOTE + " characters.");
        }
        conversation(tenantId, caseId);
        return send(new CaseCommands.AddNote(tenantId, caseId, UUID.randomUUID().toString(), note, markedForHandover,
                clock.instant()));
    }

    @Override
    public void recordIdentityDocument(String tenantId, String caseId, String documentKind) {
        if (documentKind == null || documentKind.isBlank()) {
            throw invalid("documentKind", "document.missing", "Choose the kind of ID document shown.");
        }
        if (Arrays.stream(IdentityDocumentKind.values()).noneMatch(kind -> kind.name().equals(documentKind))) {
            throw invalid("documentKind", "document.unknown", "documentKind must be one of "
                    + Arrays.toString(IdentityDocumentKind.values()) + ".");
        }
        conversation(tenantId, caseId);
        send(new CaseCommands.RecordIdentityDocument(tenantId, caseId, documentKind, clock.instant()));
    }

    @Override
    public void recordOutcome(String tenantId, String caseId, String outcome, String summary) {
        Outcome parsed = null;
        if (outcome == null || outcome.isBlank()) {
            throw invalid("outcome", "outcome.missing", "Choose COMPLETED or ABORTED.");
        }
        try {
            parsed = Outcome.valueOf(outcome);
        } catch (IllegalArgumentException unknown) {
            throw invalid("outcome", "outcome.unknown", "outcome must be COMPLETED or ABORTED.");
        }
        String text = blankToNull(summary == null ? null : summary.strip());
        if (text != null && text.length() > MAX_SUMMARY) {
            throw invalid("summary", "summary.tooLong", "The summary is longer than " + MAX_SUMMARY + " characters.");
        }
        conversation(tenantId, caseId);
        send(new CaseCommands.RecordOutcome(tenantId, caseId, parsed, text, clock.instant()));
    }

    @Override
    public void archive(String tenantId, String caseId) {
        manifest(tenantId);
        send(new CaseCommands.Archive(tenantId, caseId, ClosedBy.STAFF, clock.instant()));
    }

    @Override
    public void handoverReceived(String tenantId, String caseId) {
        send(new CaseCommands.Archive(tenantId, caseId, ClosedBy.HANDOVER_RECEIVED, clock.instant()));
    }

    @Override
    public String handOver(String tenantId, String caseId) {
        conversation(tenantId, caseId);
        return send(new CaseCommands.HandOver(tenantId, caseId, UUID.randomUUID().toString(), clock.instant()));
    }

    /**
     * Unknown cases first (404 before anything else), then the tenant's declaration, then a restriction
     * or undecided objection of the case subject (issue 8): no note, outcome, document note or handover.
     */
    private void conversation(String tenantId, String caseId) {
        TenantManifest manifest = manifest(tenantId);
        if (!queries.exists(tenantId, caseId)) {
            throw new ConsultationException(ConsultationException.UNKNOWN_CASE);
        }
        if (manifest.categoryFor(DataKind.CONVERSATION).isEmpty()) {
            throw new ConsultationException(ConsultationException.CONVERSATION_NOT_DECLARED);
        }
        if (queries.subjectOf(tenantId, caseId).filter(subject -> restrictions.restricted(tenantId, subject))
                .isPresent()) {
            throw new ConsultationException(ConsultationException.PROCESSING_RESTRICTED);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T send(Object command) {
        try {
            return (T) commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new ConsultationException(ConsultationException.UNKNOWN_CASE);
        }
    }

    private TenantManifest manifest(String tenantId) {
        return tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
    }

    private static Map<String, String> serviceNames(TenantManifest manifest) {
        return manifest.services().stream()
                .collect(Collectors.toMap(TenantManifest.Service::id, TenantManifest.Service::name));
    }

    private static InvalidCaseInputException invalid(String field, String code, String message) {
        return new InvalidCaseInputException(List.of(new Problem(field, code, message)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
