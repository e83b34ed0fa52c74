package de.amtsraum.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a citizen enters, before validation. The same record serves the JSON API and the HTML form,
 * and {@link #problems()} gives both the same German messages.
 */
public record ContactForm(String lastName, String firstName, String email, String message, String street,
                          String houseNumber, String postalCode, String town, Boolean consent) {

    public static final int MAX_NAME = 100;
    public static final int MAX_MESSAGE = 5_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{5}$");

    /** A field and what is wrong with it, in German. */
    public record Problem(String field, String message) {
    }

    public ContactForm normalized() {
        return new ContactForm(trim(lastName), trim(firstName), trim(email) == null ? null
                : trim(email).toLowerCase(Locale.ROOT), trim(message), trim(street), trim(houseNumber),
                trim(postalCode), trim(town), consent);
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        required(problems, "lastName", lastName, "Bitte geben Sie Ihren Nachnamen an.", MAX_NAME);
        required(problems, "firstName", firstName, "Bitte geben Sie Ihren Vornamen an.", MAX_NAME);
        if (blank(email)) {
            problems.add(new Problem("email", "Bitte geben Sie Ihre E-Mail-Adresse an."));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new Problem("email", "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.de."));
        }
        required(problems, "message", message, "Bitte schreiben Sie Ihr Anliegen.", MAX_MESSAGE);
        optional(problems, "street", street, 120);
        optional(problems, "houseNumber", houseNumber, 20);
        if (!blank(postalCode) && !POSTAL_CODE.matcher(postalCode).matches()) {
            problems.add(new Problem("postalCode", "Die Postleitzahl besteht aus fünf Ziffern."));
        }
        optional(problems, "town", town, MAX_NAME);
        if (!Boolean.TRUE.equals(consent)) {
            problems.add(new Problem("consent",
                    "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben und der Verarbeitung zustimmen."));
        }
        return problems;
    }

    private static void required(List<Problem> problems, String field, String value, String missing, int max) {
        if (blank(value)) {
            problems.add(new Problem(field, missing));
        } else if (value.length() > max) {
            problems.add(new Problem(field, "Bitte kürzen Sie diese Angabe auf höchstens " + max + " Zeichen."));
        }
    }

    private static void optional(List<Problem> problems, String field, String value, int max) {
        if (!blank(value) && value.length() > max) {
            problems.add(new Problem(field, "Bitte kürzen Sie diese Angabe auf höchstens " + max + " Zeichen."));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
