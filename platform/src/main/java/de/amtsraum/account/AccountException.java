package de.amtsraum.account;

/** A refused account operation; pages show {@code account.reason.<reason>}. No personal data in the message. */
public class AccountException extends RuntimeException {

    public enum Reason {
        /** A mailed link that is forged, expired, of another tenant, or already used. */
        INVALID_LINK,
        /** The password given to confirm an operation is wrong. */
        WRONG_PASSWORD,
        /** The account is closed. */
        CLOSED,
        /** The privacy notice changed while the form was open. */
        NOTICE_CHANGED,
        /** The terms of use changed while the form was open (the version shown is no longer the current one). */
        TERMS_CHANGED
    }

    private final Reason reason;

    public AccountException(Reason reason) {
        super("account operation refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
