package de.amtsraum.antibot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.antibot.BotChallenges;
import de.amtsraum.antibot.BotCheckFailedException;
import de.amtsraum.antibot.BotCheckFailedException.Reason;
import de.amtsraum.antibot.Challenge;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proof of work and question: solved by brute force here, checked without a database (used ids in memory). */
class ProofOfWorkChallengesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final InMemoryUsed used = new InMemoryUsed();
    final ProofOfWorkChallenges challenges = challenges("test-secret");

    ProofOfWorkChallenges challenges(String secret) {
        return new ProofOfWorkChallenges(new AntibotProperties(secret, 500L, Duration.ofMinutes(10), null),
                new RuntimeProperties("unused"), used, clock);
    }

    @Test
    void issuesAnAltchaChallengeWithTenantAndExpiryInTheSalt() {
        Challenge challenge = challenges.issue("helbra");

        assertThat(challenge.algorithm()).isEqualTo("SHA-256");
        assertThat(challenge.maxnumber()).isEqualTo(500);
        assertThat(challenge.challenge()).matches("[0-9a-f]{64}");
        assertThat(challenge.signature()).matches("[0-9a-f]{64}");
        assertThat(challenge.salt()).matches("[0-9a-f]{24}\\?expires=" + clock.instant().plusSeconds(600).getEpochSecond()
                + "&tenant=helbra");
        assertThat(challenge.altchaJson()).startsWith("{\"algorithm\":\"SHA-256\",\"challenge\":\"")
                .contains("\"maxnumber\":500").doesNotContain("question");
        assertThat(challenge.question().text()).matches("Wie viel ist \\d+ plus \\d+\\?");
        assertThat(challenges.issue("helbra").salt()).isNotEqualTo(challenge.salt());
    }

    @Test
    void acceptsASolvedChallengeOnce() {
        String payload = solve(challenges.issue("helbra"));

        assertThatCode(() -> challenges.verify("helbra", payload)).doesNotThrowAnyException();
        assertThat(reason(() -> challenges.verify("helbra", payload))).isEqualTo(Reason.USED);
    }

    @Test
    void refusesAWrongNumber() {
        Challenge challenge = challenges.issue("helbra");
        ObjectNode solved = decode(solve(challenge));
        long number = solved.get("number").asLong();
        solved.put("number", number == 0 ? 1 : number - 1);

        assertThat(reason(() -> challenges.verify("helbra", encode(solved)))).isEqualTo(Reason.WRONG);
        assertThat(used.ids).isEmpty();
    }

    @Test
    void refusesATamperedSignatureOrSalt() {
        Challenge challenge = challenges.issue("helbra");
        ObjectNode solved = decode(solve(challenge));
        ObjectNode forged = solved.deepCopy();
        String signature = forged.get("signature").asText();
        forged.put("signature", (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1));
        assertThat(reason(() -> challenges.verify("helbra", encode(forged)))).isEqualTo(Reason.WRONG);

        // A later expiry in the salt changes the hash, so the number no longer fits.
        ObjectNode extended = solved.deepCopy();
        extended.put("salt", challenge.salt().replaceAll("expires=\\d+", "expires=9999999999"));
        assertThat(reason(() -> challenges.verify("helbra", encode(extended)))).isEqualTo(Reason.WRONG);

        // Signed with another server key.
        Challenge foreign = challenges("another-secret").issue("helbra");
        assertThat(reason(() -> challenges.verify("helbra", solve(foreign)))).isEqualTo(Reason.WRONG);
    }

    @Test
    void refusesAnExpiredChallenge() {
        String payload = solve(challenges.issue("helbra"));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(reason(() -> challenges.verify("helbra", payload))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void acceptsAChallengeUntilItsLastSecond() {
        String payload = solve(challenges.issue("helbra"));
        clock.advance(Duration.ofMinutes(10));

        assertThatCode(() -> challenges.verify("helbra", payload)).doesNotThrowAnyException();
    }

    @Test
    void refusesAChallengeOfAnotherTenant() {
        String payload = solve(challenges.issue("leer"));

        assertThat(reason(() -> challenges.verify("helbra", payload))).isEqualTo(Reason.OTHER_TENANT);
        assertThatCode(() -> challenges.verify("leer", payload)).doesNotThrowAnyException();
    }

    @Test
    void refusesMissingAndMalformedSolutions() {
        assertThat(reason(() -> challenges.verify("helbra", null))).isEqualTo(Reason.MISSING);
        assertThat(reason(() -> challenges.verify("helbra", "  "))).isEqualTo(Reason.MISSING);
        assertThat(reason(() -> challenges.verify("helbra", "not base64 at all!"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(() -> challenges.verify("helbra", Base64.getEncoder()
                .encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8))))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(() -> challenges.verify("helbra", "q.abc"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(() -> challenges.verify("helbra", "x".repeat(5000)))).isEqualTo(Reason.MALFORMED);
        ObjectNode otherAlgorithm = decode(solve(challenges.issue("helbra")));
        otherAlgorithm.put("algorithm", "SHA-1");
        assertThat(reason(() -> challenges.verify("helbra", encode(otherAlgorithm)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void theProblemIsA422WithTypeReasonAndGermanMessage() {
        BotCheckFailedException failed = catchThrowableOfType(BotCheckFailedException.class,
                () -> challenges.verify("helbra", null));
        var problem = failed.toProblemDetail();

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType()).hasToString("https://amtsraum.de/problems/bot-check-failed");
        assertThat(problem.getTitle()).isEqualTo("Bot check failed");
        assertThat(problem.getProperties()).containsEntry("reason", "missing")
                .containsEntry("message", "Bitte bestätigen Sie, dass Sie kein Roboter sind.");
    }

    @Test
    void acceptsTheRightAnswerToTheQuestionOnce() {
        Challenge challenge = challenges.issue("helbra");
        String solution = BotChallenges.solution(Map.of("pruefung", challenge.question().token(),
                "pruefantwort", " " + answer(challenge) + " "));

        assertThatCode(() -> challenges.verify("helbra", solution)).doesNotThrowAnyException();
        assertThat(reason(() -> challenges.verify("helbra", solution))).isEqualTo(Reason.USED);
    }

    @Test
    void aWrongAnswerFailsAndUsesTheQuestionUp() {
        Challenge challenge = challenges.issue("helbra");
        String token = challenge.question().token();

        assertThat(reason(() -> challenges.verify("helbra", BotChallenges.solution(Map.of("pruefung", token,
                "pruefantwort", String.valueOf(answer(challenge) + 1)))))).isEqualTo(Reason.WRONG);
        assertThat(reason(() -> challenges.verify("helbra", BotChallenges.solution(Map.of("pruefung", token,
                "pruefantwort", "elf"))))).isIn(Reason.WRONG, Reason.USED);
        // Guessing on with the same question gets nowhere, even with the right answer.
        assertThat(reason(() -> challenges.verify("helbra", BotChallenges.solution(Map.of("pruefung", token,
                "pruefantwort", String.valueOf(answer(challenge))))))).isEqualTo(Reason.USED);
    }

    @Test
    void theQuestionIsBoundToTenantAndExpiry() {
        Challenge challenge = challenges.issue("leer");
        String solution = BotChallenges.solution(Map.of("pruefung", challenge.question().token(),
                "pruefantwort", String.valueOf(answer(challenge))));

        assertThat(reason(() -> challenges.verify("helbra", solution))).isEqualTo(Reason.OTHER_TENANT);
        clock.advance(Duration.ofMinutes(11));
        assertThat(reason(() -> challenges.verify("leer", solution))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void theWidgetPayloadWinsOverTheQuestionFields() {
        assertThat(BotChallenges.solution(Map.of("altcha", "eyJ9", "pruefung", "t", "pruefantwort", "3")))
                .isEqualTo("eyJ9");
        assertThat(BotChallenges.solution(Map.of("pruefantwort", "3"))).isNull();
        assertThat(BotChallenges.solution(Map.of())).isNull();
    }

    @Test
    void keyComesFromTheDataDirectoryWhenNotConfigured(@TempDir Path dataDir) throws Exception {
        var runtime = new RuntimeProperties(dataDir.toString());
        var properties = new AntibotProperties("", 500L, null, null);
        Challenge challenge = new ProofOfWorkChallenges(properties, runtime, used, clock).issue("helbra");

        assertThat(Files.readAllBytes(dataDir.resolve("antibot-secret"))).hasSize(32);
        // A second instance on the same data directory accepts what the first issued.
        assertThatCode(() -> new ProofOfWorkChallenges(properties, runtime, used, clock)
                .verify("helbra", solve(challenge))).doesNotThrowAnyException();
    }

    /** What the widget does: try numbers until SHA-256(salt + number) is the challenge. */
    static String solve(Challenge challenge) {
        for (long number = 0; number <= challenge.maxnumber(); number++) {
            if (ProofOfWorkChallenges.sha256Hex(challenge.salt() + number).equals(challenge.challenge())) {
                ObjectNode payload = JSON.createObjectNode();
                payload.put("algorithm", challenge.algorithm());
                payload.put("challenge", challenge.challenge());
                payload.put("number", number);
                payload.put("salt", challenge.salt());
                payload.put("signature", challenge.signature());
                payload.put("took", 12);
                return encode(payload);
            }
        }
        throw new AssertionError("no solution up to maxnumber");
    }

    static int answer(Challenge challenge) {
        Matcher sum = Pattern.compile("Wie viel ist (\\d+) plus (\\d+)\\?").matcher(challenge.question().text());
        assertThat(sum.matches()).isTrue();
        return Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2));
    }

    static String encode(ObjectNode payload) {
        return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode decode(String payload) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getDecoder().decode(payload));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reason reason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        BotCheckFailedException failed = catchThrowableOfType(BotCheckFailedException.class, call);
        assertThat(failed).as("BotCheckFailedException").isNotNull();
        return failed.reason();
    }

    /** The single-use table, without a database: the same contract (true only for the first mark). */
    static final class InMemoryUsed extends UsedChallenges {
        final Set<String> ids = new HashSet<>();

        InMemoryUsed() {
            super(null, null);
        }

        @Override
        synchronized boolean markUsed(String challengeId, String tenantId, Instant expiresAt) {
            return ids.add(challengeId);
        }
    }
}
