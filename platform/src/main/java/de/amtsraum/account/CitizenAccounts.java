package de.amtsraum.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Citizen accounts of a tenant that offers them ({@code features.citizenAccounts}). Login itself
 * runs through the citizen security chain (form login at {@code /{tenant}/konto/anmelden}); this is
 * everything around it. Every method refuses a tenant without the feature with
 * {@link de.amtsraum.tenancy.UnknownTenantException}.
 */
public interface CitizenAccounts {

    /** Whether the tenant exists and offers citizen accounts. */
    boolean offeredBy(String tenantId);

    /**
     * Registers an unverified account and mails the verification link.
     *
     * @throws InvalidAccountFormException with every problem; nothing is stored
     * @throws AccountException            {@code TERMS_CHANGED}, {@code NOTICE_CHANGED}
     */
    void register(String tenantId, RegistrationForm form);

    /** Verifies the e-mail address named by the mailed token; a second time changes nothing. */
    void verifyEmail(String tenantId, String token);

    /** Whether a verification link is genuine (for the page that shows the confirm button). */
    boolean verificationLinkValid(String tenantId, String token);

    /**
     * Mails a reset link to every verified, open account of the tenant with this address. Says
     * nothing about whether there is one.
     */
    void requestPasswordReset(String tenantId, String email);

    /** Whether a reset link is genuine, unexpired, of this tenant and unused. */
    boolean resetLinkValid(String tenantId, String token);

    /**
     * Sets a new password through a reset link; the link is then used up.
     *
     * @throws AccountException            {@code INVALID_LINK}
     * @throws InvalidAccountFormException a weak or mismatching password
     */
    void resetPassword(String tenantId, String token, String password, String passwordRepeat);

    /** The logged-in citizen's own account, opened (the citizen sees their own data). */
    AccountView view(CitizenPrincipal principal);

    /**
     * Closes the account after the password is confirmed; mails a confirmation. The tenant's
     * ACCOUNT_CLOSED rules then erase the data.
     *
     * @throws AccountException {@code WRONG_PASSWORD}, {@code CLOSED}
     */
    void close(CitizenPrincipal principal, String password);

    /**
     * The version of the tenant's terms of use the citizen still has to accept: present when the
     * tenant has terms and the account accepted another version (or none, having registered before
     * the tenant had terms). Until accepted, the account pages lead to the acceptance page only.
     */
    Optional<String> termsToAccept(CitizenPrincipal principal);

    /**
     * Records that the citizen accepts the current terms of use.
     *
     * @param termsVersion the version shown; it must be the current one
     * @throws InvalidAccountFormException not accepted
     * @throws AccountException            {@code TERMS_CHANGED}, {@code CLOSED}
     */
    void acceptTerms(CitizenPrincipal principal, boolean accepted, String termsVersion);

    record AccountView(String username, String displayName, String email, String phone, String status,
                       Instant registeredAt) {
    }
}
