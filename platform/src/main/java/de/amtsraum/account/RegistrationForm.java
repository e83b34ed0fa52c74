package de.amtsraum.account;

import java.util.Set;

/**
 * What a citizen enters to register. {@code otherFields} are the names of any further fields the
 * request carried: the form offers none, so they are refused rather than silently dropped.
 */
public record RegistrationForm(String username, String displayName, String email, String phone, String password,
                               String passwordRepeat, boolean consent, String privacyNoticeVersion,
                               Set<String> otherFields) {

    public RegistrationForm {
        otherFields = otherFields == null ? Set.of() : Set.copyOf(otherFields);
    }
}
