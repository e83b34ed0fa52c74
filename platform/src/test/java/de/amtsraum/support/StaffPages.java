package de.amtsraum.support;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.identity.Totp;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Staff sign-in on the staff pages (the embedded issuer's development staff user, password and TOTP). */
public final class StaffPages {

    private StaffPages() {
    }

    /** Opens a staff page, signs in as {@code <tenant>.sachbearbeitung} and returns the page. */
    public static HttpResponse<String> signedIn(PageClient browser, String tenant, String path, Clock clock) {
        HttpResponse<String> login = browser.get(path);
        assertThat(login.uri().getPath()).isEqualTo("/idp/login");
        HttpResponse<String> totp = browser.post("/idp/login", PageClient.csrf(login.body()),
                Map.of("username", tenant + ".sachbearbeitung", "password", "dev-staff-2026"));
        assertThat(totp.uri().getPath()).isEqualTo("/idp/totp");
        HttpResponse<String> page = browser.post("/idp/totp", PageClient.csrf(totp.body()),
                Map.of("code", Totp.code("JBSWY3DPEHPK3PXP", clock.instant().getEpochSecond())));
        assertThat(page.uri().getPath()).isEqualTo(path);
        return page;
    }

    /** The action of the form whose action ends with {@code endsWith}. */
    public static String formAction(String html, String endsWith) {
        Matcher matcher = Pattern.compile("action=\"([^\"]*" + Pattern.quote(endsWith) + ")\"").matcher(html);
        assertThat(matcher.find()).as("form " + endsWith).isTrue();
        return matcher.group(1);
    }

    /** The CSRF token of the form that posts to the action. */
    public static String csrfOf(String html, String action) {
        int at = html.indexOf("action=\"" + action + "\"");
        assertThat(at).as("form " + action).isPositive();
        return PageClient.csrf(html.substring(at));
    }
}
