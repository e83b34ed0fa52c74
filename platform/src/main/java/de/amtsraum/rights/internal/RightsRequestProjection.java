package de.amtsraum.rights.internal;

import static de.amtsraum.readmodel.jooq.Tables.RIGHTS_REQUEST;

import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.RetentionTriggers;
import de.amtsraum.rights.RightsRequestClosed;
import de.amtsraum.rights.RightsRequestExtended;
import de.amtsraum.rights.RightsRequestIdentityVerified;
import de.amtsraum.rights.RightsRequestOpened;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rights_request} (personal columns sealed with the request subject's key) and raises
 * RIGHTS_REQUEST_CLOSED when a request closes. Subscribing: the row exists when the command returns.
 */
@Component
@ProcessingGroup(RightsRequestProjection.GROUP)
class RightsRequestProjection {

    static final String GROUP = "rights-requests";
    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    /** Personal columns with the event field name bound into the ciphertext. */
    static final List<Field<String>> PERSONAL = List.of(RIGHTS_REQUEST.REQUESTER_NAME, RIGHTS_REQUEST.REQUESTER_CONTACT,
            RIGHTS_REQUEST.DESCRIPTION, RIGHTS_REQUEST.VERIFICATION_NOTE, RIGHTS_REQUEST.EXTENSION_REASON,
            RIGHTS_REQUEST.CLOSING_NOTE);

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final RetentionTriggers triggers;

    RightsRequestProjection(DSLContext db, PersonalDataCipher cipher, RetentionTriggers triggers) {
        this.db = db;
        this.cipher = cipher;
        this.triggers = triggers;
    }

    private String seal(String tenantId, String subjectId, String field, String value) {
        return value == null ? null : cipher.seal(tenantId, subjectId, DataKind.RIGHTS_REQUEST, field, value);
    }

    @EventHandler
    void on(RightsRequestOpened e) {
        db.insertInto(RIGHTS_REQUEST)
                .set(RIGHTS_REQUEST.REQUEST_ID, e.requestId())
                .set(RIGHTS_REQUEST.TENANT_ID, e.tenantId())
                .set(RIGHTS_REQUEST.SUBJECT_ID, e.subjectId())
                .set(RIGHTS_REQUEST.TYPE, e.type().name())
                .set(RIGHTS_REQUEST.CHANNEL, e.channel().name())
                .set(RIGHTS_REQUEST.RECEIVED_ON, e.receivedOn())
                .set(RIGHTS_REQUEST.DEADLINE, e.deadline())
                .set(RIGHTS_REQUEST.STATUS, OPEN)
                .set(RIGHTS_REQUEST.CONCERNED_SUBJECT_ID, e.concernedSubjectId())
                .set(RIGHTS_REQUEST.OBJECTION_ID, e.objectionId())
                .set(RIGHTS_REQUEST.OPENED_AT, e.openedAt().atOffset(ZoneOffset.UTC))
                .set(RIGHTS_REQUEST.REQUESTER_NAME, seal(e.tenantId(), e.subjectId(), "requesterName", e.requesterName()))
                .set(RIGHTS_REQUEST.REQUESTER_CONTACT,
                        seal(e.tenantId(), e.subjectId(), "requesterContact", e.requesterContact()))
                .set(RIGHTS_REQUEST.DESCRIPTION, seal(e.tenantId(), e.subjectId(), "description", e.description()))
                .onConflictDoNothing().execute();
    }

    @EventHandler
    void on(RightsRequestIdentityVerified e) {
        db.update(RIGHTS_REQUEST)
                .set(RIGHTS_REQUEST.VERIFICATION, e.method().name())
                .set(RIGHTS_REQUEST.VERIFICATION_NOTE, seal(e.tenantId(), e.subjectId(), "verificationNote", e.note()))
                .where(RIGHTS_REQUEST.REQUEST_ID.eq(e.requestId())).execute();
    }

    @EventHandler
    void on(RightsRequestExtended e) {
        db.update(RIGHTS_REQUEST)
                .set(RIGHTS_REQUEST.EXTENDED, true)
                .set(RIGHTS_REQUEST.DEADLINE, e.deadline())
                .set(RIGHTS_REQUEST.EXTENSION_REASON, seal(e.tenantId(), e.subjectId(), "extensionReason", e.reason()))
                .where(RIGHTS_REQUEST.REQUEST_ID.eq(e.requestId())).execute();
    }

    @EventHandler
    void on(RightsRequestClosed e) {
        db.update(RIGHTS_REQUEST)
                .set(RIGHTS_REQUEST.STATUS, CLOSED)
                .set(RIGHTS_REQUEST.OUTCOME, e.outcome().name())
                .set(RIGHTS_REQUEST.REASON_CODE, e.reasonCode())
                .set(RIGHTS_REQUEST.CLOSING_NOTE, seal(e.tenantId(), e.subjectId(), "closingNote", e.note()))
                .set(RIGHTS_REQUEST.CLOSED_AT, e.closedAt().atOffset(ZoneOffset.UTC))
                .where(RIGHTS_REQUEST.REQUEST_ID.eq(e.requestId())).execute();
        triggers.raise(e.tenantId(), e.subjectId(), RetentionTrigger.RIGHTS_REQUEST_CLOSED, e.closedAt());
    }

    /** Every sealed value of the shredded category becomes the redaction value. */
    @EventHandler
    void on(PersonalDataShredded e) {
        String prefix = PersonalDataCipher.sealedPrefix(e.categoryId());
        Map<Field<?>, Field<String>> redacted = new LinkedHashMap<>();
        for (Field<String> column : PERSONAL) {
            redacted.put(column, DSL.when(column.startsWith(prefix), DSL.inline(Redaction.VALUE)).otherwise(column));
        }
        db.update(RIGHTS_REQUEST).set(redacted)
                .where(RIGHTS_REQUEST.TENANT_ID.eq(e.tenantId()), RIGHTS_REQUEST.SUBJECT_ID.eq(e.subjectId()))
                .execute();
    }
}
