package de.amtsraum.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Citizen accounts through the pages, as a browser without JavaScript uses them. */
public final class AccountFixtures {

    public static final String PASSWORD = "Sonnenblumen am Neckar 7";

    private AccountFixtures() {
    }

    public static Map<String, String> registration(String registerPage, String username, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("noticeVersion", hidden(registerPage, "noticeVersion"));
        fields.put("username", username);
        fields.put("email", email);
        fields.put("phone", "09561 514-0");
        fields.put("password", PASSWORD);
        fields.put("passwordRepeat", PASSWORD);
        fields.put("consent", "on");
        return fields;
    }

    /** Registers through the form; returns the page after the redirect. */
    public static HttpResponse<String> register(PageClient browser, String tenant, String username, String email) {
        HttpResponse<String> form = browser.get("/" + tenant + "/konto/registrieren");
        assertThat(form.statusCode()).isEqualTo(200);
        return browser.post("/" + tenant + "/konto/registrieren", PageClient.csrf(form.body()),
                registration(form.body(), username, email));
    }

    /** Opens the mailed verification link and presses the button. */
    public static HttpResponse<String> verify(PageClient browser, Path mail, String tenant, String email) {
        String token = token(mail, email, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
        HttpResponse<String> page = browser.get("/" + tenant + "/konto/bestaetigen?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        return browser.post("/" + tenant + "/konto/bestaetigen", PageClient.csrf(page.body()), Map.of("token", token));
    }

    public static HttpResponse<String> login(PageClient browser, String tenant, String username, String password) {
        HttpResponse<String> form = browser.get("/" + tenant + "/konto/anmelden");
        assertThat(form.statusCode()).isEqualTo(200);
        return browser.post("/" + tenant + "/konto/anmelden", PageClient.csrf(form.body()),
                Map.of("username", username, "password", password));
    }

    /** Registered, verified, not logged in. */
    public static void verifiedAccount(PageClient browser, Path mail, String tenant, String username, String email) {
        assertThat(register(browser, tenant, username, email).uri().getPath()).isEqualTo("/" + tenant + "/konto/registriert");
        assertThat(verify(browser, mail, tenant, email).body()).contains("Ihre E-Mail-Adresse ist bestätigt");
    }

    public static String token(Path mail, String email, String subjectStart) {
        var message = BookingFixtures.mailWithSubject(mail, email, subjectStart).orElseThrow(
                () -> new AssertionError("no mail '" + subjectStart + "'"));
        return BookingFixtures.parameter(BookingFixtures.text(message), "token").orElseThrow();
    }

    public static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden " + name).isTrue();
        return matcher.group(1);
    }

    /** A fresh name with the prefix (unique per test run). */
    public static String unique(String prefix) {
        return prefix + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** The read-model row of the tenant whose sealed username opens to this name. */
    public static java.util.Map<String, Object> row(org.springframework.jdbc.core.JdbcTemplate jdbc,
                                                    de.amtsraum.privacy.PersonalDataCipher cipher, String tenant,
                                                    String username) {
        return jdbc.queryForList("select * from citizen_account where tenant_id = ?", tenant).stream()
                .filter(r -> username.equals(cipher.open(tenant, (String) r.get("subject_id"), "username",
                        (String) r.get("username"))))
                .findFirst().orElseThrow(() -> new AssertionError("no account " + username));
    }
}
