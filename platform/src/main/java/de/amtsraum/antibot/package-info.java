/**
 * Bot protection without a third party: ALTCHA-compatible proof of work (SHA-256, signed with a
 * server key) that the self-hosted {@code altcha} widget solves in the browser, and a text question
 * in {@code <noscript>} for pages without JavaScript, signed the same way. Challenges are stateless;
 * only the ids of used challenges are stored (PostgreSQL, until they expire), so each is accepted
 * once, also across instances. Callers decide per tenant whether a form needs the check (for
 * example the manifest's {@code booking.proofOfWork}); this module knows no other context's rules.
 *
 * <p>API: {@link de.amtsraum.antibot.BotChallenges}, {@link de.amtsraum.antibot.Challenge},
 * {@link de.amtsraum.antibot.BotCheckFailedException}; page fragment {@code antibot/challenge ::
 * challenge(challenge)}; public endpoint {@code GET /api/v1/tenants/{tenant}/challenge}.
 */
package de.amtsraum.antibot;
