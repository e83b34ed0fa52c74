package de.amtsraum.tenancy;

import de.amtsraum.shared.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The tenant was offboarded: its data is erased and its id cannot be used again (not for onboarding,
 * not for suspension). The id is not echoed: it came from the request.
 */
public class TenantOffboardedException extends ProblemException {

    public TenantOffboardedException() {
        super(HttpStatus.CONFLICT, "tenant-offboarded", "Tenant offboarded",
                "This tenant was offboarded; its data is erased and the id cannot be onboarded or changed again.");
    }
}
