package de.amtsraum.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Login attempts as edge data (kind ACCESS_LOG) and throttling built on them, for citizen login
 * (module account, which implements it) and the embedded issuer's staff sign-in. State lives in
 * PostgreSQL, so throttling holds across instances. Addresses are stored anonymised (IPv4 /24, IPv6 /48) and throttled at that granularity; the
 * User-Agent only as browser and OS class. Rows older than the tenant's log retention are purged.
 */
public interface LoginAttempts {

    enum Outcome {
        SUCCESS,
        /** Wrong name or password: counts towards a lockout. */
        FAILURE,
        /** Refused because of a lockout, without checking the password: does not extend it. */
        LOCKED
    }

    /**
     * @param accountKey     an opaque, stable key of the account name as typed (a keyed hash, never
     *                       the plaintext), the same whether the account exists or not
     * @param accountSubject the pseudonymous subject when the account exists, else null
     * @param remoteAddress  the client address as seen; stored anonymised
     * @param userAgent      the User-Agent header; stored as browser and OS class only
     */
    record Attempt(String tenantId, String accountKey, String accountSubject, Outcome outcome, String remoteAddress,
                   String userAgent) {
    }

    void record(Attempt attempt);

    /**
     * Until when logins for this account key or from this (anonymised) address are refused, if they
     * are now: after too many failures within the window, for the lockout time after the last one.
     */
    Optional<Instant> lockedUntil(String tenantId, String accountKey, String remoteAddress);

    /** Deletes attempts older than their tenant's log retention; returns how many. */
    int purgeExpired();
}
