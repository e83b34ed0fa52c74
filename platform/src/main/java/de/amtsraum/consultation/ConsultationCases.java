package de.amtsraum.consultation;

import de.amtsraum.consultation.ConsultationOutcomeRecorded.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * The consultation context's use cases for staff (the web layer authorises per tenant). Every
 * change refuses an unknown case or one of another tenant ({@code UNKNOWN_CASE}), a closed case
 * ({@code CASE_CLOSED}), and conversation data where the tenant declares no CONVERSATION category
 * ({@code CONVERSATION_NOT_DECLARED}); bad input is an {@link InvalidCaseInputException}.
 */
public interface ConsultationCases {

    /** Longest note text, in characters. */
    int MAX_NOTE = 4000;
    /** Longest outcome summary, in characters. */
    int MAX_SUMMARY = 2000;

    enum Filter { OPEN, CLOSED, ALL }

    List<CaseSummary> list(String tenantId, Filter filter);

    /** One case with its notes, decrypted ({@code [gelöscht]} once erased). */
    CaseView get(String tenantId, String caseId);

    /** Whether the tenant's manifest declares a category for conversation data. */
    boolean conversationDeclared(String tenantId);

    /** Staff open a case themselves; {@code serviceId} optional. @return the case id */
    String open(String tenantId, String serviceId);

    /** @return the note id */
    String addNote(String tenantId, String caseId, String text, boolean markedForHandover);

    void recordIdentityDocument(String tenantId, String caseId, String documentKind);

    void recordOutcome(String tenantId, String caseId, String outcome, String summary);

    void archive(String tenantId, String caseId);

    /** Hands the case over to the specialist system (once) and closes it. @return the handover id */
    String handOver(String tenantId, String caseId);

    /**
     * The specialist system redeemed the handover: the handed-over case is archived now (its
     * CASE_ARCHIVED rules start). Idempotent; a case that is not handed over is left as it is.
     */
    void handoverReceived(String tenantId, String caseId);

    record CaseSummary(String caseId, String status, String origin, String serviceId, String serviceName,
                       String appointmentId, Instant openedAt, Instant lastActivityAt, Instant retentionDueAt) {
    }

    record NoteView(String noteId, String text, boolean markedForHandover, Instant addedAt) {
    }

    record CaseView(String caseId, String status, String origin, String serviceId, String serviceName,
                    String appointmentId, Instant openedAt, Instant lastActivityAt, Instant retentionDueAt,
                    Outcome outcome, String outcomeSummary, boolean identityDocumentShown, String identityDocument,
                    int calls, String lastCallOutcome, String closedBy, Instant archivedAt, String handoverId,
                    Instant handedOverAt, Instant erasedAt, List<NoteView> notes) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }
}
