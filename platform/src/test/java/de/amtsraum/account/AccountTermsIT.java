package de.amtsraum.account;

import static de.amtsraum.support.AccountFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.AccountFixtures;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.ManifestFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Terms of use and minimum age on citizen accounts. None of the repository's tenants has both
 * accounts and terms, so each test onboards a copy of Coburg through the operator API with terms of
 * use, minimum age 18 and a guardian's consent below it.
 */
@PlatformTest
class AccountTermsIT {

    private static final String TERMS = "# Nutzungsbedingungen\n\nDas Konto dient der Online-Beratung.\n";
    private static final String NEW_TERMS = TERMS + "\n## Neu\n\nBeratungen werden nicht aufgezeichnet.\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    PersonalDataCipher cipher;

    Api api;
    PageClient browser;
    Path mail;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        browser = new PageClient(port);
        mail = runtime.resolve("mail");
        clock.advance(Duration.ofMinutes(31));
    }

    /** Onboards (or changes) a Coburg copy with terms of use and minimum age; returns the terms' version. */
    private String onboard(String tenant, String terms) {
        String body = ManifestFixtures.requestBody("coburg", tenant, manifest -> {
            manifest.put("name", "Testbehörde " + tenant);
            ObjectNode features = (ObjectNode) manifest.get("features");
            features.put("termsOfUse", true);
            features.put("minimumAge", 18);
            features.put("guardianConsentBelowMinimumAge", true);
            ((ObjectNode) manifest.get("texts")).put("termsOfUse", terms);
        });
        var response = api.put("/api/v1/operator/tenants/" + tenant, api.token("operator-dev", "dev"),
                "application/json", body);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return version(terms);
    }

    private static String version(String terms) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(terms.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int accounts(String tenant) {
        return jdbc.queryForObject("select count(*) from citizen_account where tenant_id = ?", Integer.class, tenant);
    }

    private int accountEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%account.Citizen%'",
                Integer.class);
    }

    @Test
    void registrationAsksTermsAndAgeAndRecordsTheVersionPlainAndTheAgeSealed() {
        String version = onboard("rodach", TERMS);
        int rows = accounts("rodach");
        int events = accountEvents();

        HttpResponse<String> form = browser.get("/rodach/konto/registrieren");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("href=\"/rodach/nutzungsbedingungen\"", "(Fassung " + version + ")",
                "name=\"termsVersion\" value=\"" + version + "\"", "Ich bin mindestens 18 Jahre alt.",
                "eine sorgeberechtigte Person ist mit der Nutzung des Kontos einverstanden");
        String csrf = PageClient.csrf(form.body());
        String username = AccountFixtures.unique("terms");
        String email = username + "@example.org";

        // Neither terms nor age: German messages, nothing stored.
        HttpResponse<String> missing = browser.post("/rodach/konto/registrieren", csrf,
                AccountFixtures.registration(form.body(), username, email));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Bitte akzeptieren Sie die Nutzungsbedingungen.",
                "Bitte bestätigen Sie, dass Sie mindestens 18 Jahre alt sind oder eine sorgeberechtigte Person einverstanden ist.",
                "href=\"#ageConfirmation\"", "href=\"#termsAccepted\"");

        // An age statement the form does not offer.
        Map<String, String> odd = withTermsAndAge(form.body(), username, email, version, "CHILD");
        HttpResponse<String> oddAge = browser.post("/rodach/konto/registrieren", csrf, odd);
        assertThat(oddAge.statusCode()).isEqualTo(422);
        assertThat(oddAge.body()).contains("mindestens 18 Jahre alt");

        // The terms changed while the form was open: a clear message, nothing stored, the box unticked.
        Map<String, String> stale = withTermsAndAge(form.body(), username, email, "0123456789ab", "ADULT");
        HttpResponse<String> staleTerms = browser.post("/rodach/konto/registrieren", csrf, stale);
        assertThat(staleTerms.statusCode()).isEqualTo(409);
        assertThat(staleTerms.body()).contains("Die Nutzungsbedingungen haben sich inzwischen geändert.",
                "name=\"termsVersion\" value=\"" + version + "\"");
        assertThat(staleTerms.body()).doesNotContainPattern("id=\"termsAccepted\"[^>]*checked");

        assertThat(accounts("rodach")).isEqualTo(rows);
        assertThat(accountEvents()).isEqualTo(events);
        assertThat(BookingFixtures.mailTo(mail, email)).isEmpty();

        // With both: registered, the version recorded in plain, the age statement sealed.
        HttpResponse<String> done = browser.post("/rodach/konto/registrieren", csrf,
                withTermsAndAge(form.body(), username, email, version, "GUARDIAN_CONSENT"));
        assertThat(done.uri().getPath()).isEqualTo("/rodach/konto/registriert");
        Map<String, Object> row = AccountFixtures.row(jdbc, cipher, "rodach", username);
        assertThat(row.get("terms_version")).isEqualTo(version);
        assertThat(row.get("terms_accepted_at")).isNotNull();
        String age = (String) row.get("age_confirmation");
        assertThat(age).startsWith("ar1:registration-data:").doesNotContain("GUARDIAN");
        assertThat(cipher.open("rodach", (String) row.get("subject_id"), "ageConfirmation", age))
                .isEqualTo("GUARDIAN_CONSENT");

        List<String> payloads = jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, row.get("account_id")).stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
        assertThat(payloads.getFirst()).contains("\"termsVersion\":\"" + version + "\"")
                .contains("\"ageConfirmation\":\"ar2:registration-data:")
                .doesNotContain("GUARDIAN_CONSENT").doesNotContain("ADULT");
    }

    @Test
    void aNewVersionOfTheTermsAsksAgainBeforeTheAccountCanBeUsed() {
        String first = onboard("ebern", TERMS);
        String username = AccountFixtures.unique("wieder");
        String email = username + "@example.org";
        HttpResponse<String> form = browser.get("/ebern/konto/registrieren");
        assertThat(browser.post("/ebern/konto/registrieren", PageClient.csrf(form.body()),
                withTermsAndAge(form.body(), username, email, first, "ADULT")).uri().getPath())
                .isEqualTo("/ebern/konto/registriert");
        assertThat(AccountFixtures.verify(browser, mail, "ebern", email).body()).contains("Ihre E-Mail-Adresse ist bestätigt");
        HttpResponse<String> overview = AccountFixtures.login(browser, "ebern", username, PASSWORD);
        assertThat(overview.uri().getPath()).isEqualTo("/ebern/konto");
        // Nothing to accept: the acceptance page leads back to the overview.
        assertThat(browser.get("/ebern/konto/nutzungsbedingungen-akzeptieren").uri().getPath()).isEqualTo("/ebern/konto");

        String second = onboard("ebern", NEW_TERMS);
        assertThat(second).isNotEqualTo(first);

        // Every account page leads to the acceptance page, in German …
        for (String page : List.of("/ebern/konto", "/ebern/konto/registrieren", "/ebern/konto/anmelden")) {
            HttpResponse<String> sent = browser.get(page);
            assertThat(sent.uri().getPath()).as(page).isEqualTo("/ebern/konto/nutzungsbedingungen-akzeptieren");
        }
        HttpResponse<String> ask = browser.get("/ebern/konto");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Neue Nutzungsbedingungen", "Fassung " + second,
                "Beratungen werden nicht aufgezeichnet.", "Nicht zustimmen und abmelden")
                .doesNotContain(email);
        // … or in English; closing the account is not held back.
        assertThat(browser.get("/ebern/konto/nutzungsbedingungen-akzeptieren?lang=en").body())
                .contains("New terms of use", "Accept and continue");
        assertThat(browser.get("/ebern/konto/schliessen?lang=de").uri().getPath()).isEqualTo("/ebern/konto/schliessen");

        String csrf = PageClient.csrf(ask.body());
        HttpResponse<String> unticked = browser.post("/ebern/konto/nutzungsbedingungen-akzeptieren", csrf,
                Map.of("termsVersion", second));
        assertThat(unticked.statusCode()).isEqualTo(422);
        assertThat(unticked.body()).contains("Bitte akzeptieren Sie die Nutzungsbedingungen.");
        HttpResponse<String> stale = browser.post("/ebern/konto/nutzungsbedingungen-akzeptieren", csrf,
                Map.of("termsVersion", first, "termsAccepted", "on"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Die Nutzungsbedingungen haben sich inzwischen geändert.");
        assertThat(browser.post("/ebern/konto/nutzungsbedingungen-akzeptieren", null,
                Map.of("termsVersion", second, "termsAccepted", "on")).statusCode()).isEqualTo(403);
        assertThat(AccountFixtures.row(jdbc, cipher, "ebern", username).get("terms_version")).isEqualTo(first);

        HttpResponse<String> accepted = browser.post("/ebern/konto/nutzungsbedingungen-akzeptieren", csrf,
                Map.of("termsVersion", second, "termsAccepted", "on"));
        assertThat(accepted.uri().getPath()).isEqualTo("/ebern/konto");
        assertThat(accepted.body()).contains("Ihr Konto", username);
        Map<String, Object> row = AccountFixtures.row(jdbc, cipher, "ebern", username);
        assertThat(row.get("terms_version")).isEqualTo(second);
        assertThat(jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%CitizenTermsAccepted'", byte[].class, row.get("account_id")))
                .singleElement().satisfies(p -> assertThat(new String(p, StandardCharsets.UTF_8)).contains(second));

        // A new login goes straight to the overview.
        browser.post("/ebern/konto/abmelden", PageClient.csrf(accepted.body()), Map.of());
        assertThat(AccountFixtures.login(browser, "ebern", username, PASSWORD).uri().getPath()).isEqualTo("/ebern/konto");
    }

    @Test
    void decliningLeavesTheCitizenSignedOutAndAsksAgainAtTheNextLogin() {
        String first = onboard("sesslach", TERMS);
        String username = AccountFixtures.unique("nein");
        String email = username + "@example.org";
        HttpResponse<String> form = browser.get("/sesslach/konto/registrieren");
        browser.post("/sesslach/konto/registrieren", PageClient.csrf(form.body()),
                withTermsAndAge(form.body(), username, email, first, "ADULT"));
        AccountFixtures.verify(browser, mail, "sesslach", email);
        onboard("sesslach", NEW_TERMS);
        HttpResponse<String> ask = AccountFixtures.login(browser, "sesslach", username, PASSWORD);
        assertThat(ask.uri().getPath()).isEqualTo("/sesslach/konto/nutzungsbedingungen-akzeptieren");

        // Declining is logging out: nothing is recorded, and the account stays unusable until accepted.
        HttpResponse<String> out = browser.post("/sesslach/konto/abmelden", PageClient.csrf(ask.body()), Map.of());
        assertThat(out.body()).contains("Sie sind abgemeldet.");
        assertThat(browser.get("/sesslach/konto").uri().getPath()).isEqualTo("/sesslach/konto/anmelden");
        assertThat(AccountFixtures.row(jdbc, cipher, "sesslach", username).get("terms_version")).isEqualTo(first);
        assertThat(AccountFixtures.login(browser, "sesslach", username, PASSWORD).uri().getPath())
                .isEqualTo("/sesslach/konto/nutzungsbedingungen-akzeptieren");
    }

    @Test
    void termsAndAgeArePartOfNoOtherTenantsRegistration() {
        int rows = accounts("heilbronn");
        HttpResponse<String> form = browser.get("/heilbronn/konto/registrieren");
        assertThat(form.body()).doesNotContain("name=\"termsVersion\"").doesNotContain("name=\"ageConfirmation\"")
                .doesNotContain("Nutzungsbedingungen");
        String csrf = PageClient.csrf(form.body());
        String username = AccountFixtures.unique("ohne");
        for (Map<String, String> extra : List.of(Map.of("termsAccepted", "on"), Map.of("termsVersion", "0123456789ab"),
                Map.of("ageConfirmation", "ADULT"))) {
            Map<String, String> fields = AccountFixtures.registration(form.body(), username, username + "@example.org");
            fields.putAll(extra);
            HttpResponse<String> refused = browser.post("/heilbronn/konto/registrieren", csrf, fields);
            assertThat(refused.statusCode()).as(extra.toString()).isEqualTo(422);
            assertThat(refused.body()).contains("Das Formular enthielt Angaben, die wir hier nicht abfragen.");
        }
        assertThat(accounts("heilbronn")).isEqualTo(rows);
        assertThat(BookingFixtures.mailTo(mail, username + "@example.org")).isEmpty();
        // Registration there records neither.
        assertThat(AccountFixtures.register(browser, "heilbronn", username, username + "@example.org").uri().getPath())
                .isEqualTo("/heilbronn/konto/registriert");
        Map<String, Object> row = AccountFixtures.row(jdbc, cipher, "heilbronn", username);
        assertThat(row.get("terms_version")).isNull();
        assertThat(row.get("age_confirmation")).isNull();
    }

    private static Map<String, String> withTermsAndAge(String page, String username, String email, String version,
                                                       String age) {
        Map<String, String> fields = new LinkedHashMap<>(AccountFixtures.registration(page, username, email));
        fields.put("termsVersion", version);
        fields.put("termsAccepted", "on");
        fields.put("ageConfirmation", age);
        return fields;
    }
}
