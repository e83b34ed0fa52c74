package de.amtsraum.tenancy;

import de.amtsraum.shared.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No tenant with this id. The detail does not echo the id: it came from the request. */
public class UnknownTenantException extends ProblemException {

    public UnknownTenantException() {
        super(HttpStatus.NOT_FOUND, "unknown-tenant", "Unknown tenant", "There is no tenant with this id.");
    }
}
