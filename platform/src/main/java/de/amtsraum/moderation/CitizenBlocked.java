package de.amtsraum.moderation;

import static de.amtsraum.shared.privacy.DataKind.ABUSE_EVIDENCE;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Staff blocked a citizen for misuse until {@code blockedUntil} (null: permanently). The subject is
 * the evidence's own random id, not the appointment's or the account's: every evidence field is
 * sealed under it and shredded by the tenant's INCIDENT_RECORDED rule (Leer: 30 days after the
 * block). Evidence fields the source cannot supply are null: the booking side supplies the
 * appointment id and start; the video room (issue 6) will supply session id and IP address.
 * {@code addressIndex} is the keyed hash the block is enforced by; it is not sealed, because the
 * block must outlive the evidence (see docs/privacy-model.md, "Blocking for misuse").
 */
@Revision("1")
public record CitizenBlocked(
        String tenantId,
        @NotPersonal("random id") String blockId,
        @DataSubject String evidenceSubjectId,
        @NotPersonal("keyed hash (HMAC-SHA256 under the installation's secret) of the e-mail address; "
                + "kept while the block lasts, documented in the privacy model") String addressIndex,
        @NotPersonal("where the misuse happened: BOOKING or VIDEO") String source,
        @NotPersonal("ISO-8601 period of the block, or PERMANENT") String duration,
        @PersonalData(ABUSE_EVIDENCE) String reason,
        @PersonalData(ABUSE_EVIDENCE) String screenshot,
        @NotPersonal("media type of the screenshot: image/png or image/jpeg") String screenshotType,
        @PersonalData(ABUSE_EVIDENCE) String appointmentId,
        @PersonalData(ABUSE_EVIDENCE) String appointmentStart,
        @PersonalData(ABUSE_EVIDENCE) String sessionId,
        @PersonalData(ABUSE_EVIDENCE) String ipAddress,
        Instant blockedAt,
        Instant blockedUntil) implements TenantScoped {
}
