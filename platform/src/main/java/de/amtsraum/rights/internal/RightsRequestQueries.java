package de.amtsraum.rights.internal;

import static de.amtsraum.readmodel.jooq.Tables.RIGHTS_REQUEST;

import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.readmodel.jooq.tables.records.RightsRequestRecord;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RightsRequests.Outcome;
import de.amtsraum.rights.RightsRequests.RequestView;
import de.amtsraum.rights.RightsRequests.Type;
import de.amtsraum.rights.RightsRequests.VerificationMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Staff queries: rows of one tenant only, personal columns opened on the way out. */
@Component
class RightsRequestQueries {

    record Key(String tenantId, String requestId) {
    }

    private final DSLContext db;
    private final PersonalDataCipher cipher;

    RightsRequestQueries(DSLContext db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    List<RequestView> list(String tenantId, LocalDate today, int limit) {
        return db.selectFrom(RIGHTS_REQUEST).where(RIGHTS_REQUEST.TENANT_ID.eq(tenantId))
                .orderBy(RIGHTS_REQUEST.STATUS.desc(), RIGHTS_REQUEST.DEADLINE.asc(), RIGHTS_REQUEST.OPENED_AT.asc())
                .limit(limit).fetch(r -> view(r, today));
    }

    Optional<RequestView> find(String tenantId, String requestId, LocalDate today) {
        return db.selectFrom(RIGHTS_REQUEST)
                .where(RIGHTS_REQUEST.TENANT_ID.eq(tenantId), RIGHTS_REQUEST.REQUEST_ID.eq(requestId))
                .fetchOptional(r -> view(r, today));
    }

    /** Open requests whose deadline is on or before the day (across tenants: the reminder sweep). */
    List<Key> openDueBy(LocalDate day, int limit) {
        return db.select(RIGHTS_REQUEST.TENANT_ID, RIGHTS_REQUEST.REQUEST_ID).from(RIGHTS_REQUEST)
                .where(RIGHTS_REQUEST.STATUS.eq(RightsRequestProjection.OPEN), RIGHTS_REQUEST.DEADLINE.le(day))
                .orderBy(RIGHTS_REQUEST.DEADLINE).limit(limit)
                .fetch(r -> new Key(r.value1(), r.value2()));
    }

    private RequestView view(RightsRequestRecord r, LocalDate today) {
        String t = r.getTenantId();
        String s = r.getSubjectId();
        boolean open = RightsRequestProjection.OPEN.equals(r.getStatus());
        return new RequestView(r.getRequestId(), Type.valueOf(r.getType()), RequestChannel.valueOf(r.getChannel()),
                r.getReceivedOn(), r.getDeadline(), Boolean.TRUE.equals(r.getExtended()),
                cipher.open(t, s, "extensionReason", r.getExtensionReason()),
                open && today.isAfter(r.getDeadline()), r.getStatus(),
                parse(r.getVerification(), VerificationMethod::valueOf),
                cipher.open(t, s, "verificationNote", r.getVerificationNote()),
                parse(r.getOutcome(), Outcome::valueOf), r.getReasonCode(),
                cipher.open(t, s, "closingNote", r.getClosingNote()),
                cipher.open(t, s, "requesterName", r.getRequesterName()),
                cipher.open(t, s, "requesterContact", r.getRequesterContact()),
                cipher.open(t, s, "description", r.getDescription()),
                r.getConcernedSubjectId(), r.getObjectionId(), instant(r.getOpenedAt()), instant(r.getClosedAt()));
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        return value == null ? null : parser.apply(value);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
