package de.amtsraum.antibot.internal;

import static de.amtsraum.readmodel.jooq.Tables.USED_BOT_CHALLENGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.antibot.BotChallenges;
import de.amtsraum.antibot.BotCheckFailedException;
import de.amtsraum.antibot.BotCheckFailedException.Reason;
import de.amtsraum.antibot.Challenge;
import de.amtsraum.support.Api;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The challenge endpoint and single use with the real database. */
@PlatformTest
class AntibotIT {

    @LocalServerPort
    int port;

    @Autowired
    BotChallenges challenges;

    @Autowired
    UsedChallenges used;

    @Autowired
    DSLContext db;

    @Autowired
    MutableClock clock;

    @Test
    void theEndpointGivesAnAltchaChallengeWithoutAToken() {
        Api.Response response = new Api(port).get("/api/v1/tenants/helbra/challenge");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode json = response.json();
        assertThat(json.get("algorithm").asText()).isEqualTo("SHA-256");
        assertThat(json.get("challenge").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("signature").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("maxnumber").asLong()).as("amtsraum.antibot.max-number of the test profile").isEqualTo(1_000);
        assertThat(json.get("salt").asText()).matches("[0-9a-f]{24}\\?expires=\\d+&tenant=helbra");
        assertThat(json.has("question")).isFalse();

        // What an API client does with it: solve, then send the payload as the solution.
        Challenge challenge = new Challenge("helbra", json.get("algorithm").asText(), json.get("challenge").asText(),
                json.get("maxnumber").asLong(), json.get("salt").asText(), json.get("signature").asText(), null, null);
        assertThatCode(() -> challenges.verify("helbra", ProofOfWorkChallengesTest.solve(challenge)))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownTenantGetsAProblem() {
        Api.Response response = new Api(port).get("/api/v1/tenants/nirgendwo/challenge");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("https://amtsraum.de/problems/unknown-tenant");
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() {
        JsonNode paths = new Api(port).get("/v3/api-docs").json().get("paths");

        assertThat(paths.has("/api/v1/tenants/{tenant}/challenge")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{tenant}/challenge").get("get").get("summary").asText())
                .contains("proof of work");
    }

    @Test
    void aReplayIsRefusedAndTheRowIsPurgedAfterExpiry() {
        Challenge challenge = challenges.issue("helbra");
        String payload = ProofOfWorkChallengesTest.solve(challenge);

        challenges.verify("helbra", payload);
        assertThat(ProofOfWorkChallengesTest.reason(() -> challenges.verify("helbra", payload))).isEqualTo(Reason.USED);
        assertThat(db.fetchCount(USED_BOT_CHALLENGE, USED_BOT_CHALLENGE.CHALLENGE_ID.eq(challenge.challenge()))).isOne();

        Instant now = clock.instant();
        try {
            clock.advance(Duration.ofMinutes(11));
            assertThat(used.purgeExpired()).isPositive();
            assertThat(db.fetchCount(USED_BOT_CHALLENGE, USED_BOT_CHALLENGE.CHALLENGE_ID.eq(challenge.challenge())))
                    .isZero();
            // Gone from the table, yet still refused: it has expired.
            assertThat(ProofOfWorkChallengesTest.reason(() -> challenges.verify("helbra", payload)))
                    .isEqualTo(Reason.EXPIRED);
        } finally {
            clock.set(now);
        }
    }

    @Test
    void ofTwoConcurrentSubmissionsOfOneSolutionExactlyOneIsAccepted() throws Exception {
        String payload = ProofOfWorkChallengesTest.solve(challenges.issue("helbra"));
        int attempts = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        challenges.verify("helbra", payload);
                        return true;
                    } catch (BotCheckFailedException refused) {
                        assertThat(refused.reason()).isEqualTo(Reason.USED);
                        return false;
                    }
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> outcome : outcomes) {
                accepted += outcome.get() ? 1 : 0;
            }
            assertThat(accepted).isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theQuestionIsSingleUseInTheDatabaseToo() {
        Challenge challenge = challenges.issue("helbra");
        String solution = BotChallenges.solution(java.util.Map.of("pruefung", challenge.question().token(),
                "pruefantwort", String.valueOf(ProofOfWorkChallengesTest.answer(challenge))));

        challenges.verify("helbra", solution);
        assertThat(ProofOfWorkChallengesTest.reason(() -> challenges.verify("helbra", solution))).isEqualTo(Reason.USED);
    }
}
