package de.amtsraum.contact.internal;

import static de.amtsraum.readmodel.jooq.Tables.CONTACT_REQUEST;

import de.amtsraum.contact.ContactRequestConcluded;
import de.amtsraum.contact.ContactRequestSubmitted;
import de.amtsraum.contact.ContactRequestWithdrawn;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.shared.privacy.DataKind;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code contact_request}: personal columns sealed with the subject's key (never plaintext in
 * the database), rewritten to the redaction value when their category is shredded. Subscribing
 * processor: the row exists when the submit command returns.
 */
@Component
@ProcessingGroup(ContactRequestProjection.GROUP)
class ContactRequestProjection {

    static final String GROUP = "contact-requests";

    /** Personal columns: the event field whose name is bound into the ciphertext, and its kind. */
    static final List<Column> PERSONAL = List.of(
            content(CONTACT_REQUEST.LAST_NAME, "lastName", ContactRequestSubmitted::lastName),
            content(CONTACT_REQUEST.FIRST_NAME, "firstName", ContactRequestSubmitted::firstName),
            content(CONTACT_REQUEST.EMAIL, "email", ContactRequestSubmitted::email),
            content(CONTACT_REQUEST.MESSAGE, "message", ContactRequestSubmitted::message),
            content(CONTACT_REQUEST.STREET, "street", ContactRequestSubmitted::street),
            content(CONTACT_REQUEST.HOUSE_NUMBER, "houseNumber", ContactRequestSubmitted::houseNumber),
            content(CONTACT_REQUEST.POSTAL_CODE, "postalCode", ContactRequestSubmitted::postalCode),
            content(CONTACT_REQUEST.TOWN, "town", ContactRequestSubmitted::town),
            new Column(CONTACT_REQUEST.BROWSER, "browser", DataKind.SUBMISSION_METADATA,
                    ContactRequestSubmitted::browser),
            new Column(CONTACT_REQUEST.OPERATING_SYSTEM, "operatingSystem", DataKind.SUBMISSION_METADATA,
                    ContactRequestSubmitted::operatingSystem),
            new Column(CONTACT_REQUEST.IP_ADDRESS, "ipAddress", DataKind.SUBMISSION_METADATA,
                    ContactRequestSubmitted::ipAddress));

    record Column(Field<String> field, String name, DataKind kind, Function<ContactRequestSubmitted, String> value) {
    }

    private static Column content(Field<String> field, String name, Function<ContactRequestSubmitted, String> value) {
        return new Column(field, name, DataKind.CONTACT_REQUEST, value);
    }

    private final DSLContext db;
    private final PersonalDataCipher cipher;

    ContactRequestProjection(DSLContext db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @EventHandler
    void on(ContactRequestSubmitted e) {
        var insert = db.insertInto(CONTACT_REQUEST)
                .set(CONTACT_REQUEST.REQUEST_ID, e.requestId())
                .set(CONTACT_REQUEST.TENANT_ID, e.tenantId())
                .set(CONTACT_REQUEST.SUBJECT_ID, e.subjectId())
                .set(CONTACT_REQUEST.STATUS, ContactRequest.Status.OPEN.name())
                .set(CONTACT_REQUEST.SUBMITTED_AT, e.submittedAt().atOffset(ZoneOffset.UTC));
        for (Column column : PERSONAL) {
            insert = insert.set(column.field(), cipher.seal(e.tenantId(), e.subjectId(), column.kind(), column.name(),
                    column.value().apply(e)));
        }
        insert.onConflictDoNothing().execute();
    }

    @EventHandler
    void on(ContactRequestConcluded e) {
        db.update(CONTACT_REQUEST)
                .set(CONTACT_REQUEST.STATUS, ContactRequest.Status.CONCLUDED.name())
                .set(CONTACT_REQUEST.CONCLUDED_AT, e.concludedAt().atOffset(ZoneOffset.UTC))
                .where(CONTACT_REQUEST.REQUEST_ID.eq(e.requestId()))
                .execute();
    }

    @EventHandler
    void on(ContactRequestWithdrawn e) {
        db.update(CONTACT_REQUEST)
                .set(CONTACT_REQUEST.STATUS, ContactRequest.Status.WITHDRAWN.name())
                .where(CONTACT_REQUEST.REQUEST_ID.eq(e.requestId()))
                .execute();
    }

    /** Only the corrected columns change, sealed like the original under the request's subject. */
    @EventHandler
    void on(de.amtsraum.contact.ContactRequestCorrected e) {
        Map<Field<?>, Object> changed = new LinkedHashMap<>();
        corrected(changed, e, CONTACT_REQUEST.LAST_NAME, "lastName", e.lastName());
        corrected(changed, e, CONTACT_REQUEST.FIRST_NAME, "firstName", e.firstName());
        corrected(changed, e, CONTACT_REQUEST.STREET, "street", e.street());
        corrected(changed, e, CONTACT_REQUEST.HOUSE_NUMBER, "houseNumber", e.houseNumber());
        corrected(changed, e, CONTACT_REQUEST.POSTAL_CODE, "postalCode", e.postalCode());
        corrected(changed, e, CONTACT_REQUEST.TOWN, "town", e.town());
        if (!changed.isEmpty()) {
            db.update(CONTACT_REQUEST).set(changed)
                    .where(CONTACT_REQUEST.TENANT_ID.eq(e.tenantId()), CONTACT_REQUEST.REQUEST_ID.eq(e.requestId()))
                    .execute();
        }
    }

    private void corrected(Map<Field<?>, Object> changed, de.amtsraum.contact.ContactRequestCorrected e,
                           Field<String> field, String name, String value) {
        if (value != null) {
            changed.put(field, cipher.seal(e.tenantId(), e.subjectId(), DataKind.CONTACT_REQUEST, name, value));
        }
    }

    /** Every sealed value of the shredded category becomes the redaction value. */
    @EventHandler
    void on(PersonalDataShredded e) {
        String prefix = PersonalDataCipher.sealedPrefix(e.categoryId());
        Map<Field<?>, Field<String>> redacted = new LinkedHashMap<>();
        for (Column column : PERSONAL) {
            redacted.put(column.field(), DSL.when(column.field().startsWith(prefix), DSL.inline(Redaction.VALUE))
                    .otherwise(column.field()));
        }
        db.update(CONTACT_REQUEST).set(redacted)
                .where(CONTACT_REQUEST.TENANT_ID.eq(e.tenantId()), CONTACT_REQUEST.SUBJECT_ID.eq(e.subjectId()))
                .execute();
    }
}
