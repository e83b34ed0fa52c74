package de.amtsraum.contact;

import de.amtsraum.shared.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The tenant does not offer a contact form (feature off in its manifest). */
public class ContactFormNotOfferedException extends ProblemException {

    public ContactFormNotOfferedException() {
        super(HttpStatus.NOT_FOUND, "contact-form-not-offered", "No contact form",
                "This authority does not offer a contact form here.");
    }
}
