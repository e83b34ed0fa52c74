package de.amtsraum.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Publishing a tenant's configuration together with its privacy notice. A draft is a manifest
 * document (JSON, the same schema as the tenants folder and the operator API); publishing validates
 * it with the manifest rules and the notice guards, applies it to the tenant and records the notice
 * generated from it as the next version, in one step.
 */
public interface PrivacyNotices {

    /** What publishing this draft would refuse (manifest rules and notice guards); empty = publishable. */
    List<NoticeProblem> check(String tenantId, JsonNode draft);

    /** The notice this draft would produce, as HTML of the notice's body (for the admin's preview). */
    String preview(String tenantId, JsonNode draft);

    /**
     * Applies the draft to the tenant and publishes its notice as the next version.
     *
     * @param publishedBy who published (the tenant admin's or operator's user name; no citizen data)
     * @throws NoticeRefusedException with every problem when {@link #check} finds any; nothing changes then
     */
    PublishedNotice publish(String tenantId, JsonNode draft, String publishedBy);

    Optional<PublishedNotice> current(String tenantId);

    /** All published versions, newest first. */
    List<PublishedNotice> versions(String tenantId);

    Optional<PublishedNotice> version(String tenantId, int number);

    /**
     * The number of the current version as consents record it ({@code privacyNoticeVersion} of
     * bookings, contact requests and account registrations); {@code "0"} before the first version.
     */
    default String currentNumber(String tenantId) {
        return current(tenantId).map(notice -> String.valueOf(notice.number())).orElse("0");
    }
}
