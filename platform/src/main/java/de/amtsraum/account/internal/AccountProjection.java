package de.amtsraum.account.internal;

import static de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT;

import de.amtsraum.account.CitizenAccountClosed;
import de.amtsraum.account.CitizenAccountEmailVerified;
import de.amtsraum.account.CitizenAccountPasswordChanged;
import de.amtsraum.account.CitizenAccountRegistered;
import de.amtsraum.account.CitizenTermsAccepted;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.PersonalDataShredded;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.shared.privacy.DataKind;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * Keeps {@code citizen_account}: personal columns sealed with the subject's key under the event's
 * field names (never plaintext), plus the blind indexes for look-ups; on a shred every value of the
 * category becomes the redaction value and the index of a redacted column goes with it. Subscribing
 * processor: the row exists when the command returns.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
class AccountProjection {

    static final String GROUP = "citizen-accounts";

    static final List<Field<String>> SEALED = List.of(CITIZEN_ACCOUNT.USERNAME, CITIZEN_ACCOUNT.DISPLAY_NAME,
            CITIZEN_ACCOUNT.EMAIL, CITIZEN_ACCOUNT.PHONE, CITIZEN_ACCOUNT.PASSWORD_HASH, CITIZEN_ACCOUNT.AGE_CONFIRMATION);

    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final AccountIndex index;

    AccountProjection(DSLContext db, PersonalDataCipher cipher, AccountIndex index) {
        this.db = db;
        this.cipher = cipher;
        this.index = index;
    }

    @EventHandler
    void on(CitizenAccountRegistered e) {
        String tenant = e.tenantId();
        String subject = e.subjectId();
        db.insertInto(CITIZEN_ACCOUNT)
                .set(CITIZEN_ACCOUNT.ACCOUNT_ID, e.accountId())
                .set(CITIZEN_ACCOUNT.TENANT_ID, tenant)
                .set(CITIZEN_ACCOUNT.SUBJECT_ID, subject)
                .set(CITIZEN_ACCOUNT.USERNAME_INDEX, Redaction.VALUE.equals(e.username()) ? null
                        : index.username(tenant, e.username()))
                .set(CITIZEN_ACCOUNT.EMAIL_INDEX, Redaction.VALUE.equals(e.email()) ? null : index.email(tenant, e.email()))
                .set(CITIZEN_ACCOUNT.USERNAME, cipher.seal(tenant, subject, DataKind.ACCOUNT, "username", e.username()))
                .set(CITIZEN_ACCOUNT.DISPLAY_NAME, e.displayName() == null ? null
                        : cipher.seal(tenant, subject, DataKind.ACCOUNT, "displayName", e.displayName()))
                .set(CITIZEN_ACCOUNT.EMAIL, cipher.seal(tenant, subject, DataKind.ACCOUNT_EMAIL, "email", e.email()))
                .set(CITIZEN_ACCOUNT.PHONE, e.phone() == null ? null
                        : cipher.seal(tenant, subject, DataKind.ACCOUNT, "phone", e.phone()))
                .set(CITIZEN_ACCOUNT.PASSWORD_HASH,
                        cipher.seal(tenant, subject, DataKind.ACCOUNT, "passwordHash", e.passwordHash()))
                .set(CITIZEN_ACCOUNT.PASSWORD_VERSION, 0)
                .set(CITIZEN_ACCOUNT.STATUS, CitizenAccount.Status.UNVERIFIED.name())
                .set(CITIZEN_ACCOUNT.NOTICE_VERSION, e.privacyNoticeVersion())
                .set(CITIZEN_ACCOUNT.TERMS_VERSION, e.termsVersion())
                .set(CITIZEN_ACCOUNT.TERMS_ACCEPTED_AT, e.termsVersion() == null ? null : utc(e.registeredAt()))
                .set(CITIZEN_ACCOUNT.AGE_CONFIRMATION, e.ageConfirmation() == null ? null
                        : cipher.seal(tenant, subject, DataKind.ACCOUNT, "ageConfirmation", e.ageConfirmation()))
                .set(CITIZEN_ACCOUNT.REGISTERED_AT, utc(e.registeredAt()))
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(CitizenAccountEmailVerified e) {
        db.update(CITIZEN_ACCOUNT)
                .set(CITIZEN_ACCOUNT.STATUS, CitizenAccount.Status.ACTIVE.name())
                .set(CITIZEN_ACCOUNT.VERIFIED_AT, utc(e.verifiedAt()))
                .where(CITIZEN_ACCOUNT.ACCOUNT_ID.eq(e.accountId()))
                .execute();
    }

    @EventHandler
    void on(CitizenAccountPasswordChanged e) {
        db.update(CITIZEN_ACCOUNT)
                .set(CITIZEN_ACCOUNT.PASSWORD_HASH,
                        cipher.seal(e.tenantId(), e.subjectId(), DataKind.ACCOUNT, "passwordHash", e.passwordHash()))
                .set(CITIZEN_ACCOUNT.PASSWORD_VERSION, CITIZEN_ACCOUNT.PASSWORD_VERSION.plus(1))
                .where(CITIZEN_ACCOUNT.ACCOUNT_ID.eq(e.accountId()))
                .execute();
    }

    @EventHandler
    void on(CitizenTermsAccepted e) {
        db.update(CITIZEN_ACCOUNT)
                .set(CITIZEN_ACCOUNT.TERMS_VERSION, e.termsVersion())
                .set(CITIZEN_ACCOUNT.TERMS_ACCEPTED_AT, utc(e.acceptedAt()))
                .where(CITIZEN_ACCOUNT.ACCOUNT_ID.eq(e.accountId()))
                .execute();
    }

    /** Only the corrected columns change, sealed like the original under the account's subject. */
    @EventHandler
    void on(de.amtsraum.account.CitizenAccountDataCorrected e) {
        java.util.Map<Field<?>, Object> changed = new java.util.LinkedHashMap<>();
        if (e.displayName() != null) {
            changed.put(CITIZEN_ACCOUNT.DISPLAY_NAME,
                    cipher.seal(e.tenantId(), e.subjectId(), DataKind.ACCOUNT, "displayName", e.displayName()));
        }
        if (e.phone() != null) {
            changed.put(CITIZEN_ACCOUNT.PHONE, cipher.seal(e.tenantId(), e.subjectId(), DataKind.ACCOUNT, "phone",
                    e.phone()));
        }
        if (!changed.isEmpty()) {
            db.update(CITIZEN_ACCOUNT).set(changed)
                    .where(CITIZEN_ACCOUNT.TENANT_ID.eq(e.tenantId()), CITIZEN_ACCOUNT.ACCOUNT_ID.eq(e.accountId()))
                    .execute();
        }
    }

    @EventHandler
    void on(CitizenAccountClosed e) {
        db.update(CITIZEN_ACCOUNT)
                .set(CITIZEN_ACCOUNT.STATUS, CitizenAccount.Status.CLOSED.name())
                .set(CITIZEN_ACCOUNT.CLOSED_AT, utc(e.closedAt()))
                .where(CITIZEN_ACCOUNT.ACCOUNT_ID.eq(e.accountId()))
                .execute();
    }

    /** Every sealed value of the shredded category becomes the redaction value; its index goes too. */
    @EventHandler
    void on(PersonalDataShredded e) {
        String prefix = PersonalDataCipher.sealedPrefix(e.categoryId());
        Map<Field<?>, Field<String>> redacted = new LinkedHashMap<>();
        for (Field<String> column : SEALED) {
            redacted.put(column, DSL.when(column.startsWith(prefix), DSL.inline(Redaction.VALUE)).otherwise(column));
        }
        redacted.put(CITIZEN_ACCOUNT.USERNAME_INDEX, DSL.when(CITIZEN_ACCOUNT.USERNAME.startsWith(prefix),
                DSL.inline((String) null)).otherwise(CITIZEN_ACCOUNT.USERNAME_INDEX));
        redacted.put(CITIZEN_ACCOUNT.EMAIL_INDEX, DSL.when(CITIZEN_ACCOUNT.EMAIL.startsWith(prefix),
                DSL.inline((String) null)).otherwise(CITIZEN_ACCOUNT.EMAIL_INDEX));
        db.update(CITIZEN_ACCOUNT).set(redacted)
                .where(CITIZEN_ACCOUNT.TENANT_ID.eq(e.tenantId()), CITIZEN_ACCOUNT.SUBJECT_ID.eq(e.subjectId()))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
