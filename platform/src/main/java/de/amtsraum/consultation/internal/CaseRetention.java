package de.amtsraum.consultation.internal;

import de.amtsraum.consultation.ConsultationCallHeld;
import de.amtsraum.consultation.ConsultationCaseArchived;
import de.amtsraum.consultation.ConsultationCaseHandedOver;
import de.amtsraum.consultation.ConsultationCaseOpened;
import de.amtsraum.consultation.ConsultationIdentityDocumentShown;
import de.amtsraum.consultation.ConsultationNoteAdded;
import de.amtsraum.consultation.ConsultationOutcomeRecorded;
import de.amtsraum.privacy.RetentionTriggers;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What a case's course means for its conversation data: every activity raises CASE_LAST_ACTIVITY
 * for the case subject (raising again moves the deadline, e.g. Heilbronn's "14 days after the last
 * activity"); archiving and the handover raise CASE_ARCHIVED. The retention engine schedules only
 * categories the subject has a key for: a case without conversation data has nothing to erase.
 */
@Component
@ProcessingGroup(ConsultationCaseProjection.GROUP)
class CaseRetention {

    private final RetentionTriggers triggers;

    CaseRetention(RetentionTriggers triggers) {
        this.triggers = triggers;
    }

    @EventHandler
    void on(ConsultationCaseOpened e) {
        activity(e.tenantId(), e.subjectId(), e.openedAt());
    }

    @EventHandler
    void on(ConsultationNoteAdded e) {
        activity(e.tenantId(), e.subjectId(), e.addedAt());
    }

    @EventHandler
    void on(ConsultationIdentityDocumentShown e) {
        activity(e.tenantId(), e.subjectId(), e.recordedAt());
    }

    @EventHandler
    void on(ConsultationOutcomeRecorded e) {
        activity(e.tenantId(), e.subjectId(), e.recordedAt());
    }

    @EventHandler
    void on(ConsultationCallHeld e) {
        activity(e.tenantId(), e.subjectId(), e.endedAt());
    }

    @EventHandler
    void on(ConsultationCaseArchived e) {
        triggers.raise(e.tenantId(), e.subjectId(), RetentionTrigger.CASE_ARCHIVED, e.archivedAt());
    }

    /**
     * A handover is activity, not yet the archiving: the content must stay readable until the
     * specialist system redeemed it (then the case is archived, {@code HANDOVER_RECEIVED}); if it never
     * does, the CASE_LAST_ACTIVITY rule erases it like any idle case.
     */
    @EventHandler
    void on(ConsultationCaseHandedOver e) {
        activity(e.tenantId(), e.subjectId(), e.handedOverAt());
    }

    private void activity(String tenantId, String subjectId, Instant at) {
        if (at != null) {
            triggers.raise(tenantId, subjectId, RetentionTrigger.CASE_LAST_ACTIVITY, at);
        }
    }
}
