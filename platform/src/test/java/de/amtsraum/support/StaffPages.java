package de.amtsraum.support;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.identity.Totp;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Staff pages without JavaScript: signing in at the embedded issuer, finding forms of a page. */
public final class StaffPages {

    private StaffPages() {
    }

    /**
     * Signs a staff member in at the tenant's embedded issuer (password, then TOTP) and returns the page
     * asked for, whatever its status (callers assert it).
     */
    public static HttpResponse<String> signedIn(PageClient browser, String tenant, String path, Clock clock) {
        return signedInAs(browser, tenant + ".sachbearbeitung", path, clock);
    }

    /** As {@link #signedIn}, as the embedded issuer's demo user named (e.g. {@code coburg.verwaltung}, a tenant admin). */
    public static HttpResponse<String> signedInAs(PageClient browser, String username, String path, Clock clock) {
        HttpResponse<String> login = browser.get(path);
        assertThat(login.uri().getPath()).isEqualTo("/idp/login");
        HttpResponse<String> totp = browser.post("/idp/login", PageClient.csrf(login.body()),
                Map.of("username", username, "password", "dev-staff-2026"));
        assertThat(totp.uri().getPath()).isEqualTo("/idp/totp");
        HttpResponse<String> page = browser.post("/idp/totp", PageClient.csrf(totp.body()),
                Map.of("code", Totp.code("JBSWY3DPEHPK3PXP", clock.instant().getEpochSecond())));
        assertThat(page.uri().getPath()).isEqualTo(path);
        return page;
    }

    /** The action of the page's form whose action ends so. */
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
