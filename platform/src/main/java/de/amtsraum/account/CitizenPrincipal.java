package de.amtsraum.account;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who is logged in on the citizen pages: the tenant, the pseudonymous subject and the account id.
 * Never the username or the e-mail address, so nothing personal sits in the session or in logs that
 * print a principal's name (the subject id).
 */
public record CitizenPrincipal(String tenantId, String subjectId, String accountId) implements Principal, Serializable {

    @Override
    public String getName() {
        return subjectId;
    }
}
