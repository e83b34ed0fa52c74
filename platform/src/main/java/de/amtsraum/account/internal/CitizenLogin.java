package de.amtsraum.account.internal;

import de.amtsraum.account.CitizenPrincipal;
import de.amtsraum.identity.LoginAttempts;
import de.amtsraum.identity.LoginAttempts.Attempt;
import de.amtsraum.identity.LoginAttempts.Outcome;
import de.amtsraum.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a citizen's username and password for the tenant of the login path. Order: lockout (per
 * account name and per anonymised address, refused without looking at the password), then the
 * password (Argon2id; unknown names cost the same), then verification. Every attempt is recorded.
 * Known and unknown names are treated alike, so neither the answer nor the lockout tells whether an
 * account exists. The principal names tenant, pseudonymous subject and account, never the e-mail.
 */
@Component
class CitizenLogin implements AuthenticationProvider {

    /** What the login filter knows about the request besides name and password. */
    record Details(String tenantId, String remoteAddress, String userAgent) {
    }

    /** Refused because of a lockout; the page names the time, not the reason. */
    static final class LockedOut extends LockedException {
        private final transient Instant until;

        LockedOut(Instant until) {
            super("login locked");
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    private final AccountService accounts;
    private final AccountQueries queries;
    private final AccountIndex index;
    private final PasswordHashing passwords;
    private final LoginAttempts attempts;

    CitizenLogin(AccountService accounts, AccountQueries queries, AccountIndex index, PasswordHashing passwords,
                 LoginAttempts attempts) {
        this.accounts = accounts;
        this.queries = queries;
        this.index = index;
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getDetails() instanceof Details details) || !accounts.offeredBy(details.tenantId())) {
            throw new BadCredentialsException("no citizen accounts here");
        }
        String tenantId = details.tenantId();
        String username = authentication.getName() == null ? "" : authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String key = index.username(tenantId, username);
        Optional<Instant> locked = attempts.lockedUntil(tenantId, key, details.remoteAddress());
        if (locked.isPresent()) {
            record(details, key, null, Outcome.LOCKED);
            throw new LockedOut(locked.get());
        }
        Optional<AccountQueries.Row> row = queries.byUsernameIndex(tenantId, key)
                .filter(r -> r.status() != CitizenAccount.Status.CLOSED);
        String hash = row.map(r -> queries.open(r, "passwordHash", r.passwordHash())).orElse(null);
        String subject = row.map(AccountQueries.Row::subjectId).orElse(null);
        if (!passwords.matches(password, hash)) {
            record(details, key, subject, Outcome.FAILURE);
            throw new BadCredentialsException("bad credentials");
        }
        AccountQueries.Row account = row.orElseThrow();
        if (account.status() != CitizenAccount.Status.ACTIVE) {
            record(details, key, subject, Outcome.FAILURE);
            throw new DisabledException("e-mail address not verified");
        }
        record(details, key, subject, Outcome.SUCCESS);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                new CitizenPrincipal(tenantId, account.subjectId(), account.accountId()), null,
                List.of(new SimpleGrantedAuthority(Role.CITIZEN.authority())));
        // Set, so the provider manager does not copy the request details (address, User-Agent) into the session.
        token.setDetails(tenantId);
        return token;
    }

    private void record(Details details, String key, String subject, Outcome outcome) {
        attempts.record(new Attempt(details.tenantId(), key, subject, outcome, details.remoteAddress(),
                details.userAgent()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
