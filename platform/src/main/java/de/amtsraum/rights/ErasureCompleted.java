package de.amtsraum.rights;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An erasure request (Art. 17 GDPR) was carried out: the keys of {@code erasedSubjectIds} are shredded
 * (each shredding is recorded as its own {@code PersonalDataShredded}); subjects under a legal hold are
 * in {@code keptSubjectIds}. No personal data: the receipt id and pseudonymous ids only.
 */
@Revision("1")
public record ErasureCompleted(String tenantId,
                               @NotPersonal("random id") String receiptId,
                               @NotPersonal("pseudonymous ids") List<String> erasedSubjectIds,
                               @NotPersonal("pseudonymous ids") List<String> keptSubjectIds,
                               @NotPersonal("how the request arrived") RequestChannel channel,
                               Instant erasedAt) implements TenantScoped {
}
