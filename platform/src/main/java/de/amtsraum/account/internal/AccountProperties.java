package de.amtsraum.account.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param indexSecret              HMAC key of the username, e-mail and login-attempt indexes
 *                                 ({@code AMTSRAUM_ACCOUNTS_INDEX_SECRET}); unset: 32 random bytes in
 *                                 {@code <data-dir>/account-index-secret}. All instances need the same
 *                                 key; changing it makes every account unfindable
 * @param maxFailuresPerAccount    failed logins for one account name within {@code failureWindow} that
 *                                 lock it (default 5)
 * @param maxFailuresPerAddress    failed logins from one anonymised address (IPv4 /24, IPv6 /48) within
 *                                 {@code failureWindow} that lock it (default 10: an address prefix is
 *                                 shared by many people)
 * @param failureWindow            window in which failures are counted (default 15 minutes)
 * @param lockout                  how long a lockout lasts after the failure that caused it (default 15 minutes)
 * @param purgeInterval            how often login attempts past their tenant's retention are deleted
 *                                 (default 1 hour)
 * @param verificationLinkValidity validity of the e-mail verification link (default 2 days)
 * @param resetLinkValidity        validity of the password-reset link (default 1 hour)
 */
@ConfigurationProperties(prefix = "amtsraum.accounts")
record AccountProperties(String indexSecret, Integer maxFailuresPerAccount, Integer maxFailuresPerAddress,
                         Duration failureWindow, Duration lockout, Duration purgeInterval,
                         Duration verificationLinkValidity, Duration resetLinkValidity) {

    AccountProperties {
        maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 10 : maxFailuresPerAddress;
        failureWindow = failureWindow == null ? Duration.ofMinutes(15) : failureWindow;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        verificationLinkValidity = verificationLinkValidity == null ? Duration.ofDays(2) : verificationLinkValidity;
        resetLinkValidity = resetLinkValidity == null ? Duration.ofHours(1) : resetLinkValidity;
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("amtsraum.accounts.max-failures-per-* must be at least 1");
        }
    }
}
