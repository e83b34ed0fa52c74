package de.amtsraum.contact.internal;

import static de.amtsraum.readmodel.jooq.Tables.CONTACT_REQUEST;

import de.amtsraum.privacy.HeldFields;
import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.SubjectRecords;
import de.amtsraum.tenancy.TenantDirectory;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contact requests of data subjects, opened, with their submission metadata (issue 8). */
@Component
class ContactSubjectRecords implements SubjectRecords {

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final TenantDirectory tenants;

    ContactSubjectRecords(DSLContext db, PersonalDataCipher cipher, TenantDirectory tenants) {
        this.db = db;
        this.cipher = cipher;
        this.tenants = tenants;
    }

    @Override
    public String source() {
        return "contact";
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldRecord> recordsOf(String tenantId, Set<String> subjectIds) {
        var manifest = tenants.manifest(tenantId);
        return db.selectFrom(CONTACT_REQUEST)
                .where(CONTACT_REQUEST.TENANT_ID.eq(tenantId), CONTACT_REQUEST.SUBJECT_ID.in(subjectIds))
                .orderBy(CONTACT_REQUEST.SUBMITTED_AT, CONTACT_REQUEST.REQUEST_ID)
                .fetch(r -> {
                    var fields = HeldFields.of(cipher, tenantId, r.getSubjectId(), HeldFields.categoriesOf(manifest));
                    for (var column : ContactRequestProjection.PERSONAL) {
                        fields.sealed(column.name(), column.kind(), column.name(), r.get(column.field()));
                    }
                    fields.fact("concludedAt", HeldFields.instant(r.getConcludedAt()));
                    return new HeldRecord(source(), "contact-request", r.getRequestId(), r.getSubjectId(),
                            r.getStatus(), HeldFields.instant(r.getSubmittedAt()), null, fields.list());
                });
    }

}
