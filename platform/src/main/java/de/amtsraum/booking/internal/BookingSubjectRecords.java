package de.amtsraum.booking.internal;

import static de.amtsraum.readmodel.jooq.Tables.APPOINTMENT;

import de.amtsraum.privacy.HeldFields;
import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.SubjectRecords;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The appointments of data subjects, opened, for access and export (issue 8). */
@Component
class BookingSubjectRecords implements SubjectRecords {

    private final org.jooq.DSLContext db;
    private final PersonalDataCipher cipher;
    private final TenantDirectory tenants;

    BookingSubjectRecords(org.jooq.DSLContext db, PersonalDataCipher cipher, TenantDirectory tenants) {
        this.db = db;
        this.cipher = cipher;
        this.tenants = tenants;
    }

    @Override
    public String source() {
        return "booking";
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldRecord> recordsOf(String tenantId, Set<String> subjectIds) {
        var manifest = tenants.manifest(tenantId);
        return db.selectFrom(APPOINTMENT)
                .where(APPOINTMENT.TENANT_ID.eq(tenantId), APPOINTMENT.SUBJECT_ID.in(subjectIds))
                .orderBy(APPOINTMENT.REQUESTED_AT, APPOINTMENT.APPOINTMENT_ID)
                .fetch(r -> {
                    var fields = HeldFields.of(cipher, tenantId, r.getSubjectId(), HeldFields.categoriesOf(manifest))
                            .fact("service", r.getServiceId())
                            .fact("location", r.getLocationId())
                            .fact("start", HeldFields.instant(r.getStartAt()))
                            .fact("end", HeldFields.instant(r.getEndAt()))
                            .sealed("name", DataKind.APPOINTMENT, "name", r.getName())
                            .sealed("email", DataKind.APPOINTMENT, "email", r.getEmail())
                            .sealed("phone", DataKind.APPOINTMENT, "phone", r.getPhone())
                            .sealed("concern", DataKind.APPOINTMENT, "concern", r.getConcern())
                            .sealed("address", DataKind.APPOINTMENT, "address", r.getAddress())
                            .sealed("birthDate", DataKind.APPOINTMENT, "birthDate", r.getBirthDate())
                            .sealed("cancelReason", DataKind.APPOINTMENT, "reason", r.getCancelReason())
                            .list();
                    return new HeldRecord(source(), "appointment", r.getAppointmentId(), r.getSubjectId(),
                            r.getStatus(), HeldFields.instant(r.getRequestedAt()),
                            new HeldRecord.Consent(r.getNoticeVersion(), null, HeldFields.instant(r.getRequestedAt()), null),
                            fields);
                });
    }

}
