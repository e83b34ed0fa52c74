/**
 * Citizen accounts (Bürgerkonto): registration with a username that may be a pseudonym, e-mail
 * verification, login with a session of its own (role CITIZEN), password reset by mailed link,
 * closure, which starts the tenant's ACCOUNT_CLOSED rules. Username, phone and the password hash
 * are sealed under the tenant's ACCOUNT category, the e-mail address under ACCOUNT_EMAIL; look-ups
 * go through keyed hashes, never plaintext. Login attempts are kept as edge data for throttling
 * ({@link de.amtsraum.identity.LoginAttempts}, implemented here) and purged after the tenant's log retention.
 * Where the tenant has terms of use (and a minimum age), registration records the accepted version
 * (plain) and the age statement (sealed under ACCOUNT); a new version of the terms must be accepted
 * ({@link de.amtsraum.account.CitizenTermsAccepted}) before the account pages can be used again.
 */
package de.amtsraum.account;
