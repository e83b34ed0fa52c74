package de.amtsraum.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.identity.Totp;
import de.amtsraum.shared.CaseIds;
import de.amtsraum.support.Api;
import de.amtsraum.support.Browser;
import de.amtsraum.support.LiveKitServer;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import io.livekit.server.RoomServiceClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole call end to end in headless chromium (fake camera and microphone) against a real
 * livekit-server: the citizen waits on the page of the case's link; staff start the call and the
 * page shows it (SSE); the citizen accepts and joins through the real room fragment, staff join from
 * the staff call page; LiveKit's webhooks mark the call started; staff invite a guest, who waits
 * outside LiveKit; the citizen agrees and staff admit on their pages while staying in the room; the
 * guest joins; everyone sees everyone; all leave, LiveKit finishes the room, the call is ended as
 * COMPLETED and no row of the room is left.
 */
@PlatformTest
class VideoCallBrowserIT {

    private static LiveKitServer livekit;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    CallLinks links;

    final List<ChromeDriver> browsers = new ArrayList<>();
    RoomServiceClient server;

    @BeforeAll
    static void prepareServer() {
        livekit = LiveKitServer.prepare();
    }

    @DynamicPropertySource
    static void liveKit(DynamicPropertyRegistry registry) {
        registry.add("amtsraum.livekit.url", () -> livekit.url());
        registry.add("amtsraum.livekit.api-key", () -> livekit.apiKey());
        registry.add("amtsraum.livekit.api-secret", () -> livekit.apiSecret());
        registry.add("amtsraum.livekit.departure-timeout", () -> "PT2S");
    }

    @BeforeEach
    void startServer() throws Exception {
        livekit.start("http://127.0.0.1:" + port + "/api/v1/livekit/webhook");
        server = RoomServiceClient.createClient(livekit.url(), livekit.apiKey(), livekit.apiSecret());
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
        browsers.clear();
    }

    @AfterAll
    static void stopServer() {
        if (livekit != null) {
            livekit.close();
        }
    }

    @Test
    void staffCallCitizenAcceptsGuestIsAdmittedWithConsentAllLeaveAndTheCallEnds() throws Exception {
        Api api = new Api(port);
        String staffToken = api.token("coburg-dev", "dev");
        String caseId = CaseIds.random();

        ChromeDriver citizen = open(links.citizenPage("coburg", caseId, Duration.ofDays(1)));
        assertThat(text(citizen, "call-state")).contains("Noch kein Anruf");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN amtsraum_video_signal%'", Integer.class) > 0);

        Api.Response started = api.post("/api/v1/tenants/coburg/calls", staffToken, "application/json",
                "{\"caseId\":\"" + caseId + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String callId = started.json().get("callId").asText();

        // The signal reaches the open page: it shows the call without the citizen reloading.
        await().atMost(Duration.ofSeconds(20)).until(() -> !citizen.findElements(By.id("accept-call")).isEmpty());
        click(citizen, citizen.findElement(By.id("accept-call")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !citizen.findElements(By.id("prejoin")).isEmpty()
                && citizen.findElement(By.id("prejoin")).isDisplayed());
        join(citizen, "Erika Bürgerin");

        ChromeDriver staff = signedInStaff("/coburg/mitarbeiter/video/" + callId);
        assertThat(text(staff, "call-status")).isEqualTo("angenommen");
        join(staff, "Frau Amt");
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertThat(remoteNames(citizen)).containsExactly("Frau Amt");
            assertThat(remoteNames(staff)).containsExactly("Erika Bürgerin");
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> "IN_CALL".equals(status(api, staffToken, callId).get("status").asText()));

        // Staff create an invite on the page (sent by fetch: staff stay in the room).
        click(staff, staff.findElement(By.id("create-invite")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !staff.findElements(By.id("invite-link")).isEmpty());
        String invite = text(staff, "invite-link");
        assertThat(remoteNames(staff)).as("still in the room").containsExactly("Erika Bürgerin");

        ChromeDriver guest = open(invite);
        guest.findElement(By.id("display-name-input")).sendKeys("Dolmetscher Ali");
        click(guest, guest.findElement(By.cssSelector("form[action$='/video/gast'] button[type=submit]")));
        await().atMost(Duration.ofSeconds(10)).until(() -> text(guest, "guest-status").contains("Sie warten auf Zulassung"));
        assertThat(guest.findElements(By.id("prejoin"))).as("no room, no ticket while waiting").isEmpty();
        assertThat(guest.getPageSource()).doesNotContain("name=\"ticket\"");

        // The citizen's page asks (signal, in the room); the citizen agrees without leaving.
        await().atMost(Duration.ofSeconds(20)).until(() -> !citizen.findElements(By.cssSelector(".agree-guest")).isEmpty());
        assertThat(text(citizen, "call-state")).contains("Dolmetscher Ali");
        click(citizen, citizen.findElement(By.cssSelector(".agree-guest")));
        await().atMost(Duration.ofSeconds(20)).until(() -> text(staff, "staff-call-state").contains("Bürger/in hat zugestimmt"));
        // The staff region may be replaced by another signal's refresh right at the click (the button
        // then belongs to a detached copy): like a person, click again while the guest still waits.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<WebElement> admit = staff.findElements(By.cssSelector("form[action$='/zulassen'] button"));
            if (!admit.isEmpty()) {
                click(staff, admit.getFirst());
            }
            assertThat(status(api, staffToken, callId).get("guests").get(0).get("status").asText()).isEqualTo("ADMITTED");
        });

        // Admitted: the guest's page reloads on the signal and offers the room; the guest joins.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(guest.findElements(By.id("prejoin")))
                .as("guest page: %s; call: %s; staff: %s", text(guest, "guest-state"), status(api, staffToken, callId),
                        text(staff, "staff-call-state")).isNotEmpty());
        assertThat(text(guest, "guest-status")).contains("Sie sind zugelassen");
        join(guest, null);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertThat(remoteNames(guest)).containsExactlyInAnyOrder("Frau Amt", "Erika Bürgerin");
            assertThat(remoteNames(staff)).containsExactlyInAnyOrder("Erika Bürgerin", "Dolmetscher Ali");
            assertThat(remoteNames(citizen)).containsExactlyInAnyOrder("Frau Amt", "Dolmetscher Ali");
        });
        String room = jdbc.queryForObject("SELECT room_name FROM video_room WHERE call_id = ?", String.class, callId);

        for (ChromeDriver browser : List.of(guest, citizen, staff)) {
            click(browser, browser.findElement(By.id("leave")));
        }
        // Everyone left: LiveKit finishes the room after the departure timeout and tells the platform.
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            JsonNode call = status(api, staffToken, callId);
            assertThat(call.get("status").asText()).isEqualTo("ENDED");
            assertThat(call.get("outcome").asText()).isEqualTo("COMPLETED");
        });
        assertThat(server.listRooms(List.of(room)).execute().body()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT (SELECT count(*) FROM video_room WHERE call_id = ?)"
                + " + (SELECT count(*) FROM video_participant WHERE call_id = ?)"
                + " + (SELECT count(*) FROM video_guest WHERE call_id = ?)"
                + " + (SELECT count(*) FROM video_invite WHERE call_id = ?)", Integer.class, callId, callId, callId, callId))
                .as("no row of the room left").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%CallEnded'", Integer.class, callId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> text(citizen, "call-state").contains("Der Videoanruf ist beendet."));
        assertNoCspViolations(citizen, staff, guest);
    }

    private ChromeDriver open(String pathOrUrl) throws Exception {
        ChromeDriver browser = Browser.startWithMedia();
        browsers.add(browser);
        String url = pathOrUrl.startsWith("http") ? pathOrUrl.replace("127.0.0.1", "localhost")
                : "http://localhost:" + port + pathOrUrl;
        browser.get(url);
        return browser;
    }

    private ChromeDriver signedInStaff(String path) throws Exception {
        ChromeDriver browser = open(path);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/idp/login"));
        browser.findElement(By.id("username")).sendKeys("coburg.sachbearbeitung");
        browser.findElement(By.id("password")).sendKeys("dev-staff-2026");
        click(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/idp/totp"));
        browser.findElement(By.id("code")).sendKeys(Totp.code("JBSWY3DPEHPK3PXP", clock.instant().getEpochSecond()));
        click(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains(path));
        return browser;
    }

    /** Clicked like a user would (a DOM click, whatever the headless window's layout covers). */
    private static void click(ChromeDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                element);
    }

    private static void join(ChromeDriver browser, String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElement(By.id("prejoin")).isDisplayed());
        if (name != null) {
            WebElement input = browser.findElement(By.id("display-name"));
            input.clear();
            input.sendKeys(name);
        }
        click(browser, browser.findElement(By.id("join")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.findElement(By.id("call")).isDisplayed())
                .as("in the room; state: %s; error: %s; console: %s", text(browser, "room-state"), text(browser, "room-error"),
                        browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList())
                .isTrue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> remoteNames(ChromeDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#remote-media figure')].filter(t => { const v = t.querySelector('video');"
                        + " return v && v.videoWidth > 0 && !v.paused; }).map(t => t.querySelector('figcaption').textContent)");
    }

    private static String text(ChromeDriver browser, String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : ''", id));
    }

    private static JsonNode status(Api api, String token, String callId) {
        return api.get("/api/v1/tenants/coburg/calls/" + callId, token).json();
    }

    private static void assertNoCspViolations(ChromeDriver... browsers) {
        List<String> problems = new ArrayList<>();
        for (ChromeDriver browser : browsers) {
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Refused to")) {
                    problems.add(entry.getMessage());
                }
            }
        }
        assertThat(problems).as("CSP violations").isEmpty();
    }

}
