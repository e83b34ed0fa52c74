package de.amtsraum.consultation.internal;

import static de.amtsraum.readmodel.jooq.Tables.CONSULTATION_CASE;
import static de.amtsraum.readmodel.jooq.Tables.CONSULTATION_NOTE;

import de.amtsraum.privacy.HeldFields;
import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.SubjectRecords;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The consultation cases of data subjects (notes, outcome, ID document shown, calls), for access and export (issue 8). */
@Component
class CaseSubjectRecords implements SubjectRecords {

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final TenantDirectory tenants;

    CaseSubjectRecords(DSLContext db, PersonalDataCipher cipher, TenantDirectory tenants) {
        this.db = db;
        this.cipher = cipher;
        this.tenants = tenants;
    }

    @Override
    public String source() {
        return "case";
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldRecord> recordsOf(String tenantId, Set<String> subjectIds) {
        var manifest = tenants.manifest(tenantId);
        Function<DataKind, String> categoryOf = HeldFields.categoriesOf(manifest);
        return db.selectFrom(CONSULTATION_CASE)
                .where(CONSULTATION_CASE.TENANT_ID.eq(tenantId), CONSULTATION_CASE.SUBJECT_ID.in(subjectIds))
                .orderBy(CONSULTATION_CASE.OPENED_AT, CONSULTATION_CASE.CASE_ID)
                .fetch(r -> {
                    var fields = HeldFields.of(cipher, tenantId, r.getSubjectId(), categoryOf)
                            .fact("service", r.getServiceId())
                            .fact("appointment", r.getAppointmentId());
                    db.selectFrom(CONSULTATION_NOTE)
                            .where(CONSULTATION_NOTE.TENANT_ID.eq(tenantId), CONSULTATION_NOTE.CASE_ID.eq(r.getCaseId()))
                            .orderBy(CONSULTATION_NOTE.POSITION)
                            .forEach(n -> fields.sealed("note", DataKind.CONVERSATION, "text", n.getText()));
                    fields.fact("outcome", r.getOutcome())
                            .sealed("outcomeSummary", DataKind.CONVERSATION, "summary", r.getOutcomeSummary())
                            .fact("identityDocumentShown", Boolean.TRUE.equals(r.getIdentityDocumentShown()))
                            .sealed("identityDocument", DataKind.CONVERSATION, "documentKind", r.getIdentityDocument())
                            .fact("calls", r.getCalls())
                            .fact("lastCallOutcome", r.getLastCallOutcome())
                            .fact("closedAt", HeldFields.instant(r.getArchivedAt()));
                    return new HeldRecord(source(), "consultation-case", r.getCaseId(), r.getSubjectId(),
                            r.getStatus(), HeldFields.instant(r.getOpenedAt()), null, fields.list());
                });
    }

}
