package de.amtsraum.privacy;

import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.time.Instant;

/**
 * Domain contexts report retention triggers here (an appointment ended, a conversation was
 * concluded, an account closed); the retention engine turns each into deadlines for the subject's
 * categories whose rules name that trigger. Raising a trigger again moves its deadlines.
 */
public interface RetentionTriggers {

    void raise(String tenantId, String subjectId, RetentionTrigger trigger, Instant at);
}
