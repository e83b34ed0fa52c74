package de.amtsraum.rights;

/** How a request reached the authority. */
public enum RequestChannel {
    /** The citizen used the self-service page (link or account). */
    SELF_SERVICE,
    /** By e-mail. */
    EMAIL,
    /** By letter. */
    LETTER,
    /** By phone. */
    PHONE,
    /** In person at the authority. */
    IN_PERSON
}
