package de.amtsraum.privacy;

import java.util.Map;
import java.util.Set;

/**
 * Changes a citizen may ask one context to make to their records (issue 8): correction (Art. 16
 * GDPR, recorded as correcting events, the old value stays sealed under the same key) and withdrawal
 * of a consent (Art. 7(3), effect for the future). Implemented next to {@link SubjectRecords} by
 * every context that offers them.
 */
public interface SubjectRecordChanges {

    /** Equal to {@link SubjectRecords#source()} of the same context. */
    String source();

    /** Field names ({@link HeldRecord.Field#name()}) of a record type the citizen may correct themselves. */
    Set<String> correctableFields(String type);

    /**
     * Corrects fields of one record of the subject. Refuses (nothing changes) an unknown record, a
     * record of another subject or tenant, a field not correctable, an invalid value, and a record
     * whose data is erased.
     *
     * @throws IllegalArgumentException with a message key {@code rights.error.*} for bad input
     */
    void correct(String tenantId, String subjectId, String recordId, Map<String, String> values);

    /**
     * Withdraws the consent given with one record of the subject, for the future: what rests on it
     * ends (a future appointment is cancelled, a contact request withdrawn, an account closed) and
     * its data is erased with cause {@link ShredCause#WITHDRAWAL} unless another basis keeps it.
     * Idempotent.
     */
    void withdrawConsent(String tenantId, String subjectId, String recordId);

    /**
     * The check every {@link #correct} starts with: refuses an empty correction and one naming a field
     * outside {@code correctable} (message key {@code rights.controls.error.notCorrectable}).
     */
    static void requireCorrectable(Map<String, String> values, Set<String> correctable) {
        if (values == null || values.isEmpty() || !correctable.containsAll(values.keySet())) {
            throw new IllegalArgumentException("rights.controls.error.notCorrectable");
        }
    }
}
