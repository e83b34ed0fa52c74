package de.amtsraum.antibot.internal;

import de.amtsraum.shared.Hmac;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.antibot.BotChallenges;
import de.amtsraum.antibot.BotCheckFailedException;
import de.amtsraum.antibot.BotCheckFailedException.Reason;
import de.amtsraum.antibot.Challenge;
import de.amtsraum.runtime.LocalSecrets;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.shared.TenantId;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * ALTCHA proof of work (protocol v1 of altcha.org, which widget 3.x still solves): salt =
 * {@code <random hex>?expires=<epoch s>&tenant=<id>}, secret number in {@code [0, maxNumber]},
 * challenge = hex SHA-256(salt + number), signature = hex HMAC-SHA256(key, challenge). The payload
 * posted back is Base64 JSON {@code {algorithm, challenge, number, salt, signature}}.
 *
 * <p>The question for pages without JavaScript uses the same scheme, except that its challenge is an
 * HMAC (with a key derived from the server key) of salt + answer, so the small set of answers cannot
 * be tried offline; a wrong answer uses the question up as well.
 */
@Service
class ProofOfWorkChallenges implements BotChallenges {

    static final String ALGORITHM = "SHA-256";
    private static final int MAX_SOLUTION_LENGTH = 4_000;
    private static final Pattern HEX_64 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern ANSWER = Pattern.compile("^[0-9]{1,6}$");
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder URL_ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODE = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] key;
    private final byte[] questionKey;
    private final AntibotProperties properties;
    private final UsedChallenges used;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ProofOfWorkChallenges(AntibotProperties properties, RuntimeProperties runtime, UsedChallenges used, Clock clock) {
        this.key = LocalSecrets.configuredOrFile(properties.secret(), runtime, "antibot-secret");
        this.questionKey = hmac(key, "amtsraum-antibot-question".getBytes(StandardCharsets.UTF_8));
        this.properties = properties;
        this.used = used;
        this.clock = clock;
    }

    @Override
    public Challenge issue(String tenantId) {
        if (!TenantId.isValid(tenantId)) {
            throw new IllegalArgumentException("not a tenant id");
        }
        Instant expires = Instant.ofEpochSecond(clock.instant().plus(properties.validity()).getEpochSecond());
        String salt = salt(tenantId, expires);
        long number = random.nextLong(properties.maxNumber() + 1);
        String challenge = sha256Hex(salt + number);

        int first = 2 + random.nextInt(18);
        int second = 1 + random.nextInt(9);
        String questionSalt = salt(tenantId, expires);
        String questionChallenge = questionHex(questionSalt, String.valueOf(first + second));
        String token = URL_ENCODE.encodeToString(questionSalt.getBytes(StandardCharsets.UTF_8)) + "."
                + questionChallenge + "." + signature(questionChallenge);
        Challenge.Question question = new Challenge.Question("Wie viel ist " + first + " plus " + second + "?",
                "Bitte geben Sie das Ergebnis als Zahl ein. (Please enter the sum as a number.)", token);
        return new Challenge(tenantId, ALGORITHM, challenge, properties.maxNumber(), salt, signature(challenge), expires,
                question);
    }

    @Override
    public void verify(String tenantId, String solution) {
        if (solution == null || solution.isBlank()) {
            throw new BotCheckFailedException(Reason.MISSING);
        }
        if (solution.length() > MAX_SOLUTION_LENGTH) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        if (solution.startsWith(QUESTION_PREFIX)) {
            verifyAnswer(tenantId, solution.substring(QUESTION_PREFIX.length()));
        } else {
            verifyProofOfWork(tenantId, solution);
        }
    }

    private void verifyProofOfWork(String tenantId, String payload) {
        JsonNode json;
        try {
            json = JSON.readTree(Base64.getDecoder().decode(payload.strip()));
        } catch (IllegalArgumentException | IOException malformed) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        if (json == null || !json.isObject() || !json.path("algorithm").isTextual()
                || !json.path("challenge").isTextual() || !json.path("salt").isTextual()
                || !json.path("signature").isTextual() || !json.path("number").canConvertToLong()) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        String challenge = json.get("challenge").asText();
        String salt = json.get("salt").asText();
        long number = json.get("number").asLong();
        if (!ALGORITHM.equals(json.get("algorithm").asText()) || !HEX_64.matcher(challenge).matches()) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        Map<String, String> parameters = checkSigned(challenge, json.get("signature").asText(), salt);
        if (number < 0 || number > properties.maxNumber()
                || !MessageDigest.isEqual(HEX.parseHex(challenge), sha256(salt + number))) {
            throw new BotCheckFailedException(Reason.WRONG);
        }
        accept(tenantId, challenge, parameters);
    }

    private void verifyAnswer(String tenantId, String tokenAndAnswer) {
        String[] parts = tokenAndAnswer.split("\\.", -1);
        if (parts.length != 4 || !HEX_64.matcher(parts[1]).matches()) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        String salt;
        String answer;
        try {
            salt = new String(URL_DECODE.decode(parts[0]), StandardCharsets.UTF_8);
            answer = new String(URL_DECODE.decode(parts[3]), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException malformed) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        String challenge = parts[1];
        Map<String, String> parameters = checkSigned(challenge, parts[2], salt);
        boolean right = ANSWER.matcher(answer).matches()
                && MessageDigest.isEqual(HEX.parseHex(challenge),
                HEX.parseHex(questionHex(salt, String.valueOf(Integer.parseInt(answer)))));
        if (!right) {
            // Burn the question, so that its few possible answers cannot be tried one after another.
            if (Objects.equals(tenantId, parameters.get("tenant")) && !expired(parameters)) {
                used.markUsed(challenge, tenantId, Instant.ofEpochSecond(Long.parseLong(parameters.get("expires"))));
            }
            throw new BotCheckFailedException(Reason.WRONG);
        }
        accept(tenantId, challenge, parameters);
    }

    /** The salt's parameters, when the signature is the server's and the salt names tenant and expiry. */
    private Map<String, String> checkSigned(String challenge, String signature, String salt) {
        if (!HEX_64.matcher(signature).matches()) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        if (!MessageDigest.isEqual(HEX.parseHex(signature), hmac(key, challenge.getBytes(StandardCharsets.UTF_8)))) {
            throw new BotCheckFailedException(Reason.WRONG);
        }
        Map<String, String> parameters = parameters(salt);
        if (!parameters.containsKey("tenant") || parameters.getOrDefault("expires", "").isEmpty()
                || !parameters.get("expires").chars().allMatch(Character::isDigit)
                || parameters.get("expires").length() > 12) {
            throw new BotCheckFailedException(Reason.MALFORMED);
        }
        return parameters;
    }

    private void accept(String tenantId, String challenge, Map<String, String> parameters) {
        if (!Objects.equals(tenantId, parameters.get("tenant"))) {
            throw new BotCheckFailedException(Reason.OTHER_TENANT);
        }
        if (expired(parameters)) {
            throw new BotCheckFailedException(Reason.EXPIRED);
        }
        if (!used.markUsed(challenge, tenantId, Instant.ofEpochSecond(Long.parseLong(parameters.get("expires"))))) {
            throw new BotCheckFailedException(Reason.USED);
        }
    }

    private boolean expired(Map<String, String> parameters) {
        return clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parameters.get("expires"))));
    }

    private String salt(String tenantId, Instant expires) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        return HEX.formatHex(nonce) + "?expires=" + expires.getEpochSecond() + "&tenant=" + tenantId;
    }

    private static Map<String, String> parameters(String salt) {
        Map<String, String> parameters = new HashMap<>();
        int query = salt.indexOf('?');
        if (query < 0) {
            return parameters;
        }
        for (String pair : salt.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private String signature(String challenge) {
        return HEX.formatHex(hmac(key, challenge.getBytes(StandardCharsets.UTF_8)));
    }

    private String questionHex(String salt, String answer) {
        return HEX.formatHex(hmac(questionKey, (salt + answer).getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256Hex(String text) {
        return HEX.formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return Hmac.sha256(key, data);
    }
}
