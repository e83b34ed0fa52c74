package de.amtsraum.account.internal;

import de.amtsraum.shared.AnonymisedIp;
import de.amtsraum.shared.UserAgentClass;
import static de.amtsraum.readmodel.jooq.Tables.LOGIN_ATTEMPT;

import de.amtsraum.identity.LoginAttempts;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.RetentionRule;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@link LoginAttempts} on the {@code login_attempt} table. Lockout: once {@code max} failures fall
 * within the failure window, logins are refused until the lockout time after the failure that
 * completed them. Per account name only failures after its last success count; per address all
 * do. Refused attempts are recorded as LOCKED and do not prolong the lockout. Retention: the
 * shortest COLLECTED rule of the tenant's category covering ACCESS_LOG; a tenant without one keeps
 * attempts only as long as throttling needs them.
 */
@Component
class JooqLoginAttempts implements LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(JooqLoginAttempts.class);

    private final DSLContext db;
    private final Clock clock;
    private final AccountProperties properties;
    private final TenantDirectory tenants;

    JooqLoginAttempts(DSLContext db, Clock clock, AccountProperties properties, TenantDirectory tenants) {
        this.db = db;
        this.clock = clock;
        this.properties = properties;
        this.tenants = tenants;
    }

    @Override
    public void record(Attempt attempt) {
        UserAgentClass agent = UserAgentClass.of(attempt.userAgent());
        db.insertInto(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.TENANT_ID, attempt.tenantId())
                .set(LOGIN_ATTEMPT.ACCOUNT_KEY, attempt.accountKey())
                .set(LOGIN_ATTEMPT.ACCOUNT_SUBJECT, attempt.accountSubject())
                .set(LOGIN_ATTEMPT.SUCCESS, attempt.outcome() == Outcome.SUCCESS)
                .set(LOGIN_ATTEMPT.OUTCOME, attempt.outcome().name())
                .set(LOGIN_ATTEMPT.ATTEMPTED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(LOGIN_ATTEMPT.IP_ADDRESS, AnonymisedIp.of(attempt.remoteAddress()))
                .set(LOGIN_ATTEMPT.BROWSER, agent.browser())
                .set(LOGIN_ATTEMPT.OPERATING_SYSTEM, agent.operatingSystem())
                .execute();
    }

    @Override
    public Optional<Instant> lockedUntil(String tenantId, String accountKey, String remoteAddress) {
        Instant now = clock.instant();
        Instant until = null;
        if (accountKey != null) {
            OffsetDateTime lastSuccess = db.select(DSL.max(LOGIN_ATTEMPT.ATTEMPTED_AT)).from(LOGIN_ATTEMPT)
                    .where(LOGIN_ATTEMPT.TENANT_ID.eq(tenantId), LOGIN_ATTEMPT.ACCOUNT_KEY.eq(accountKey),
                            LOGIN_ATTEMPT.OUTCOME.eq(Outcome.SUCCESS.name()))
                    .fetchOne(0, OffsetDateTime.class);
            Condition afterSuccess = lastSuccess == null ? DSL.noCondition() : LOGIN_ATTEMPT.ATTEMPTED_AT.gt(lastSuccess);
            until = later(until, lockout(failures(tenantId, LOGIN_ATTEMPT.ACCOUNT_KEY.eq(accountKey).and(afterSuccess), now),
                    properties.maxFailuresPerAccount()));
        }
        String address = AnonymisedIp.of(remoteAddress);
        if (address != null) {
            until = later(until, lockout(failures(tenantId, LOGIN_ATTEMPT.IP_ADDRESS.eq(address), now),
                    properties.maxFailuresPerAddress()));
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Failure times that can still matter: within window + lockout before now, oldest first. */
    private List<Instant> failures(String tenantId, Condition who, Instant now) {
        Instant from = now.minus(properties.failureWindow()).minus(properties.lockout());
        return db.select(LOGIN_ATTEMPT.ATTEMPTED_AT).from(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.TENANT_ID.eq(tenantId), who, LOGIN_ATTEMPT.OUTCOME.eq(Outcome.FAILURE.name()),
                        LOGIN_ATTEMPT.ATTEMPTED_AT.gt(from.atOffset(ZoneOffset.UTC)),
                        LOGIN_ATTEMPT.ATTEMPTED_AT.le(now.atOffset(ZoneOffset.UTC)))
                .orderBy(LOGIN_ATTEMPT.ATTEMPTED_AT.desc())
                .limit(1000)
                .fetch(record -> record.value1().toInstant())
                .reversed();
    }

    /** The end of the latest lockout: a failure that is the max-th within the window locks until it + lockout. */
    private Instant lockout(List<Instant> failures, int max) {
        Instant until = null;
        Duration window = properties.failureWindow();
        int first = 0;
        for (int i = 0; i < failures.size(); i++) {
            while (!failures.get(first).isAfter(failures.get(i).minus(window))) {
                first++;
            }
            if (i - first + 1 >= max) {
                until = later(until, failures.get(i).plus(properties.lockout()));
            }
        }
        return until;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        int purged = 0;
        List<String> tenantIds = db.selectDistinct(LOGIN_ATTEMPT.TENANT_ID).from(LOGIN_ATTEMPT).fetch(LOGIN_ATTEMPT.TENANT_ID);
        for (String tenantId : tenantIds) {
            Optional<TenantManifest> manifest = tenants.manifest(tenantId);
            Condition expired = manifest.flatMap(JooqLoginAttempts::logRetention)
                    .map(rule -> expiredBy(rule, manifest.get(), now))
                    .orElseGet(() -> LOGIN_ATTEMPT.ATTEMPTED_AT.le(now.minus(properties.failureWindow())
                            .minus(properties.lockout()).atOffset(ZoneOffset.UTC)));
            purged += db.deleteFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.TENANT_ID.eq(tenantId), expired).execute();
        }
        return purged;
    }

    /** The COLLECTED rule of the category covering ACCESS_LOG (the shortest, when there are several). */
    static Optional<RetentionRule> logRetention(TenantManifest manifest) {
        Instant probe = Instant.EPOCH;
        return manifest.dataCategories().stream()
                .filter(category -> category.covers().contains(DataKind.ACCESS_LOG))
                .flatMap(category -> category.retention().stream())
                .filter(rule -> rule.trigger() == RetentionTrigger.COLLECTED)
                .min((a, b) -> a.after().addTo(probe.atZone(ZoneOffset.UTC))
                        .compareTo(b.after().addTo(probe.atZone(ZoneOffset.UTC))));
    }

    /**
     * Attempts whose retention has run out: collected + after ≤ now, with calendar periods counted in
     * the tenant's time zone (as the retention engine does) and time durations as elapsed time.
     */
    private static Condition expiredBy(RetentionRule rule, TenantManifest manifest, Instant now) {
        String after = rule.after().toString();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (after.contains("T")) {
            return DSL.condition("{0} + cast({1} as interval) <= {2}", LOGIN_ATTEMPT.ATTEMPTED_AT, DSL.val(after), DSL.val(at));
        }
        String zone = manifest.timeZone().getId();
        return DSL.condition("({0} at time zone {1}) + cast({2} as interval) <= ({3} at time zone {1})",
                LOGIN_ATTEMPT.ATTEMPTED_AT, DSL.val(zone), DSL.val(after), DSL.val(at));
    }

    @Scheduled(fixedDelayString = "${amtsraum.accounts.purge-interval:PT1H}",
            initialDelayString = "${amtsraum.accounts.purge-interval:PT1H}")
    void onSchedule() {
        int purged = purgeExpired();
        if (purged > 0) {
            log.info("Purged {} login attempts past their retention", purged);
        }
    }
}
