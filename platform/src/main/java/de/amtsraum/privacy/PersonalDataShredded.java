package de.amtsraum.privacy;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionAction;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A subject's data of one category became unreadable: its key is destroyed. Carries no personal
 * data: which subject (pseudonymous id), which category, why, and for retention which rule
 * ({@code trigger}, {@code ruleIndex} in the category's list) and action. Read models holding data
 * of the category purge it when they see this event.
 */
@Revision("1")
public record PersonalDataShredded(
        String tenantId,
        @NotPersonal("pseudonymous id") String subjectId,
        @NotPersonal String categoryId,
        ShredCause cause,
        RetentionTrigger trigger,
        Integer ruleIndex,
        RetentionAction action,
        Instant shreddedAt) implements TenantScoped {
}
