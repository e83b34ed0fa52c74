package de.amtsraum.booking;

import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.BookingField;
import de.amtsraum.tenancy.manifest.TenantManifest.BookingSettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a citizen enters to book, before validation; the same record serves the JSON API and the
 * HTML form. {@link #problems(BookingSettings, LocalDate)} checks it against the fields the tenant's
 * manifest asks for: required ones must be given, ones it does not collect must stay empty.
 *
 * @param privacyNoticeVersion the notice version the citizen was shown; when given it must be the current one
 * @param proofOfWork the solution of the bot challenge, where the tenant requires one
 * @param termsAccepted where the tenant has terms of use: the citizen accepts them
 * @param termsVersion the version of the terms shown; when given it must be the current one
 * @param ageConfirmation where the tenant sets a minimum age: {@code ADULT}, or {@code GUARDIAN_CONSENT}
 *                        where the tenant allows younger citizens with a guardian's consent
 */
public record BookingForm(String serviceId, OffsetDateTime start, String name, String email, String phone,
                          String concern, String address, String birthDate, Boolean consent,
                          String privacyNoticeVersion, String proofOfWork, Boolean termsAccepted,
                          String termsVersion, String ageConfirmation) {

    /** What a citizen states about the minimum age. */
    public enum AgeConfirmation { ADULT, GUARDIAN_CONSENT }

    public static final int MAX_NAME = 200;
    public static final int MAX_CONCERN = 2_000;
    public static final int MAX_ADDRESS = 300;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()/\\-]{5,30}$");

    /** A field and what is wrong with it, in German. */
    public record Problem(String field, String message) {
    }

    public BookingForm normalized() {
        return new BookingForm(trim(serviceId), start, trim(name),
                trim(email) == null ? null : trim(email).toLowerCase(Locale.ROOT), trim(phone), trim(concern),
                trim(address), trim(birthDate), consent, trim(privacyNoticeVersion), trim(proofOfWork), termsAccepted,
                trim(termsVersion), trim(ageConfirmation));
    }

    /**
     * The problems against the tenant's manifest: the fields its booking settings ask for, and, where
     * it has them, acceptance of the terms of use and the minimum-age statement.
     */
    public List<Problem> problems(TenantManifest manifest, LocalDate today) {
        List<Problem> problems = problems(manifest.booking(), today);
        TenantManifest.Features features = manifest.features();
        if (features.termsOfUse()) {
            if (!Boolean.TRUE.equals(termsAccepted)) {
                problems.add(new Problem("termsAccepted", "Bitte akzeptieren Sie die Nutzungsbedingungen."));
            }
        } else if (termsAccepted != null && termsAccepted) {
            problems.add(new Problem("termsAccepted", "Hier gelten keine eigenen Nutzungsbedingungen."));
        }
        Integer minimumAge = features.minimumAge();
        if (minimumAge == null) {
            if (ageConfirmation != null) {
                problems.add(new Problem("ageConfirmation", "Diese Angabe wird hier nicht erhoben. Bitte lassen Sie das Feld leer."));
            }
        } else if (!AgeConfirmation.ADULT.name().equals(ageConfirmation)
                && !(AgeConfirmation.GUARDIAN_CONSENT.name().equals(ageConfirmation)
                && Boolean.TRUE.equals(features.guardianConsentBelowMinimumAge()))) {
            problems.add(new Problem("ageConfirmation", Boolean.TRUE.equals(features.guardianConsentBelowMinimumAge())
                    ? "Bitte bestätigen Sie, dass Sie mindestens " + minimumAge
                            + " Jahre alt sind oder eine sorgeberechtigte Person einverstanden ist."
                    : "Bitte bestätigen Sie, dass Sie mindestens " + minimumAge + " Jahre alt sind."));
        }
        return problems;
    }

    public List<Problem> problems(BookingSettings settings, LocalDate today) {
        Set<BookingField> required = Set.copyOf(settings.requiredFields());
        Set<BookingField> optional = Set.copyOf(settings.optionalFields());
        List<Problem> problems = new ArrayList<>();
        if (serviceId == null) {
            problems.add(new Problem("serviceId", "Bitte wählen Sie eine Dienstleistung."));
        }
        if (start == null) {
            problems.add(new Problem("start", "Bitte wählen Sie einen Termin."));
        }
        check(problems, required, optional, BookingField.NAME, "name", name, "Bitte geben Sie Ihren Namen an.",
                MAX_NAME);
        check(problems, required, optional, BookingField.EMAIL, "email", email,
                "Bitte geben Sie Ihre E-Mail-Adresse an.", 254);
        if (email != null && email.length() <= 254 && !EMAIL.matcher(email).matches()) {
            problems.add(new Problem("email", "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.de."));
        }
        check(problems, required, optional, BookingField.PHONE, "phone", phone,
                "Bitte geben Sie Ihre Telefonnummer an.", 30);
        if (phone != null && phone.length() <= 30 && !PHONE.matcher(phone).matches()
                && (required.contains(BookingField.PHONE) || optional.contains(BookingField.PHONE))) {
            problems.add(new Problem("phone", "Bitte geben Sie eine Telefonnummer aus Ziffern an, z. B. 07131 994-0."));
        }
        check(problems, required, optional, BookingField.CONCERN, "concern", concern,
                "Bitte beschreiben Sie kurz Ihr Anliegen.", MAX_CONCERN);
        check(problems, required, optional, BookingField.ADDRESS, "address", address,
                "Bitte geben Sie Ihre Anschrift an.", MAX_ADDRESS);
        check(problems, required, optional, BookingField.BIRTH_DATE, "birthDate", birthDate,
                "Bitte geben Sie Ihr Geburtsdatum an.", 10);
        if (birthDate != null && (required.contains(BookingField.BIRTH_DATE)
                || optional.contains(BookingField.BIRTH_DATE)) && !plausibleBirthDate(birthDate, today)) {
            problems.removeIf(problem -> problem.field().equals("birthDate"));
            problems.add(new Problem("birthDate",
                    "Bitte geben Sie das Geburtsdatum als gültiges Datum in der Vergangenheit an (JJJJ-MM-TT)."));
        }
        if (!Boolean.TRUE.equals(consent)) {
            problems.add(new Problem("consent",
                    "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben und der Verarbeitung zustimmen."));
        }
        return problems;
    }

    private static boolean plausibleBirthDate(String value, LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(value);
            return date.isBefore(today) && date.getYear() >= 1900;
        } catch (DateTimeParseException malformed) {
            return false;
        }
    }

    private static void check(List<Problem> problems, Set<BookingField> required, Set<BookingField> optional,
                              BookingField kind, String field, String value, String missing, int max) {
        boolean asked = required.contains(kind) || optional.contains(kind);
        if (!asked) {
            if (value != null) {
                problems.add(new Problem(field, "Diese Angabe wird hier nicht erhoben. Bitte lassen Sie das Feld leer."));
            }
        } else if (value == null) {
            if (required.contains(kind)) {
                problems.add(new Problem(field, missing));
            }
        } else if (value.length() > max) {
            problems.add(new Problem(field, "Bitte kürzen Sie diese Angabe auf höchstens " + max + " Zeichen."));
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
