package de.amtsraum.contact;

import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.ContactField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a citizen enters, before validation. The same record serves the JSON API and the HTML form,
 * and {@link #problems(TenantManifest.ContactFormSettings)} gives both the same German messages,
 * checked against the fields the tenant's manifest asks for (PHONE is not offered by this form).
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

    /** The problems against the fields a tenant's manifest asks for. */
    public List<Problem> problems(TenantManifest.ContactFormSettings settings) {
        return problems(Set.copyOf(settings.requiredFields()), Set.copyOf(settings.optionalFields()));
    }

    /**
     * Checked against the tenant's manifest: required fields must be given, fields the tenant does not
     * collect must be empty (data minimisation: what the notice does not name is not accepted).
     */
    public List<Problem> problems(Set<ContactField> required, Set<ContactField> optional) {
        List<Problem> problems = new ArrayList<>();
        check(problems, required, optional, ContactField.LAST_NAME, "lastName", lastName,
                "Bitte geben Sie Ihren Nachnamen an.", MAX_NAME);
        check(problems, required, optional, ContactField.FIRST_NAME, "firstName", firstName,
                "Bitte geben Sie Ihren Vornamen an.", MAX_NAME);
        check(problems, required, optional, ContactField.EMAIL, "email", email,
                "Bitte geben Sie Ihre E-Mail-Adresse an.", 254);
        if (!blank(email) && email.length() <= 254 && !EMAIL.matcher(email).matches()) {
            problems.add(new Problem("email", "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.de."));
        }
        check(problems, required, optional, ContactField.REQUEST, "message", message,
                "Bitte schreiben Sie Ihr Anliegen.", MAX_MESSAGE);
        check(problems, required, optional, ContactField.STREET, "street", street, "Bitte geben Sie die Straße an.", 120);
        check(problems, required, optional, ContactField.HOUSE_NUMBER, "houseNumber", houseNumber,
                "Bitte geben Sie die Hausnummer an.", 20);
        check(problems, required, optional, ContactField.POSTAL_CODE, "postalCode", postalCode,
                "Bitte geben Sie die Postleitzahl an.", 5);
        if (!blank(postalCode) && !POSTAL_CODE.matcher(postalCode).matches()) {
            problems.removeIf(problem -> problem.field().equals("postalCode"));
            problems.add(new Problem("postalCode", "Die Postleitzahl besteht aus fünf Ziffern."));
        }
        check(problems, required, optional, ContactField.TOWN, "town", town, "Bitte geben Sie den Ort an.", MAX_NAME);
        if (!Boolean.TRUE.equals(consent)) {
            problems.add(new Problem("consent",
                    "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben und der Verarbeitung zustimmen."));
        }
        return problems;
    }

    private static void check(List<Problem> problems, Set<ContactField> required, Set<ContactField> optional,
                              ContactField kind, String field, String value, String missing, int max) {
        if (required.contains(kind)) {
            required(problems, field, value, missing, max);
        } else if (optional.contains(kind)) {
            optional(problems, field, value, max);
        } else if (!blank(value)) {
            problems.add(new Problem(field, "Diese Angabe wird hier nicht erhoben. Bitte lassen Sie das Feld leer."));
        }
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
