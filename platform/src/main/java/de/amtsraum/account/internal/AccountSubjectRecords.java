package de.amtsraum.account.internal;

import static de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT;
import static de.amtsraum.readmodel.jooq.Tables.LOGIN_ATTEMPT;

import de.amtsraum.privacy.HeldFields;
import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.SubjectRecords;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen accounts of data subjects (never the password hash) and the login attempts of those
 * accounts, for access and export (issue 8).
 */
@Component
class AccountSubjectRecords implements SubjectRecords {

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final TenantDirectory tenants;

    AccountSubjectRecords(DSLContext db, PersonalDataCipher cipher, TenantDirectory tenants) {
        this.db = db;
        this.cipher = cipher;
        this.tenants = tenants;
    }

    @Override
    public String source() {
        return "account";
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldRecord> recordsOf(String tenantId, Set<String> subjectIds) {
        var manifest = tenants.manifest(tenantId);
        Function<DataKind, String> categoryOf = HeldFields.categoriesOf(manifest);
        List<HeldRecord> records = new ArrayList<>(db.selectFrom(CITIZEN_ACCOUNT)
                .where(CITIZEN_ACCOUNT.TENANT_ID.eq(tenantId), CITIZEN_ACCOUNT.SUBJECT_ID.in(subjectIds))
                .orderBy(CITIZEN_ACCOUNT.REGISTERED_AT, CITIZEN_ACCOUNT.ACCOUNT_ID)
                .fetch(r -> new HeldRecord(source(), "account", r.getAccountId(), r.getSubjectId(), r.getStatus(),
                        HeldFields.instant(r.getRegisteredAt()),
                        new HeldRecord.Consent(r.getNoticeVersion(), r.getTermsVersion(), HeldFields.instant(r.getRegisteredAt()),
                                null),
                        HeldFields.of(cipher, tenantId, r.getSubjectId(), categoryOf)
                                .sealed("username", DataKind.ACCOUNT, "username", r.getUsername())
                                .sealed("displayName", DataKind.ACCOUNT, "displayName", r.getDisplayName())
                                .sealed("email", DataKind.ACCOUNT_EMAIL, "email", r.getEmail())
                                .sealed("phone", DataKind.ACCOUNT, "phone", r.getPhone())
                                .fact("verifiedAt", HeldFields.instant(r.getVerifiedAt()))
                                .fact("closedAt", HeldFields.instant(r.getClosedAt()))
                                .list())));
        records.addAll(db.selectFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.TENANT_ID.eq(tenantId), LOGIN_ATTEMPT.ACCOUNT_SUBJECT.in(subjectIds))
                .orderBy(LOGIN_ATTEMPT.ATTEMPTED_AT, LOGIN_ATTEMPT.ATTEMPT_ID)
                .fetch(r -> new HeldRecord(source(), "login-attempt", String.valueOf(r.getAttemptId()),
                        r.getAccountSubject(), r.getOutcome(), HeldFields.instant(r.getAttemptedAt()), null,
                        HeldFields.of(cipher, tenantId, r.getAccountSubject(), categoryOf)
                                .fact("success", r.getSuccess())
                                .personal("ipAddress", DataKind.ACCESS_LOG, r.getIpAddress())
                                .personal("browser", DataKind.ACCESS_LOG, r.getBrowser())
                                .personal("operatingSystem", DataKind.ACCESS_LOG, r.getOperatingSystem())
                                .list())));
        return records;
    }

}
