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
import java.util.List;
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

    /** Personal columns with the event field name bound into their ciphertext. */
    static final List<Column> CONTENT = List.of(
            new Column(CONTACT_REQUEST.LAST_NAME, "lastName"), new Column(CONTACT_REQUEST.FIRST_NAME, "firstName"),
            new Column(CONTACT_REQUEST.EMAIL, "email"), new Column(CONTACT_REQUEST.MESSAGE, "message"),
            new Column(CONTACT_REQUEST.STREET, "street"), new Column(CONTACT_REQUEST.HOUSE_NUMBER, "houseNumber"),
            new Column(CONTACT_REQUEST.POSTAL_CODE, "postalCode"), new Column(CONTACT_REQUEST.TOWN, "town"));
    static final List<Column> METADATA = List.of(
            new Column(CONTACT_REQUEST.BROWSER, "browser"),
            new Column(CONTACT_REQUEST.OPERATING_SYSTEM, "operatingSystem"),
            new Column(CONTACT_REQUEST.IP_ADDRESS, "ipAddress"));

    record Column(Field<String> field, String name) {
    }

    private final DSLContext db;
    private final PersonalDataCipher cipher;

    ContactRequestProjection(DSLContext db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @EventHandler
    void on(ContactRequestSubmitted e) {
        String[] content = {e.lastName(), e.firstName(), e.email(), e.message(), e.street(), e.houseNumber(),
                e.postalCode(), e.town()};
        String[] metadata = {e.browser(), e.operatingSystem(), e.ipAddress()};
        var insert = db.insertInto(CONTACT_REQUEST)
                .set(CONTACT_REQUEST.REQUEST_ID, e.requestId())
                .set(CONTACT_REQUEST.TENANT_ID, e.tenantId())
                .set(CONTACT_REQUEST.SUBJECT_ID, e.subjectId())
                .set(CONTACT_REQUEST.STATUS, ContactRequest.Status.OPEN.name())
                .set(CONTACT_REQUEST.SUBMITTED_AT, e.submittedAt().atOffset(ZoneOffset.UTC));
        for (int i = 0; i < CONTENT.size(); i++) {
            insert = insert.set(CONTENT.get(i).field(), cipher.seal(e.tenantId(), e.subjectId(),
                    DataKind.CONTACT_REQUEST, CONTENT.get(i).name(), content[i]));
        }
        for (int i = 0; i < METADATA.size(); i++) {
            insert = insert.set(METADATA.get(i).field(), cipher.seal(e.tenantId(), e.subjectId(),
                    DataKind.SUBMISSION_METADATA, METADATA.get(i).name(), metadata[i]));
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

    /** Every sealed value of the shredded category becomes the redaction value. */
    @EventHandler
    void on(PersonalDataShredded e) {
        String prefix = "ar1:" + e.categoryId() + ":";
        var update = db.update(CONTACT_REQUEST).set(CONTACT_REQUEST.STATUS, CONTACT_REQUEST.STATUS);
        for (Column column : concat()) {
            update = update.set(column.field(), DSL.when(column.field().startsWith(prefix), DSL.inline(Redaction.VALUE))
                    .otherwise(column.field()));
        }
        update.where(CONTACT_REQUEST.TENANT_ID.eq(e.tenantId()), CONTACT_REQUEST.SUBJECT_ID.eq(e.subjectId()))
                .execute();
    }

    private static List<Column> concat() {
        return java.util.stream.Stream.concat(CONTENT.stream(), METADATA.stream()).toList();
    }
}
