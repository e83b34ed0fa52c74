package de.amtsraum.antibot;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Issues and checks bot challenges of one tenant. A page renders {@link #issue} with the fragment
 * {@code ~{antibot/challenge :: challenge(${challenge})}} inside its form, and on submit passes
 * {@link #solution(Map)} of the posted fields to {@link #verify}. An API client fetches a challenge
 * from {@code GET /api/v1/tenants/{tenant}/challenge}, solves it (ALTCHA, SHA-256) and sends the
 * Base64 payload as the solution.
 */
public interface BotChallenges {

    /** Form field with the widget's payload (Base64 JSON, ALTCHA v1 format). */
    String WIDGET_FIELD = "altcha";

    /** Form field (hidden) with the signed token of the text question shown without JavaScript. */
    String QUESTION_TOKEN_FIELD = "pruefung";

    /** Form field with the citizen's answer to the text question. */
    String QUESTION_ANSWER_FIELD = "pruefantwort";

    /** A fresh challenge for a form of this tenant: proof of work and the no-JavaScript question. */
    Challenge issue(String tenantId);

    /**
     * Accepts a solution once: a solved proof of work (the widget's payload) or a question token with
     * its answer (see {@link #solution(Map)}).
     *
     * @throws BotCheckFailedException when the solution is missing, malformed, wrong, expired, for
     *                                 another tenant or already used
     */
    void verify(String tenantId, String solution);

    /**
     * The solution a form posted: the widget's payload when there is one, else the question's token
     * and answer in one string ({@code q.<token>.<answer in Base64url>}); null when neither was sent.
     */
    static String solution(Map<String, String> formFields) {
        String widget = formFields.get(WIDGET_FIELD);
        if (widget != null && !widget.isBlank()) {
            return widget.strip();
        }
        String token = formFields.get(QUESTION_TOKEN_FIELD);
        if (token == null || token.isBlank()) {
            return null;
        }
        String answer = formFields.getOrDefault(QUESTION_ANSWER_FIELD, "");
        return QUESTION_PREFIX + token.strip() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(answer.getBytes(StandardCharsets.UTF_8));
    }

    /** Marks a question solution (a widget payload is standard Base64 and never contains a dot). */
    String QUESTION_PREFIX = "q.";
}
