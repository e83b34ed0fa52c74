package de.amtsraum.account.internal;

import static de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT;

import de.amtsraum.privacy.PersonalDataCipher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Reads {@code citizen_account}; personal columns are opened only where a caller needs them. */
@Component
class AccountQueries {

    /** A row with the sealed columns still sealed. */
    record Row(String accountId, String tenantId, String subjectId, CitizenAccount.Status status, int passwordVersion,
               String username, String displayName, String email, String phone, String passwordHash,
               Instant registeredAt, String termsVersion) {
    }

    private final DSLContext db;
    private final PersonalDataCipher cipher;

    AccountQueries(DSLContext db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    Optional<Row> byUsernameIndex(String tenantId, String usernameIndex) {
        return db.selectFrom(CITIZEN_ACCOUNT)
                .where(CITIZEN_ACCOUNT.TENANT_ID.eq(tenantId), CITIZEN_ACCOUNT.USERNAME_INDEX.eq(usernameIndex))
                .fetchOptional().map(AccountQueries::row);
    }

    List<Row> byEmailIndex(String tenantId, String emailIndex) {
        return db.selectFrom(CITIZEN_ACCOUNT)
                .where(CITIZEN_ACCOUNT.TENANT_ID.eq(tenantId), CITIZEN_ACCOUNT.EMAIL_INDEX.eq(emailIndex))
                .orderBy(CITIZEN_ACCOUNT.REGISTERED_AT)
                .fetch().map(AccountQueries::row);
    }

    Optional<Row> find(String tenantId, String accountId) {
        return db.selectFrom(CITIZEN_ACCOUNT)
                .where(CITIZEN_ACCOUNT.TENANT_ID.eq(tenantId), CITIZEN_ACCOUNT.ACCOUNT_ID.eq(accountId))
                .fetchOptional().map(AccountQueries::row);
    }

    /** Serialises registrations of one username (across instances) until the transaction ends. */
    void lockUsername(String usernameIndex) {
        db.select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 7))", Object.class, DSL.val(usernameIndex)))
                .fetch();
    }

    String open(Row row, String field, String sealed) {
        return sealed == null ? null : cipher.open(row.tenantId(), row.subjectId(), field, sealed);
    }

    private static Row row(Record r) {
        var a = r.into(CITIZEN_ACCOUNT);
        return new Row(a.getAccountId(), a.getTenantId(), a.getSubjectId(), CitizenAccount.Status.valueOf(a.getStatus()),
                a.getPasswordVersion(), a.getUsername(), a.getDisplayName(), a.getEmail(), a.getPhone(),
                a.getPasswordHash(), a.getRegisteredAt().toInstant(), a.getTermsVersion());
    }
}
