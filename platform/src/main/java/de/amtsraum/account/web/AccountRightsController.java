package de.amtsraum.account.web;

import de.amtsraum.account.CitizenPrincipal;
import de.amtsraum.identity.RightsLinks;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import java.time.Duration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /{tenant}/konto/meine-daten}: from the citizen session to the self-service page of the
 * data-subject rights (issue 8), with a short-lived rights link of the account's subject; the rights
 * page finds the whole person from it.
 */
@SiteController
class AccountRightsController {

    /** Long enough to read the overview and ask for the export or the erasure. */
    static final Duration VALIDITY = Duration.ofMinutes(30);

    private final RightsLinks links;

    AccountRightsController(RightsLinks links) {
        this.links = links;
    }

    @GetMapping("/{tenant}/konto/meine-daten")
    String myData(@PathVariable String tenant, @AuthenticationPrincipal CitizenPrincipal principal) {
        if (principal == null || !principal.tenantId().equals(tenant)) {
            throw new PageNotFoundException();
        }
        return "redirect:" + links.url(tenant, principal.subjectId(), VALIDITY);
    }
}
