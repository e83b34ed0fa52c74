package de.amtsraum.booking.internal;

import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.privacy.SubjectRecordChanges;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawal of the consent of an appointment by its citizen (issue 8): an upcoming appointment is
 * cancelled and its APPOINTMENT data shredded (cause WITHDRAWAL); for one that took place the
 * withdrawal has no effect (public-task basis, kept to its retention period) and is refused with
 * {@code rights.controls.error.withdrawalNoEffect}. Correction of appointments is not offered yet
 * ({@link #correctableFields} is empty): the citizen rebooks or asks staff.
 */
@Component
class BookingRecordChanges implements SubjectRecordChanges {

    static final String SOURCE = "booking";

    private final AppointmentQueries queries;
    private final BookingService bookings;
    private final SubjectKeys keys;
    private final TenantDirectory tenants;

    BookingRecordChanges(AppointmentQueries queries, BookingService bookings, SubjectKeys keys,
                         TenantDirectory tenants) {
        this.queries = queries;
        this.bookings = bookings;
        this.keys = keys;
        this.tenants = tenants;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> correctableFields(String type) {
        return Set.of();
    }

    @Override
    public void correct(String tenantId, String subjectId, String recordId, Map<String, String> values) {
        owned(tenantId, subjectId, recordId);
        throw new IllegalArgumentException("rights.controls.error.notCorrectable");
    }

    @Override
    @Transactional
    public void withdrawConsent(String tenantId, String subjectId, String recordId) {
        AppointmentQueries.Row row = owned(tenantId, subjectId, recordId);
        boolean cancelled = Redaction.VALUE.equals(row.email()) || bookings.cancelForWithdrawal(tenantId, recordId);
        if (!cancelled) {
            throw new IllegalArgumentException("rights.controls.error.withdrawalNoEffect");
        }
        tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new).categoryFor(DataKind.APPOINTMENT)
                .ifPresent(category -> keys.shred(tenantId, subjectId, category.id(), ShredCause.WITHDRAWAL));
    }

    private AppointmentQueries.Row owned(String tenantId, String subjectId, String recordId) {
        return (recordId == null ? java.util.Optional.<AppointmentQueries.Row>empty() : queries.find(tenantId, recordId))
                .filter(row -> row.subjectId().equals(subjectId))
                .orElseThrow(() -> new IllegalArgumentException("rights.controls.error.unknownRecord"));
    }
}
