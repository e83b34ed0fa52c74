package de.amtsraum.consultation.internal;

import static de.amtsraum.readmodel.jooq.Tables.CONSULTATION_CASE;
import static de.amtsraum.readmodel.jooq.Tables.CONSULTATION_NOTE;

import de.amtsraum.consultation.ConsultationCallHeld;
import de.amtsraum.consultation.ConsultationCaseArchived;
import de.amtsraum.consultation.ConsultationCaseErased;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.consultation.ConsultationCaseOpened;
import de.amtsraum.consultation.ConsultationIdentityDocumentShown;
import de.amtsraum.consultation.ConsultationNoteAdded;
import de.amtsraum.consultation.ConsultationOutcomeRecorded;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code consultation_case} and {@code consultation_note}: conversation data only as values
 * sealed with the case subject's key (never plaintext in the database), rewritten to the redaction
 * value when the key is shredded. Subscribing processor: rows exist when the command returns.
 */
@Component
@ProcessingGroup(ConsultationCaseProjection.GROUP)
class ConsultationCaseProjection {

    static final String GROUP = "consultation-cases";

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final CaseDeadlines deadlines;

    ConsultationCaseProjection(DSLContext db, PersonalDataCipher cipher, CaseDeadlines deadlines) {
        this.db = db;
        this.cipher = cipher;
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(ConsultationCaseOpened e) {
        db.insertInto(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.CASE_ID, e.caseId())
                .set(CONSULTATION_CASE.TENANT_ID, e.tenantId())
                .set(CONSULTATION_CASE.SUBJECT_ID, e.subjectId())
                .set(CONSULTATION_CASE.CITIZEN_SUBJECT_ID, e.citizenSubjectId())
                .set(CONSULTATION_CASE.ORIGIN, e.origin().name())
                .set(CONSULTATION_CASE.APPOINTMENT_ID, e.appointmentId())
                .set(CONSULTATION_CASE.SERVICE_ID, e.serviceId())
                .set(CONSULTATION_CASE.STATUS, ConsultationCase.Status.OPEN.name())
                .set(CONSULTATION_CASE.OPENED_AT, time(e.openedAt()))
                .set(CONSULTATION_CASE.LAST_ACTIVITY_AT, time(e.openedAt()))
                .set(CONSULTATION_CASE.RETENTION_DUE_AT, due(e.tenantId(), RetentionTrigger.CASE_LAST_ACTIVITY,
                        e.openedAt()))
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(ConsultationNoteAdded e) {
        db.insertInto(CONSULTATION_NOTE)
                .set(CONSULTATION_NOTE.NOTE_ID, e.noteId())
                .set(CONSULTATION_NOTE.CASE_ID, e.caseId())
                .set(CONSULTATION_NOTE.TENANT_ID, e.tenantId())
                .set(CONSULTATION_NOTE.SUBJECT_ID, e.subjectId())
                .set(CONSULTATION_NOTE.POSITION, DSL.field(DSL.select(DSL.count().plus(1)).from(CONSULTATION_NOTE)
                        .where(CONSULTATION_NOTE.CASE_ID.eq(e.caseId()))))
                .set(CONSULTATION_NOTE.TEXT, seal(e.tenantId(), e.subjectId(), "text", e.text()))
                .set(CONSULTATION_NOTE.MARKED_FOR_HANDOVER, e.markedForHandover())
                .set(CONSULTATION_NOTE.ADDED_AT, time(e.addedAt()))
                .onConflictDoNothing()
                .execute();
        activity(e.tenantId(), e.caseId(), e.addedAt());
    }

    @EventHandler
    void on(ConsultationIdentityDocumentShown e) {
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.IDENTITY_DOCUMENT_SHOWN, true)
                .set(CONSULTATION_CASE.IDENTITY_DOCUMENT,
                        seal(e.tenantId(), e.subjectId(), "documentKind", e.documentKind()))
                .where(CONSULTATION_CASE.CASE_ID.eq(e.caseId()))
                .execute();
        activity(e.tenantId(), e.caseId(), e.recordedAt());
    }

    @EventHandler
    void on(ConsultationOutcomeRecorded e) {
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.OUTCOME, e.outcome().name())
                .set(CONSULTATION_CASE.OUTCOME_SUMMARY, seal(e.tenantId(), e.subjectId(), "summary", e.summary()))
                .where(CONSULTATION_CASE.CASE_ID.eq(e.caseId()))
                .execute();
        activity(e.tenantId(), e.caseId(), e.recordedAt());
    }

    @EventHandler
    void on(ConsultationCallHeld e) {
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.CALLS, CONSULTATION_CASE.CALLS.plus(1))
                .set(CONSULTATION_CASE.LAST_CALL_OUTCOME, e.callOutcome())
                .where(CONSULTATION_CASE.CASE_ID.eq(e.caseId()))
                .execute();
        activity(e.tenantId(), e.caseId(), e.endedAt());
    }

    @EventHandler
    void on(ConsultationCaseArchived e) {
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.STATUS, ConsultationCase.Status.ARCHIVED.name())
                .set(CONSULTATION_CASE.CLOSED_BY, e.closedBy().name())
                .set(CONSULTATION_CASE.ARCHIVED_AT, time(e.archivedAt()))
                .set(CONSULTATION_CASE.RETENTION_DUE_AT, due(e.tenantId(), RetentionTrigger.CASE_ARCHIVED,
                        e.archivedAt()))
                .where(CONSULTATION_CASE.CASE_ID.eq(e.caseId()))
                .execute();
    }

    @EventHandler
    void on(ConsultationCaseHandedOver e) {
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.STATUS, ConsultationCase.Status.HANDED_OVER.name())
                .set(CONSULTATION_CASE.HANDOVER_ID, e.handoverId())
                .set(CONSULTATION_CASE.HANDED_OVER_AT, time(e.handedOverAt()))
                .set(CONSULTATION_CASE.LAST_ACTIVITY_AT, time(e.handedOverAt()))
                .set(CONSULTATION_CASE.RETENTION_DUE_AT, due(e.tenantId(), RetentionTrigger.CASE_LAST_ACTIVITY,
                        e.handedOverAt()))
                .where(CONSULTATION_CASE.CASE_ID.eq(e.caseId()))
                .execute();
    }

    @EventHandler
    void on(ConsultationCaseErased e) {
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.STATUS, ConsultationCase.Status.ERASED.name())
                .set(CONSULTATION_CASE.ERASED_AT, time(e.erasedAt()))
                .setNull(CONSULTATION_CASE.RETENTION_DUE_AT)
                .where(CONSULTATION_CASE.CASE_ID.eq(e.caseId()))
                .execute();
    }

    /** Every sealed value of the shredded category becomes the redaction value. */
    @EventHandler
    void on(PersonalDataShredded e) {
        String prefix = PersonalDataCipher.sealedPrefix(e.categoryId());
        db.update(CONSULTATION_NOTE).set(CONSULTATION_NOTE.TEXT, redacted(CONSULTATION_NOTE.TEXT, prefix))
                .where(CONSULTATION_NOTE.TENANT_ID.eq(e.tenantId()), CONSULTATION_NOTE.SUBJECT_ID.eq(e.subjectId()))
                .execute();
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.OUTCOME_SUMMARY, redacted(CONSULTATION_CASE.OUTCOME_SUMMARY, prefix))
                .set(CONSULTATION_CASE.IDENTITY_DOCUMENT, redacted(CONSULTATION_CASE.IDENTITY_DOCUMENT, prefix))
                .where(CONSULTATION_CASE.TENANT_ID.eq(e.tenantId()), CONSULTATION_CASE.SUBJECT_ID.eq(e.subjectId()))
                .execute();
    }

    private static Field<String> redacted(Field<String> field, String prefix) {
        return DSL.when(field.startsWith(prefix), DSL.inline(Redaction.VALUE)).otherwise(field);
    }

    /** Activity moves the last-activity time and, while the case is open, its deadline. */
    private void activity(String tenantId, String caseId, Instant at) {
        Instant when = at == null ? Instant.now() : at;
        db.update(CONSULTATION_CASE)
                .set(CONSULTATION_CASE.LAST_ACTIVITY_AT, DSL.greatest(CONSULTATION_CASE.LAST_ACTIVITY_AT,
                        DSL.val(time(when))))
                .set(CONSULTATION_CASE.RETENTION_DUE_AT, due(tenantId, RetentionTrigger.CASE_LAST_ACTIVITY, when))
                .where(CONSULTATION_CASE.CASE_ID.eq(caseId),
                        CONSULTATION_CASE.STATUS.eq(ConsultationCase.Status.OPEN.name()))
                .execute();
    }

    private String seal(String tenantId, String subjectId, String field, String value) {
        return value == null ? null : cipher.seal(tenantId, subjectId, DataKind.CONVERSATION, field, value);
    }

    private OffsetDateTime due(String tenantId, RetentionTrigger trigger, Instant at) {
        return deadlines.due(tenantId, trigger, at).map(ConsultationCaseProjection::time).orElse(null);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
