package de.amtsraum.privacy;

import java.util.List;
import java.util.Set;

/**
 * What one context holds of data subjects, for access and export (Art. 15 and 20 GDPR, issue 8).
 * Every context that stores personal data under a subject implements it as a bean; the rights
 * module asks all of them, so a new context only adds its implementation.
 */
public interface SubjectRecords {

    /** Stable name of the context, equal to {@link HeldRecord#source()} of its records. */
    String source();

    /** Every record of these subjects in the tenant, oldest first; an empty list when none. */
    List<HeldRecord> recordsOf(String tenantId, Set<String> subjectIds);
}
