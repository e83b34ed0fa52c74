package de.amtsraum.operator;

import de.amtsraum.shared.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Offboarding needs the tenant id typed as confirmation; this one did not match. Nothing happened. */
public class ConfirmationMismatchException extends ProblemException {

    public ConfirmationMismatchException() {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "offboarding-not-confirmed", "Offboarding not confirmed",
                "Offboarding erases every personal datum of the tenant for good; send {\"confirm\": \"<tenant id>\"} "
                        + "with the tenant's id exactly. Nothing was changed.");
    }
}
