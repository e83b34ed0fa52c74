package de.amtsraum.privacy;

/** Why a subject's key was destroyed. */
public enum ShredCause {
    /** A retention rule of the tenant fell due. */
    RETENTION,
    /** The citizen withdrew consent or the request. */
    WITHDRAWAL,
    /** The citizen asked for erasure (Art. 17 GDPR). */
    ERASURE_REQUEST,
    /** The citizen never confirmed (an appointment hold expired): nothing is kept of it. */
    NOT_CONFIRMED,
    /** The whole tenant left the platform: its key-encryption key is destroyed (ADR 0022). */
    OFFBOARDING
}
