package de.amtsraum.tenancy.manifest;

/**
 * One retention rule of a data category: when {@link #trigger()} happens, wait {@link #after()},
 * then {@link #action()}. The retention engine runs these very objects, and the privacy notice is
 * rendered from them, so the two cannot disagree.
 */
public record RetentionRule(RetentionTrigger trigger, RetentionPeriod after, RetentionAction action) {

    public enum RetentionTrigger {
        /** The data was collected. */
        COLLECTED,
        /** The appointment it belongs to has ended. */
        APPOINTMENT_END,
        /** No activity on the consultation case for the period. */
        CASE_LAST_ACTIVITY,
        /** Staff archived the consultation case. */
        CASE_ARCHIVED,
        /** The conversation (contact request, counselling) was concluded. */
        CONVERSATION_CONCLUDED,
        /** The citizen closed the account. */
        ACCOUNT_CLOSED,
        /** A misuse incident was recorded (evidence retention). */
        INCIDENT_RECORDED,
        /** A request about data-subject rights was answered or closed (issue 8). */
        RIGHTS_REQUEST_CLOSED
    }

    public enum RetentionAction {
        /** Delete the subject's key for the category: the data becomes unreadable everywhere. */
        SHRED,
        /** Shred the identifying data, keep the non-personal facts for statistics. */
        ANONYMISE
    }
}
