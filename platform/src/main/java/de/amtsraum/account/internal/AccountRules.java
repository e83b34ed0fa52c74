package de.amtsraum.account.internal;

import de.amtsraum.account.AccountProblem;
import de.amtsraum.account.RegistrationForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a registration must satisfy. Passwords: at least 12 characters (at most 128), not containing
 * the username, not one of the common passwords in {@code account/common-passwords.txt}.
 */
final class AccountRules {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    /** The fields the registration form always offers. */
    static final Set<String> OFFERED = Set.of("username", "displayName", "email", "phone", "password",
            "passwordRepeat", "consent", "noticeVersion");
    /** Offered only where the tenant has terms of use. */
    static final Set<String> TERMS = Set.of("termsAccepted", "termsVersion");
    /** Offered only where the tenant sets a minimum age. */
    static final String AGE = "ageConfirmation";

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{3,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()/ .-]{3,30}");
    private static final Set<String> COMMON = load();

    private AccountRules() {
    }

    static void username(String username, List<AccountProblem> problems) {
        if (blank(username)) {
            problems.add(new AccountProblem("username", "username.required"));
        } else if (!USERNAME.matcher(username.strip()).matches()) {
            problems.add(new AccountProblem("username", "username.invalid"));
        }
    }

    static void displayName(String displayName, List<AccountProblem> problems) {
        if (displayName != null && (displayName.strip().length() > 100 || displayName.chars().anyMatch(Character::isISOControl))) {
            problems.add(new AccountProblem("displayName", "displayName.invalid"));
        }
    }

    static void email(String email, List<AccountProblem> problems) {
        if (blank(email)) {
            problems.add(new AccountProblem("email", "email.required"));
        } else if (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            problems.add(new AccountProblem("email", "email.invalid"));
        }
    }

    static void phone(String phone, List<AccountProblem> problems) {
        if (!blank(phone) && (!PHONE.matcher(phone.strip()).matches()
                || phone.chars().filter(Character::isDigit).count() < 3)) {
            problems.add(new AccountProblem("phone", "phone.invalid"));
        }
    }

    /** @param username the account's username, or null when unknown (then only length and list apply) */
    static void password(String password, String repeat, String username, List<AccountProblem> problems) {
        if (password == null || password.isEmpty()) {
            problems.add(new AccountProblem("password", "password.required"));
            return;
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            problems.add(new AccountProblem("password", "password.tooShort"));
        } else if (password.length() > MAX_PASSWORD) {
            problems.add(new AccountProblem("password", "password.tooLong"));
        } else if (username != null && username.strip().length() >= 3
                && AccountIndex.normalise(password).contains(AccountIndex.normalise(username))) {
            problems.add(new AccountProblem("password", "password.containsUsername"));
        } else if (COMMON.contains(AccountIndex.normalise(password))) {
            problems.add(new AccountProblem("password", "password.common"));
        }
        if (!password.equals(repeat)) {
            problems.add(new AccountProblem("passwordRepeat", "passwordRepeat.mismatch"));
        }
    }

    /** The fields the tenant's registration form offers; anything else is refused (data minimisation). */
    static Set<String> offered(boolean termsOfUse, boolean minimumAge) {
        Set<String> offered = new java.util.HashSet<>(OFFERED);
        if (termsOfUse) {
            offered.addAll(TERMS);
        }
        if (minimumAge) {
            offered.add(AGE);
        }
        return Set.copyOf(offered);
    }

    /**
     * The minimum-age statement: {@code ADULT}, or {@code GUARDIAN_CONSENT} where the tenant accepts a
     * guardian's consent below the minimum age. The message takes the age as its argument.
     */
    static void age(String statement, boolean guardianConsent, List<AccountProblem> problems) {
        boolean valid = RegistrationForm.AgeConfirmation.ADULT.name().equals(statement)
                || guardianConsent && RegistrationForm.AgeConfirmation.GUARDIAN_CONSENT.name().equals(statement);
        if (!valid) {
            problems.add(new AccountProblem(AGE, guardianConsent ? "age.requiredOrGuardian" : "age.required"));
        }
    }

    static List<AccountProblem> notOffered(Set<String> sentFields, Set<String> offered) {
        List<AccountProblem> problems = new ArrayList<>();
        sentFields.stream().filter(name -> !offered.contains(name)).sorted()
                .forEach(name -> problems.add(new AccountProblem("form", "field.notOffered")));
        return problems.isEmpty() ? problems : List.of(problems.getFirst());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Set<String> load() {
        try (InputStream in = AccountRules.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(AccountIndex::normalise)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
