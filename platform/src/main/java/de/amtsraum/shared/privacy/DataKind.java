package de.amtsraum.shared.privacy;

/**
 * The kinds of personal data the platform itself processes. Every event field holding personal
 * data names its kind; each tenant's manifest says which of its data categories covers the kind
 * ({@code dataCategories[].covers}). A kind no category covers cannot be stored for that tenant:
 * the platform processes nothing its privacy notice does not declare.
 */
public enum DataKind {
    /** Content of a contact request: names, e-mail, postal address, the message. */
    CONTACT_REQUEST,
    /** Technical data recorded with a submission: browser, operating system, IP address. */
    SUBMISSION_METADATA,
    /** Personal fields of a booked appointment. */
    APPOINTMENT,
    /** Content of a consultation: notes, outcome, a shown ID document. */
    CONVERSATION,
    /** A citizen account: username, phone. */
    ACCOUNT,
    /** The e-mail address of a citizen account, used for notifications only. */
    ACCOUNT_EMAIL,
    /** Request and login logs. */
    ACCESS_LOG,
    /** Evidence of misuse: IP address, session id, screenshots. */
    ABUSE_EVIDENCE,
    /** Video session data: room and participant ids. */
    VIDEO_SESSION,
    /** Facts about the use of services (booked appointments, outcome). */
    APPLICATION,
    /**
     * A request about data-subject rights (issue 8): the requester's name and contact details as
     * staff recorded them, how the identity was verified, the grounds of an objection.
     */
    RIGHTS_REQUEST
}
