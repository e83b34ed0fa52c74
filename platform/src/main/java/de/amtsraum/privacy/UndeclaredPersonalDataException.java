package de.amtsraum.privacy;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.privacy.DataKind;
import org.springframework.http.HttpStatus;

/**
 * The tenant's manifest names no data category for a kind of personal data: the platform refuses
 * to store it rather than process data the privacy notice does not declare.
 */
public class UndeclaredPersonalDataException extends ProblemException {

    public UndeclaredPersonalDataException(DataKind kind) {
        super(HttpStatus.CONFLICT, "undeclared-personal-data", "Processing not declared",
                "This authority has not declared the processing of " + kind
                        + " data in its privacy notice, so it cannot be accepted.");
    }
}
