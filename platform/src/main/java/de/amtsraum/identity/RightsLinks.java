package de.amtsraum.identity;

import de.amtsraum.notification.PublicUrl;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Links to the self-service page of the data-subject rights ({@code /{tenant}/meine-daten}, issue 8)
 * that every mail to a citizen carries. The token names the pseudonymous subject of the record the
 * mail is about (never personal data) and is valid for {@link #VALIDITY}; a citizen whose link has
 * expired asks for a fresh one on the page itself.
 */
@Component
public class RightsLinks {

    /** Purpose name in {@link SignedLinks}. */
    public static final String PURPOSE = "rights";
    /** How long a link in a mail is valid. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    private final SignedLinks links;
    private final PublicUrl publicUrl;

    RightsLinks(SignedLinks links, PublicUrl publicUrl) {
        this.links = links;
        this.publicUrl = publicUrl;
    }

    /** The full URL for a mail, valid for {@link #VALIDITY}. */
    public String url(String tenantId, String subjectId) {
        return url(tenantId, subjectId, VALIDITY);
    }

    public String url(String tenantId, String subjectId, Duration validity) {
        return publicUrl.of("/" + tenantId + "/meine-daten?token=" + links.issue(PURPOSE, tenantId, subjectId, validity));
    }

    /** The subject id, when the token is genuine, unexpired, a rights link, and of this tenant. */
    public Optional<String> subjectOf(String token, String tenantId) {
        return links.verify(token, PURPOSE, tenantId);
    }
}
