package de.amtsraum.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The staff inbox for data-subject requests that arrive by mail, letter, phone or in person (and the
 * objections citizens record themselves): each request has its own data subject (category
 * {@code rights-requests}), the one-month deadline of Art. 12(3) GDPR counted from the day it was
 * received, at most one extension by up to two further months with a documented reason, reminders
 * to the tenant's privacy mailbox, and a closure that needs a verified identity. Callers authorise:
 * the staff role of the tenant. See ADR 0025.
 */
public interface RightsRequests {

    /** Opens a request; returns its id. Refuses bad input with {@link RightsRequestException}; nothing is stored then. */
    String open(String tenantId, Opening opening, String staffId);

    /** Open requests first, soonest deadline first; then closed ones. */
    List<RequestView> list(String tenantId);

    RequestView get(String tenantId, String requestId);

    void verifyIdentity(String tenantId, String requestId, VerificationMethod method, String note, String staffId);

    /** Extends the deadline once, by one or two months; the citizen must have been told (Art. 12(3) sentence 3). */
    void extend(String tenantId, String requestId, int months, String reason, boolean citizenInformed, String staffId);

    /** Closes the request (identity verified first); starts the retention rule RIGHTS_REQUEST_CLOSED of its subject. */
    void close(String tenantId, String requestId, Outcome outcome, String reasonCode, String note, String staffId);

    /** Records and mails every reminder that is due by the application clock; returns how many. */
    int sendReminders();

    enum Type { ACCESS, EXPORT, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, WITHDRAWAL }

    enum VerificationMethod { ID_DOCUMENT_SEEN, KNOWN_EMAIL, CALLBACK, SIGNED_LETTER, OTHER }

    enum Outcome { ANSWERED, REFUSED }

    enum Reminder { DUE_SOON, OVERDUE }

    /** Reason codes of a refusal (Art. 12(5), 17(3), 23 GDPR). */
    java.util.Set<String> REFUSAL_REASONS = java.util.Set.of("MANIFESTLY_UNFOUNDED", "EXCESSIVE",
            "IDENTITY_NOT_ESTABLISHED", "LEGAL_OBLIGATION", "RIGHTS_OF_OTHERS", "NO_DATA_HELD", "OTHER");

    /**
     * @param subjectId optional: the pseudonymous data subject the request is about (for legal holds), no personal data
     */
    record Opening(Type type, RequestChannel channel, LocalDate receivedOn, String requesterName,
                   String requesterContact, String description, String subjectId) {
    }

    /** One request, personal fields opened (or the redaction value once erased). */
    record RequestView(String id, Type type, RequestChannel channel, LocalDate receivedOn, LocalDate deadline,
                       boolean extended, String extensionReason, boolean overdue, String status,
                       VerificationMethod verification, String verificationNote, Outcome outcome, String reasonCode,
                       String closingNote, String requesterName, String requesterContact, String description,
                       String subjectId, String objectionId, Instant openedAt, Instant closedAt) {
    }
}
