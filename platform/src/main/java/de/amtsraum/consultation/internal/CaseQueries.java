package de.amtsraum.consultation.internal;

import static de.amtsraum.readmodel.jooq.Tables.CONSULTATION_CASE;
import static de.amtsraum.readmodel.jooq.Tables.CONSULTATION_NOTE;

import de.amtsraum.consultation.ConsultationCases.CaseSummary;
import de.amtsraum.consultation.ConsultationCases.CaseView;
import de.amtsraum.consultation.ConsultationCases.Filter;
import de.amtsraum.consultation.ConsultationCases.NoteView;
import de.amtsraum.consultation.ConsultationOutcomeRecorded.Outcome;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.readmodel.jooq.tables.records.ConsultationCaseRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Staff queries: rows of one tenant only, sealed values opened on the way out. */
@Component
class CaseQueries {

    private final DSLContext db;
    private final PersonalDataCipher cipher;

    CaseQueries(DSLContext db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    List<CaseSummary> list(String tenantId, Filter filter, Map<String, String> serviceNames, int limit) {
        Condition status = switch (filter) {
            case OPEN -> CONSULTATION_CASE.STATUS.eq(ConsultationCase.Status.OPEN.name());
            case CLOSED -> CONSULTATION_CASE.STATUS.ne(ConsultationCase.Status.OPEN.name());
            case ALL -> org.jooq.impl.DSL.noCondition();
        };
        return db.selectFrom(CONSULTATION_CASE).where(CONSULTATION_CASE.TENANT_ID.eq(tenantId), status)
                .orderBy(CONSULTATION_CASE.LAST_ACTIVITY_AT.desc()).limit(limit)
                .fetch(r -> new CaseSummary(r.getCaseId(), r.getStatus(), r.getOrigin(), r.getServiceId(),
                        serviceNames.get(r.getServiceId()), r.getAppointmentId(), instant(r.getOpenedAt()),
                        instant(r.getLastActivityAt()), instant(r.getRetentionDueAt())));
    }

    boolean exists(String tenantId, String caseId) {
        return db.fetchExists(CONSULTATION_CASE, CONSULTATION_CASE.TENANT_ID.eq(tenantId),
                CONSULTATION_CASE.CASE_ID.eq(caseId));
    }

    Optional<String> subjectOf(String tenantId, String caseId) {
        return db.select(CONSULTATION_CASE.SUBJECT_ID).from(CONSULTATION_CASE)
                .where(CONSULTATION_CASE.TENANT_ID.eq(tenantId), CONSULTATION_CASE.CASE_ID.eq(caseId))
                .fetchOptional(CONSULTATION_CASE.SUBJECT_ID);
    }

    Optional<CaseView> find(String tenantId, String caseId, Map<String, String> serviceNames) {
        ConsultationCaseRecord r = db.selectFrom(CONSULTATION_CASE)
                .where(CONSULTATION_CASE.TENANT_ID.eq(tenantId), CONSULTATION_CASE.CASE_ID.eq(caseId))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        String subject = r.getSubjectId();
        List<NoteView> notes = db.selectFrom(CONSULTATION_NOTE)
                .where(CONSULTATION_NOTE.TENANT_ID.eq(tenantId), CONSULTATION_NOTE.CASE_ID.eq(caseId))
                .orderBy(CONSULTATION_NOTE.POSITION)
                .fetch(n -> new NoteView(n.getNoteId(), cipher.open(tenantId, subject, "text", n.getText()),
                        n.getMarkedForHandover(), instant(n.getAddedAt())));
        return Optional.of(new CaseView(r.getCaseId(), r.getStatus(), r.getOrigin(), r.getServiceId(),
                serviceNames.get(r.getServiceId()), r.getAppointmentId(), instant(r.getOpenedAt()),
                instant(r.getLastActivityAt()), instant(r.getRetentionDueAt()),
                r.getOutcome() == null ? null : Outcome.valueOf(r.getOutcome()),
                cipher.open(tenantId, subject, "summary", r.getOutcomeSummary()),
                Boolean.TRUE.equals(r.getIdentityDocumentShown()),
                cipher.open(tenantId, subject, "documentKind", r.getIdentityDocument()),
                r.getCalls() == null ? 0 : r.getCalls(), r.getLastCallOutcome(), r.getClosedBy(),
                instant(r.getArchivedAt()), r.getHandoverId(), instant(r.getHandedOverAt()), instant(r.getErasedAt()),
                notes));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
