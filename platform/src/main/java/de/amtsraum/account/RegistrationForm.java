package de.amtsraum.account;

import java.util.Set;

/**
 * What a citizen enters to register. {@code otherFields} are the names of any further fields the
 * request carried: the form offers none, so they are refused rather than silently dropped.
 *
 * @param termsAccepted   where the tenant has terms of use: the citizen accepts them
 * @param termsVersion    the version of the terms shown; when given it must be the current one
 * @param ageConfirmation where the tenant sets a minimum age: {@code ADULT}, or {@code GUARDIAN_CONSENT}
 *                        where the tenant allows younger citizens with a guardian's consent; null elsewhere
 */
public record RegistrationForm(String username, String displayName, String email, String phone, String password,
                               String passwordRepeat, boolean consent, String privacyNoticeVersion,
                               boolean termsAccepted, String termsVersion, String ageConfirmation,
                               Set<String> otherFields) {

    /** What a citizen states about the tenant's minimum age. */
    public enum AgeConfirmation { ADULT, GUARDIAN_CONSENT }

    public RegistrationForm {
        otherFields = otherFields == null ? Set.of() : Set.copyOf(otherFields);
    }
}
