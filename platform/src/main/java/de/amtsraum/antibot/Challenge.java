package de.amtsraum.antibot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One challenge: the ALTCHA proof of work (find {@code number ≤ maxnumber} with
 * {@code hex(SHA-256(salt + number)) == challenge}; {@code signature} is the server's HMAC of
 * {@code challenge}; {@code salt} carries {@code ?expires=<epoch seconds>&tenant=<id>}) and the text
 * question for pages without JavaScript.
 *
 * @param tenantId the tenant whose forms accept it
 * @param expires  when it stops being accepted
 * @param question the question shown in {@code <noscript>}, answered in the same single-use scheme
 */
public record Challenge(String tenantId, String algorithm, String challenge, long maxnumber, String salt,
                        String signature, Instant expires, Question question) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param text  the question in German, e.g. „Wie viel ist 4 plus 7?“
     * @param hint  how to answer, in German with an English translation
     * @param token signed token of the question, posted back in {@link BotChallenges#QUESTION_TOKEN_FIELD}
     */
    public record Question(String text, String hint, String token) {
    }

    /** The ALTCHA fields only, as the widget and API clients expect them. */
    public Map<String, Object> altcha() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("algorithm", algorithm);
        fields.put("challenge", challenge);
        fields.put("maxnumber", maxnumber);
        fields.put("salt", salt);
        fields.put("signature", signature);
        return fields;
    }

    /** {@link #altcha()} as JSON, for the widget's {@code challenge} attribute (no extra request). */
    public String altchaJson() {
        try {
            return JSON.writeValueAsString(altcha());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
