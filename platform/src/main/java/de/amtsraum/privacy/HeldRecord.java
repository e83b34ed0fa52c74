package de.amtsraum.privacy;

import de.amtsraum.shared.privacy.DataKind;
import java.time.Instant;
import java.util.List;

/**
 * One record a context holds of a data subject (an appointment, a contact request, a consultation
 * case, a citizen account, a login attempt), as shown to the citizen for the data-subject rights
 * (issue 8). Values are opened where the subject's key still exists; a field whose category is
 * shredded has {@code erased = true} and a null value. Carries nothing the citizen may not see
 * (no password hash, no evidence of misuse).
 *
 * @param source    stable name of the context: {@code booking}, {@code contact}, {@code case}, {@code account}
 * @param type      stable name of the record type within the source, e.g. {@code appointment}, {@code login-attempt}
 * @param recordId  the aggregate id (its event stream) or the row id for records without a stream
 * @param subjectId the pseudonymous data subject the record's personal data is sealed under
 * @param status    the record's state in the source's own words (e.g. CONFIRMED, CLOSED), may be null
 * @param createdAt when it was collected
 * @param consent   the consent given with it, null when the processing does not rest on a consent
 * @param fields    the record's data, in the order to show
 */
public record HeldRecord(String source, String type, String recordId, String subjectId, String status,
                         Instant createdAt, Consent consent, List<Field> fields) {

    /**
     * @param name       stable field name (message key {@code rights.field.<name>})
     * @param kind       the data kind, null for non-personal facts (service, times)
     * @param categoryId the tenant's data category covering the kind, null for non-personal facts
     * @param value      opened value, null when empty or erased
     * @param erased     the category's key is shredded: the value is gone for good
     */
    public record Field(String name, DataKind kind, String categoryId, String value, boolean erased) {
    }

    /**
     * @param noticeVersion number of the privacy notice shown when the consent was given
     * @param termsVersion  version of the terms of use accepted, null if none
     * @param givenAt       when
     * @param withdrawnAt   when withdrawn, null while in force
     */
    public record Consent(String noticeVersion, String termsVersion, Instant givenAt, Instant withdrawnAt) {
    }
}
