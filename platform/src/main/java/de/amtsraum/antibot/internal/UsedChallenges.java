package de.amtsraum.antibot.internal;

import static de.amtsraum.readmodel.jooq.Tables.USED_BOT_CHALLENGE;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The ids of challenges accepted once ({@code used_bot_challenge}). Marking is a primary-key insert:
 * of two instances accepting the same challenge at once, exactly one insert succeeds.
 */
@Component
class UsedChallenges {

    private static final Logger log = LoggerFactory.getLogger(UsedChallenges.class);

    private final DSLContext db;
    private final Clock clock;

    UsedChallenges(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True if this call used the challenge; false if it had been used before. */
    boolean markUsed(String challengeId, String tenantId, Instant expiresAt) {
        return db.insertInto(USED_BOT_CHALLENGE)
                .set(USED_BOT_CHALLENGE.CHALLENGE_ID, challengeId)
                .set(USED_BOT_CHALLENGE.TENANT_ID, tenantId)
                .set(USED_BOT_CHALLENGE.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Deletes the rows of expired challenges (they are refused for their age); returns how many. */
    int purgeExpired() {
        return db.deleteFrom(USED_BOT_CHALLENGE)
                .where(USED_BOT_CHALLENGE.EXPIRES_AT.lt(clock.instant().atOffset(ZoneOffset.UTC)))
                .execute();
    }

    @Scheduled(fixedDelayString = "${amtsraum.antibot.purge-interval:PT10M}",
            initialDelayString = "${amtsraum.antibot.purge-interval:PT10M}")
    void onSchedule() {
        int purged = purgeExpired();
        if (purged > 0) {
            log.debug("Purged {} expired bot challenge(s)", purged);
        }
    }
}
