package de.amtsraum.account;

import static de.amtsraum.support.AccountFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.AccountFixtures;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Citizen accounts through the pages without JavaScript: registration, verification, login, reset, closure. */
@PlatformTest
class AccountPageIT {

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
    @Autowired
    RetentionDeadlines deadlines;

    PageClient browser;
    Path mail;

    @BeforeEach
    void setUp() {
        browser = new PageClient(port);
        mail = runtime.resolve("mail");
        // Every test starts outside the failure window of the ones before (all come from 127.0.0.1).
        clock.advance(Duration.ofMinutes(31));
    }

    private int accounts() {
        return jdbc.queryForObject("select count(*) from citizen_account", Integer.class);
    }

    private int accountEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%CitizenAccount%'",
                Integer.class);
    }

    @Test
    void registrationRefusesBadInputWithGermanMessagesAndStoresNothing() {
        int rows = accounts();
        int events = accountEvents();
        HttpResponse<String> form = browser.get("/heilbronn/konto/registrieren");
        assertThat(form.body()).contains("Konto anlegen", "Benutzername", "E-Mail-Adresse", "Mindestens 12 Zeichen")
                .doesNotContainPattern("<script").doesNotContainPattern("(src|href)=\"(https?:)?//");
        String csrf = PageClient.csrf(form.body());

        Map<String, String> weak = new java.util.LinkedHashMap<>(AccountFixtures.registration(form.body(), "a b", "kein-at"));
        weak.put("password", "kurz");
        weak.put("passwordRepeat", "anders");
        weak.remove("consent");
        HttpResponse<String> refused = browser.post("/heilbronn/konto/registrieren", csrf, weak);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Bitte prüfen Sie Ihre Angaben",
                "Der Benutzername muss 3 bis 40 Zeichen lang sein",
                "Bitte geben Sie eine gültige E-Mail-Adresse an",
                "Das Passwort ist zu kurz: Es muss mindestens 12 Zeichen lang sein.",
                "Die beiden Passwörter stimmen nicht überein.",
                "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise", "aria-invalid=\"true\"")
                .doesNotContain("value=\"kurz\"");

        String username = AccountFixtures.unique("erika");
        Map<String, String> containsName = AccountFixtures.registration(form.body(), username, username + "@example.org");
        containsName.put("password", "xx" + username.toUpperCase() + "2025!");
        containsName.put("passwordRepeat", containsName.get("password"));
        assertThat(browser.post("/heilbronn/konto/registrieren", csrf, containsName).body())
                .contains("Das Passwort darf Ihren Benutzernamen nicht enthalten.");

        Map<String, String> common = AccountFixtures.registration(form.body(), username, username + "@example.org");
        common.put("password", "Passwort1234");
        common.put("passwordRepeat", "Passwort1234");
        assertThat(browser.post("/heilbronn/konto/registrieren", csrf, common).body())
                .contains("Dieses Passwort ist sehr verbreitet und leicht zu erraten.");

        Map<String, String> notOffered = AccountFixtures.registration(form.body(), username, username + "@example.org");
        notOffered.put("birthDate", "1980-05-17");
        HttpResponse<String> extra = browser.post("/heilbronn/konto/registrieren", csrf, notOffered);
        assertThat(extra.statusCode()).isEqualTo(422);
        assertThat(extra.body()).contains("Das Formular enthielt Angaben, die wir hier nicht abfragen.");

        assertThat(accounts()).isEqualTo(rows);
        assertThat(accountEvents()).isEqualTo(events);
        assertThat(BookingFixtures.mailTo(mail, username + "@example.org")).isEmpty();

        assertThat(AccountFixtures.register(browser, "heilbronn", username, username + "@example.org").uri().getPath())
                .isEqualTo("/heilbronn/konto/registriert");
        HttpResponse<String> again = browser.get("/heilbronn/konto/registrieren");
        HttpResponse<String> taken = browser.post("/heilbronn/konto/registrieren", PageClient.csrf(again.body()),
                AccountFixtures.registration(again.body(), username.toUpperCase(), "zweite-" + username + "@example.org"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Dieser Benutzername ist bereits vergeben.");
        assertThat(accounts()).isEqualTo(rows + 1);
    }

    @Test
    void loginOnlyAfterVerificationWithANewSessionAndLogout() {
        String username = AccountFixtures.unique("max");
        String email = username + "@example.org";
        AccountFixtures.register(browser, "heilbronn", username, email);

        HttpResponse<String> early = AccountFixtures.login(browser, "heilbronn", username, PASSWORD);
        assertThat(early.uri().getPath()).isEqualTo("/heilbronn/konto/anmelden");
        assertThat(early.body()).contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse");

        HttpResponse<String> verified = AccountFixtures.verify(browser, mail, "heilbronn", email);
        assertThat(verified.body()).contains("Ihre E-Mail-Adresse ist bestätigt");

        HttpResponse<String> wrong = AccountFixtures.login(browser, "heilbronn", username, "falsches Passwort 123");
        assertThat(wrong.body()).contains("Benutzername oder Passwort ist falsch.");

        String sessionBefore = browser.cookies.get("amtsraum_session");
        HttpResponse<String> overview = AccountFixtures.login(browser, "heilbronn", username, PASSWORD);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.uri().getPath()).isEqualTo("/heilbronn/konto");
        assertThat(overview.body()).contains("Ihr Konto", username, email, "Abmelden");
        assertThat(browser.cookies.get("amtsraum_session")).as("new session id at login").isNotEqualTo(sessionBefore);
        assertThat(browser.cookies.keySet()).containsOnly("amtsraum_session");
        assertThat(browser.setCookieHeaders).allSatisfy(header -> assertThat(header)
                .startsWith("amtsraum_session=").contains("HttpOnly", "Secure", "SameSite=Strict"));

        // The session is the tenant's: another tenant's account pages ask for their own login.
        assertThat(browser.get("/coburg/konto").uri().getPath()).isEqualTo("/coburg/konto/anmelden");

        HttpResponse<String> loggedOut = browser.post("/heilbronn/konto/abmelden", PageClient.csrf(overview.body()), Map.of());
        assertThat(loggedOut.body()).contains("Sie sind abgemeldet.");
        assertThat(browser.get("/heilbronn/konto").uri().getPath()).isEqualTo("/heilbronn/konto/anmelden");

        // Without a CSRF token the login form is refused.
        assertThat(browser.post("/heilbronn/konto/anmelden", null, Map.of("username", username, "password", PASSWORD))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void lockoutPerAccountDoesNotTellWhetherTheNameExistsAndEnds() {
        String username = AccountFixtures.unique("lock");
        AccountFixtures.verifiedAccount(browser, mail, "heilbronn", username, username + "@example.org");
        for (int i = 0; i < 5; i++) {
            assertThat(AccountFixtures.login(browser, "heilbronn", username, "falsch falsch " + i).body())
                    .contains("Benutzername oder Passwort ist falsch.");
        }
        HttpResponse<String> locked = AccountFixtures.login(browser, "heilbronn", username, PASSWORD);
        assertThat(locked.uri().getPath()).isEqualTo("/heilbronn/konto/anmelden");
        assertThat(locked.body()).contains("vorübergehend gesperrt", "in 15 Minuten");

        clock.advance(Duration.ofMinutes(14));
        assertThat(AccountFixtures.login(browser, "heilbronn", username, PASSWORD).body()).contains("vorübergehend gesperrt");
        clock.advance(Duration.ofMinutes(2));
        assertThat(AccountFixtures.login(browser, "heilbronn", username, PASSWORD).uri().getPath())
                .isEqualTo("/heilbronn/konto");

        // A name without an account behaves the same: five failures lock it, with the same words.
        String nobody = AccountFixtures.unique("niemand");
        PageClient other = new PageClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(AccountFixtures.login(other, "coburg", nobody, "falsch falsch " + i).body())
                    .contains("Benutzername oder Passwort ist falsch.");
        }
        assertThat(AccountFixtures.login(other, "coburg", nobody, PASSWORD).body())
                .contains("Die Anmeldung ist wegen zu vieler fehlgeschlagener Versuche vorübergehend gesperrt.");
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where tenant_id = 'coburg' and outcome = 'LOCKED'"
                + " and account_subject is null", Integer.class)).isPositive();
    }

    @Test
    void lockoutPerAddressCoversEveryNameFromIt() {
        String username = AccountFixtures.unique("adresse");
        AccountFixtures.verifiedAccount(browser, mail, "coburg", username, username + "@example.org");
        for (int i = 0; i < 10; i++) {
            AccountFixtures.login(browser, "coburg", AccountFixtures.unique("raten"), "falsch falsch falsch");
        }
        assertThat(AccountFixtures.login(browser, "coburg", username, PASSWORD).body()).contains("vorübergehend gesperrt");
        clock.advance(Duration.ofMinutes(16));
        assertThat(AccountFixtures.login(browser, "coburg", username, PASSWORD).uri().getPath()).isEqualTo("/coburg/konto");
        List<Map<String, Object>> attempts = jdbc.queryForList(
                "select ip_address, browser, operating_system, account_key from login_attempt where tenant_id = 'coburg'");
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.get("ip_address")).isEqualTo("127.0.0.0");
            assertThat((String) a.get("account_key")).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void passwordResetByMailedLinkOnceAndOnlyForItsTenant() {
        String username = AccountFixtures.unique("reset");
        String email = username + "@example.org";
        AccountFixtures.verifiedAccount(browser, mail, "heilbronn", username, email);

        HttpResponse<String> forgot = browser.get("/heilbronn/konto/passwort-vergessen");
        HttpResponse<String> invalid = browser.post("/heilbronn/konto/passwort-vergessen", PageClient.csrf(forgot.body()),
                Map.of("email", "kein-at"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        HttpResponse<String> unknown = browser.post("/heilbronn/konto/passwort-vergessen", PageClient.csrf(forgot.body()),
                Map.of("email", "unbekannt-" + email));
        HttpResponse<String> sent = browser.post("/heilbronn/konto/passwort-vergessen", PageClient.csrf(forgot.body()),
                Map.of("email", email.toUpperCase()));
        assertThat(sent.body()).isEqualTo(unknown.body()).contains("Wenn zu dieser Adresse ein bestätigtes Konto besteht");
        String token = AccountFixtures.token(mail, email, "Neues Passwort");

        assertThat(browser.get("/coburg/konto/passwort-neu?token=" + token).statusCode()).isEqualTo(400);
        String forged = forge(token);
        HttpResponse<String> forgedPage = browser.get("/heilbronn/konto/passwort-neu?token=" + forged);
        assertThat(forgedPage.statusCode()).isEqualTo(400);
        assertThat(forgedPage.body()).contains("Dieser Link ist ungültig oder abgelaufen.");

        HttpResponse<String> form = browser.get("/heilbronn/konto/passwort-neu?token=" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> weak = browser.post("/heilbronn/konto/passwort-neu", PageClient.csrf(form.body()),
                Map.of("token", token, "password", "zu kurz", "passwordRepeat", "zu kurz"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("Das Passwort ist zu kurz");
        String fresh = "Neue Wolken über Heilbronn 42";
        HttpResponse<String> changed = browser.post("/heilbronn/konto/passwort-neu", PageClient.csrf(form.body()),
                Map.of("token", token, "password", fresh, "passwordRepeat", fresh));
        assertThat(changed.body()).contains("Ihr neues Passwort ist gespeichert.");
        HttpResponse<String> reused = browser.post("/heilbronn/konto/passwort-neu", PageClient.csrf(form.body()),
                Map.of("token", token, "password", fresh + "!", "passwordRepeat", fresh + "!"));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("Dieser Link ist ungültig oder abgelaufen.");

        assertThat(AccountFixtures.login(new PageClient(port), "heilbronn", username, PASSWORD).body())
                .contains("Benutzername oder Passwort ist falsch.");
        assertThat(AccountFixtures.login(new PageClient(port), "heilbronn", username, fresh).uri().getPath())
                .isEqualTo("/heilbronn/konto");

        // A link older than an hour is refused.
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> again = browser.get("/heilbronn/konto/passwort-vergessen");
        browser.post("/heilbronn/konto/passwort-vergessen", PageClient.csrf(again.body()), Map.of("email", email));
        String later = AccountFixtures.token(mail, email, "Neues Passwort");
        assertThat(later).isNotEqualTo(token);
        clock.advance(Duration.ofMinutes(61));
        assertThat(browser.get("/heilbronn/konto/passwort-neu?token=" + later).body())
                .contains("Dieser Link ist ungültig oder abgelaufen.");
    }

    /** The same payload with its signature's first character changed. */
    private static String forge(String token) {
        int dot = token.indexOf('.');
        char first = token.charAt(dot + 1);
        return token.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + token.substring(dot + 2);
    }

    @Test
    void closureStartsTheRetentionRulesAndEndsLogin() {
        String username = AccountFixtures.unique("schluss");
        String email = username + "@example.org";
        AccountFixtures.verifiedAccount(browser, mail, "coburg", username, email);
        HttpResponse<String> overview = AccountFixtures.login(browser, "coburg", username, PASSWORD);
        assertThat(overview.uri().getPath()).isEqualTo("/coburg/konto");
        Map<String, Object> row = AccountFixtures.row(jdbc, cipher, "coburg", username);
        String subject = (String) row.get("subject_id");

        HttpResponse<String> closePage = browser.get("/coburg/konto/schliessen");
        assertThat(closePage.body()).contains("Konto schließen", username);
        HttpResponse<String> wrong = browser.post("/coburg/konto/schliessen", PageClient.csrf(closePage.body()),
                Map.of("password", "nicht das Passwort"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Das Passwort ist falsch.");
        HttpResponse<String> closed = browser.post("/coburg/konto/schliessen", PageClient.csrf(closePage.body()),
                Map.of("password", PASSWORD));
        assertThat(closed.body()).contains("Ihr Konto ist geschlossen");
        assertThat(BookingFixtures.mailWithSubject(mail, email, "Ihr Konto ist geschlossen")).isPresent();
        assertThat(browser.get("/coburg/konto").uri().getPath()).isEqualTo("/coburg/konto/anmelden");
        assertThat(AccountFixtures.login(browser, "coburg", username, PASSWORD).body())
                .contains("Benutzername oder Passwort ist falsch.");

        assertThat(jdbc.queryForList("select category_id from retention_deadline where tenant_id = 'coburg' and subject_id = ?"
                + " and trigger = 'ACCOUNT_CLOSED'", String.class, subject))
                .contains("registration-data", "registration-email");
        deadlines.runDue();
        Map<String, Object> shredded = jdbc.queryForMap("select * from citizen_account where subject_id = ?", subject);
        assertThat(shredded.get("status")).isEqualTo("CLOSED");
        for (String column : List.of("username", "email", "phone", "password_hash")) {
            assertThat(shredded.get(column)).as(column).isEqualTo(Redaction.VALUE);
        }
        assertThat(shredded.get("username_index")).isNull();
        assertThat(shredded.get("email_index")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from subject_key where subject_id = ?", Integer.class, subject))
                .isZero();
        // The name is free again once the old account's data is gone.
        assertThat(AccountFixtures.register(new PageClient(port), "coburg", username, "neu-" + email).uri().getPath())
                .isEqualTo("/coburg/konto/registriert");
    }

    @Test
    void theDatabaseHoldsCiphertextOnlyAndStaffNeverSeeTheAddress() throws Exception {
        String username = AccountFixtures.unique("geheim");
        String email = username + "@example.org";
        AccountFixtures.verifiedAccount(browser, mail, "coburg", username, email);
        Map<String, Object> row = AccountFixtures.row(jdbc, cipher, "coburg", username);
        assertThat((String) row.get("username")).startsWith("ar1:registration-data:").doesNotContain(username);
        assertThat((String) row.get("phone")).startsWith("ar1:registration-data:");
        assertThat((String) row.get("password_hash")).startsWith("ar1:registration-data:").doesNotContain("argon2");
        assertThat((String) row.get("email")).startsWith("ar1:registration-email:").doesNotContain(username);
        assertThat((String) row.get("username_index")).matches("[0-9a-f]{64}");
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(username));

        List<byte[]> payloads = jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, row.get("account_id"));
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(2);
        for (byte[] payload : payloads) {
            String text = new String(payload, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(username).doesNotContain("09561").doesNotContain("$argon2");
        }
        assertThat(new String(payloads.getFirst(), StandardCharsets.UTF_8))
                .contains("ar2:registration-data:", "ar2:registration-email:");

        // No staff endpoint shows the address: every GET under the tenant with a staff token.
        Api api = new Api(port);
        String staff = api.token("coburg-dev", "dev");
        var document = api.get("/v3/api-docs").json();
        assertThat(document.toString()).doesNotContain("konto").doesNotContain("citizen-account");
        var paths = document.path("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            if (!document.path("paths").path(path).has("get") || !path.startsWith("/api/v1/tenants/{tenant}")) {
                continue;
            }
            String concrete = path.replace("{tenant}", "coburg").replaceAll("\\{[^}]+}", "x");
            assertThat(api.get(concrete, staff).body()).as(concrete).doesNotContain(email).doesNotContain(username);
        }
    }

    @Test
    void tenantsWithoutAccountsAnswerWithTheGermanNotFoundPage() {
        for (String path : List.of("/leer/konto/registrieren", "/leer/konto/anmelden", "/leer/konto",
                "/helbra/konto/passwort-vergessen", "/unbekannt/konto")) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Seite nicht gefunden");
        }
        HttpResponse<String> login = browser.get("/heilbronn/konto/anmelden");
        HttpResponse<String> post = browser.post("/leer/konto/anmelden", PageClient.csrf(login.body()),
                Map.of("username", "jemand", "password", PASSWORD));
        assertThat(post.statusCode()).isEqualTo(404);
    }

    @Test
    void pagesSpeakEnglishOnRequest() {
        HttpResponse<String> form = browser.get("/coburg/konto/registrieren?lang=en");
        assertThat(form.body()).contains("Create an account", "A pseudonym is enough", "Username");
        HttpResponse<String> refused = browser.post("/coburg/konto/registrieren", PageClient.csrf(form.body()),
                Map.of("username", "x"));
        assertThat(refused.body()).contains("Please check your entries", "The username must be 3 to 40 characters");
    }
}
