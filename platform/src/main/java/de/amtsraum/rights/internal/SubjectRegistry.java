package de.amtsraum.rights.internal;

import static de.amtsraum.readmodel.jooq.Tables.RIGHTS_SUBJECT;

import de.amtsraum.account.CitizenAccountRegistered;
import de.amtsraum.booking.AppointmentRequested;
import de.amtsraum.consultation.ConsultationCaseOpened;
import de.amtsraum.contact.ContactRequestSubmitted;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rights_subject}: which pseudonymous subjects exist per record, with the blind index of
 * the e-mail address they were collected with and, for consultation cases, the citizen subject they
 * were opened from. Subscribing processor: the row exists when the command returns. When the category
 * holding the address is shredded, the index is cleared and the row stays (the person can then no
 * longer be found by the address, ADR 0023).
 */
@Component
@ProcessingGroup(SubjectRegistry.GROUP)
class SubjectRegistry {

    static final String GROUP = "rights-subjects";

    private final DSLContext db;
    private final EmailIndex index;
    private final TenantDirectory tenants;

    SubjectRegistry(DSLContext db, EmailIndex index, TenantDirectory tenants) {
        this.db = db;
        this.index = index;
        this.tenants = tenants;
    }

    @EventHandler
    void on(AppointmentRequested e) {
        register(e.tenantId(), e.subjectId(), "booking", e.appointmentId(), e.email(), DataKind.APPOINTMENT, null,
                e.requestedAt());
    }

    @EventHandler
    void on(ContactRequestSubmitted e) {
        register(e.tenantId(), e.subjectId(), "contact", e.requestId(), e.email(), DataKind.CONTACT_REQUEST, null,
                e.submittedAt());
    }

    @EventHandler
    void on(CitizenAccountRegistered e) {
        register(e.tenantId(), e.subjectId(), "account", e.accountId(), e.email(), DataKind.ACCOUNT_EMAIL, null,
                e.registeredAt());
    }

    @EventHandler
    void on(ConsultationCaseOpened e) {
        register(e.tenantId(), e.subjectId(), "case", e.caseId(), null, null, e.citizenSubjectId(), e.openedAt());
    }

    @EventHandler
    void on(PersonalDataShredded e) {
        db.update(RIGHTS_SUBJECT).setNull(RIGHTS_SUBJECT.EMAIL_INDEX)
                .where(RIGHTS_SUBJECT.TENANT_ID.eq(e.tenantId()), RIGHTS_SUBJECT.SUBJECT_ID.eq(e.subjectId()),
                        RIGHTS_SUBJECT.EMAIL_CATEGORY_ID.eq(e.categoryId()))
                .execute();
    }

    private void register(String tenantId, String subjectId, String source, String recordId, String email,
                          DataKind emailKind, String linkedSubjectId, Instant at) {
        String category = emailKind == null ? null : tenants.manifest(tenantId)
                .flatMap(m -> m.categoryFor(emailKind)).map(c -> c.id()).orElse(null);
        db.insertInto(RIGHTS_SUBJECT)
                .set(RIGHTS_SUBJECT.TENANT_ID, tenantId)
                .set(RIGHTS_SUBJECT.SUBJECT_ID, subjectId)
                .set(RIGHTS_SUBJECT.SOURCE, source)
                .set(RIGHTS_SUBJECT.RECORD_ID, recordId)
                .set(RIGHTS_SUBJECT.EMAIL_INDEX, index.of(tenantId, email))
                .set(RIGHTS_SUBJECT.EMAIL_CATEGORY_ID, category)
                .set(RIGHTS_SUBJECT.LINKED_SUBJECT_ID, linkedSubjectId)
                .set(RIGHTS_SUBJECT.REGISTERED_AT, at.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }
}
