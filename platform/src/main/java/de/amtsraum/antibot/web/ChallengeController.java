package de.amtsraum.antibot.web;

import de.amtsraum.antibot.BotChallenges;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public: a fresh ALTCHA challenge for a tenant's forms (the widget fetches one when its first expired). */
@RestController
class ChallengeController {

    private final BotChallenges challenges;
    private final TenantDirectory directory;

    ChallengeController(BotChallenges challenges, TenantDirectory directory) {
        this.challenges = challenges;
        this.directory = directory;
    }

    @Schema(description = "ALTCHA challenge (protocol v1): find number in [0, maxnumber] with "
            + "hex(SHA-256(salt + number)) = challenge, then send Base64(JSON {algorithm, challenge, number, salt, "
            + "signature}) as the bot-check solution (form field altcha). Valid once, until the expires "
            + "parameter in salt (epoch seconds).")
    record AltchaChallenge(
            @Schema(example = "SHA-256") String algorithm,
            @Schema(description = "hex SHA-256 of salt + the secret number") String challenge,
            @Schema(example = "100000") long maxnumber,
            @Schema(example = "9f86d081884c7d659a2feaa0?expires=1767225600&tenant=helbra") String salt,
            @Schema(description = "hex HMAC-SHA256 of challenge with the server's key") String signature) {
    }

    @GetMapping(path = "/api/v1/tenants/{tenant}/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A bot-check challenge (proof of work, ALTCHA-compatible) for the tenant's forms; public",
            description = "Self-hosted, no third party. 404 for an unknown tenant. Whether a form requires the check "
                    + "is the tenant's setting (for booking: manifest booking.proofOfWork); a failed check is "
                    + "answered 422 with type https://amtsraum.de/problems/bot-check-failed.")
    ResponseEntity<AltchaChallenge> challenge(@PathVariable String tenant) {
        if (!directory.exists(tenant)) {
            throw new UnknownTenantException();
        }
        var issued = challenges.issue(tenant);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new AltchaChallenge(issued.algorithm(), issued.challenge(), issued.maxnumber(), issued.salt(),
                        issued.signature()));
    }
}
