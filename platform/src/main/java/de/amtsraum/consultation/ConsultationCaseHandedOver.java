package de.amtsraum.consultation;

import static de.amtsraum.shared.privacy.DataKind.CONVERSATION;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Staff handed the case over to the tenant's specialist system (Fachverfahren). The handover module
 * publishes an integration event for it on the tenant's Kafka topic, without the content: the
 * receiver redeems a one-time reference for it. The content is sealed with the case subject's
 * CONVERSATION key, so shredding that key also makes the handover unredeemable.
 *
 * @param subjectId    the case's own pseudonymous data subject (its CONVERSATION key seals {@code content})
 * @param handoverId   random id of this handover (a case can be handed over once)
 * @param serviceId    the manifest's service id of the consultation, null for cases staff opened
 * @param outcome      {@code COMPLETED} or {@code ABORTED}, null when no outcome was recorded
 * @param content      what the receiver gets, a JSON document
 *                     {@code {"notes":["…"],"identityDocumentShown":true|false}}: only notes staff marked
 *                     for handover
 */
@Revision("1")
public record ConsultationCaseHandedOver(String tenantId,
                                         @NotPersonal("random id") String caseId,
                                         @DataSubject String subjectId,
                                         @NotPersonal("random id") String handoverId,
                                         @NotPersonal("service id of the manifest") String serviceId,
                                         @NotPersonal("COMPLETED or ABORTED") String outcome,
                                         @PersonalData(CONVERSATION) String content,
                                         Instant handedOverAt) implements TenantScoped {
}
