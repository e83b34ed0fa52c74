package de.amtsraum.rights;

import static de.amtsraum.shared.privacy.DataKind.RIGHTS_REQUEST;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A citizen objected to the processing of their data (Art. 21 GDPR). Processing stops as under a
 * restriction until staff decide; the staff inbox opens a request with the one-month deadline for
 * every such event. The grounds are the citizen's own text, sealed under the objection's own
 * subject ({@code subjectId}, category RIGHTS_REQUEST), so they are erased with the request.
 *
 * @param objectionId random id
 * @param subjectId   the objection's own data subject (seals the grounds)
 * @param personSubjectIds the person's subjects whose processing stops
 */
@Revision("1")
public record ObjectionRecorded(String tenantId,
                                @NotPersonal("random id") String objectionId,
                                @DataSubject String subjectId,
                                @NotPersonal("pseudonymous ids") List<String> personSubjectIds,
                                @PersonalData(RIGHTS_REQUEST) String grounds,
                                @NotPersonal("how the objection arrived") RequestChannel channel,
                                Instant recordedAt) implements TenantScoped {
}
