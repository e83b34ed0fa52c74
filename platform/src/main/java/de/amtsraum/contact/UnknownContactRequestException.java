package de.amtsraum.contact;

import de.amtsraum.shared.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No such request in this tenant (or its link is not valid). */
public class UnknownContactRequestException extends ProblemException {

    public UnknownContactRequestException() {
        super(HttpStatus.NOT_FOUND, "unknown-contact-request", "Unknown contact request",
                "There is no contact request for this id or link.");
    }
}
