package de.amtsraum.contact.internal;

import static de.amtsraum.readmodel.jooq.Tables.CONTACT_REQUEST;

import de.amtsraum.contact.ContactRequestView;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.readmodel.jooq.tables.records.ContactRequestRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Staff queries: rows of one tenant only, personal columns opened on the way out. */
@Component
class ContactRequestQueries {

    private final DSLContext db;
    private final PersonalDataCipher cipher;

    ContactRequestQueries(DSLContext db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    List<ContactRequestView> list(String tenantId, int limit) {
        return db.selectFrom(CONTACT_REQUEST).where(CONTACT_REQUEST.TENANT_ID.eq(tenantId))
                .orderBy(CONTACT_REQUEST.SUBMITTED_AT.desc()).limit(limit)
                .fetch(this::view);
    }

    Optional<ContactRequestView> find(String tenantId, String requestId) {
        return db.selectFrom(CONTACT_REQUEST)
                .where(CONTACT_REQUEST.TENANT_ID.eq(tenantId), CONTACT_REQUEST.REQUEST_ID.eq(requestId))
                .fetchOptional(this::view);
    }

    Optional<String> subjectOf(String tenantId, String requestId) {
        return db.select(CONTACT_REQUEST.SUBJECT_ID).from(CONTACT_REQUEST)
                .where(CONTACT_REQUEST.TENANT_ID.eq(tenantId), CONTACT_REQUEST.REQUEST_ID.eq(requestId))
                .fetchOptional(CONTACT_REQUEST.SUBJECT_ID);
    }

    private ContactRequestView view(ContactRequestRecord r) {
        String t = r.getTenantId();
        String s = r.getSubjectId();
        return new ContactRequestView(r.getRequestId(), r.getStatus(), instant(r.getSubmittedAt()),
                instant(r.getConcludedAt()),
                cipher.open(t, s, "lastName", r.getLastName()), cipher.open(t, s, "firstName", r.getFirstName()),
                cipher.open(t, s, "email", r.getEmail()), cipher.open(t, s, "message", r.getMessage()),
                cipher.open(t, s, "street", r.getStreet()), cipher.open(t, s, "houseNumber", r.getHouseNumber()),
                cipher.open(t, s, "postalCode", r.getPostalCode()), cipher.open(t, s, "town", r.getTown()));
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
