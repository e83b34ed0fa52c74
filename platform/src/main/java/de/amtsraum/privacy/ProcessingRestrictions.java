package de.amtsraum.privacy;

/**
 * Whether a subject's data may be processed beyond being stored (issue 8): a restriction (Art. 18
 * GDPR) or an objection not yet decided (Art. 21) stops handovers to specialist systems, mail other
 * than about the request itself, and staff changes. Asked by every context before such processing.
 */
public interface ProcessingRestrictions {

    /** True while the subject's processing is restricted or an objection of it is undecided. */
    boolean restricted(String tenantId, String subjectId);
}
