package de.amtsraum.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.site.TenantSite;
import de.amtsraum.support.Browser;
import de.amtsraum.support.LiveKitServer;
import de.amtsraum.support.PlatformTest;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The video room in the browser with real participants: several headless chromium sessions (fake
 * camera and microphone) on a test-only page that includes the room fragment, joining one room on a
 * real livekit-server. Each sees and hears the others under their display names, LiveKit's
 * {@code participant_joined} webhook reaches the platform, end-to-end encryption with the key from
 * the URL fragment keeps media flowing and is stated on the page, a participant without the key is
 * told the call is not end-to-end encrypted for them, the key never reaches any server, and after
 * everyone leaves the room empties and LiveKit finishes it. Skipped locally without chromium or
 * livekit-server; required in CI.
 *
 * <p>The call-flow pages (tickets, waiting room) are another part of issue 6; this test stands in for
 * them with {@link RoomTestPage}: a page with the fragment and a token endpoint answering the
 * contract's JSON, registered only in this test's context.
 */
@PlatformTest
@Import(VideoRoomBrowserIT.RoomTestPage.class)
class VideoRoomBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LiveKitServer livekit;

    @LocalServerPort
    int port;
    @Autowired
    Rooms rooms;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RequestLog requests;

    RoomServiceClient server;
    final List<ChromeDriver> browsers = new ArrayList<>();

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
    void participantsSeeAndHearEachOtherUnderTheirNamesAndTheRoomEmptiesWhenTheyLeave() throws Exception {
        VideoRoom room = rooms.create("coburg");
        double joinedBefore = webhooks("participant_joined");

        ChromeDriver anna = open(room, "");
        assertPrejoin(anna);
        rename(anna, "Anna Amt");
        join(anna);
        await().atMost(Duration.ofSeconds(20)).until(() -> text(anna, "room-state").equals("Sie sind im Videoraum."));
        assertThat(text(anna, "room-e2ee")).startsWith("Das Gespräch ist nicht Ende-zu-Ende-verschlüsselt.");
        assertThat(text(anna, "local-name")).isEqualTo("Anna Amt (Sie)");
        ChromeDriver bernd = open(room, "");
        rename(bernd, "Bernd Bürger");
        join(bernd);

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertSeesPlaying(anna, "Bernd Bürger");
            assertSeesPlaying(bernd, "Anna Amt");
        });
        assertThat(text(anna, "room-state")).isEqualTo("Bernd Bürger hat den Videoraum betreten.");
        assertHearsSomeone(anna);

        ChromeDriver clara = open(room, "");
        rename(clara, "Clara Dolmetscherin");
        join(clara);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertSeesPlaying(clara, "Anna Amt", "Bernd Bürger");
            assertSeesPlaying(anna, "Bernd Bürger", "Clara Dolmetscherin");
            assertSeesPlaying(bernd, "Anna Amt", "Clara Dolmetscherin");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(webhooks("participant_joined")).isGreaterThanOrEqualTo(joinedBefore + 3));
        assertThat(server.listParticipants(room.name()).execute().body()).hasSize(3);

        // Camera off during the call: the others see the "camera off" text instead of the picture.
        click(bernd, "toggle-camera");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(text(bernd, "toggle-camera")).isEqualTo("Kamera einschalten");
            assertThat(tileShowsCameraOff(anna, "Bernd Bürger")).isTrue();
        });
        click(bernd, "toggle-camera");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertSeesPlaying(anna, "Bernd Bürger", "Clara Dolmetscherin"));

        for (ChromeDriver browser : List.of(clara, bernd, anna)) {
            click(browser, "leave");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (ChromeDriver browser : List.of(anna, bernd, clara)) {
                assertThat(text(browser, "room-state")).isEqualTo("Sie haben den Videoraum verlassen.");
                assertThat(browser.findElement(By.id("prejoin")).isDisplayed()).isTrue();
            }
            assertThat(server.listParticipants(room.name()).execute().body()).isEmpty();
        });
        // Empty room: LiveKit closes it after the departure timeout and tells the platform (room_finished).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(server.listRooms(List.of(room.name())).execute().body()).isEmpty());
        assertNoConsoleProblems(anna, bernd, clara);
    }

    @Test
    void endToEndEncryptedWithTheKeyFromTheLinkAndNeverSentToAServer() throws Exception {
        VideoRoom room = rooms.create("coburg");
        requests.clear();

        ChromeDriver anna = open(room, "");
        rename(anna, "Anna Amt");
        assertThat(text(anna, "room-e2ee")).startsWith("Das Gespräch ist nicht Ende-zu-Ende-verschlüsselt.");
        click(anna, "e2ee-on");
        String link = anna.findElement(By.id("e2ee-link-url")).getDomProperty("value");
        assertThat(link).matches("http://localhost:\\d+/coburg/test-videoraum/" + room.name() + "#e2ee=[A-Za-z0-9_-]{43}");
        assertThat(anna.getCurrentUrl()).isEqualTo(link);
        assertThat(text(anna, "room-e2ee")).contains("wird Ende-zu-Ende-verschlüsselt");
        String key = link.substring(link.indexOf("#e2ee=") + 6);
        join(anna);

        ChromeDriver bernd = open(room, "#e2ee=" + key);
        assertThat(bernd.findElement(By.id("e2ee-on")).isSelected()).as("E2EE on from the link").isTrue();
        rename(bernd, "Bernd Bürger");
        join(bernd);
        ChromeDriver clara = open(room, "#e2ee=" + key);
        rename(clara, "Clara Dolmetscherin");
        join(clara);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertSeesPlaying(anna, "Bernd Bürger", "Clara Dolmetscherin");
            assertSeesPlaying(bernd, "Anna Amt", "Clara Dolmetscherin");
            assertSeesPlaying(clara, "Anna Amt", "Bernd Bürger");
            for (ChromeDriver browser : List.of(anna, bernd, clara)) {
                assertThat(text(browser, "room-e2ee")).isEqualTo("Das Gespräch ist Ende-zu-Ende-verschlüsselt.");
            }
        });
        assertThat(server.listParticipants(room.name()).execute().body())
                .allSatisfy(p -> assertThat(p.getTracksList()).isNotEmpty().allSatisfy(track ->
                        assertThat(track.getEncryption().getNumber()).as("published encrypted (GCM)").isNotZero()));

        // Someone with the page but without the key: told the call is not end-to-end encrypted for them.
        ChromeDriver dora = open(room, "");
        rename(dora, "Dora Ohneschlüssel");
        join(dora);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertThat(text(dora, "room-e2ee")).startsWith("Das Gespräch ist für Sie nicht Ende-zu-Ende-verschlüsselt");
            assertThat(text(anna, "room-e2ee")).startsWith("Das Gespräch ist nicht vollständig Ende-zu-Ende-verschlüsselt");
        });
        System.out.println("Without the key, Dora's tiles: " + tiles(dora));

        List<String> sent = new ArrayList<>(requests.all());
        for (ChromeDriver browser : browsers) {
            sent.addAll(networkLog(browser));
        }
        assertThat(sent).as("what the browsers sent and the platform received").isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("/token"))
                .anySatisfy(line -> assertThat(line).contains("ws://127.0.0.1"));
        byte[] raw = Base64.getUrlDecoder().decode(key);
        for (String variant : List.of(key, Base64.getEncoder().withoutPadding().encodeToString(raw),
                HexFormat.of().formatHex(raw), java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(raw),
                        java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(sent).as("no request carries the key").noneSatisfy(line -> assertThat(line).contains(variant));
        }
        assertThat(requests.tokenRequests()).hasSize(4).allSatisfy(params ->
                assertThat(params.keySet()).containsExactlyInAnyOrder("ticket", "displayName", "_csrf"));
        assertNoConsoleProblems(anna, bernd, clara);
    }

    @Test
    void aRefusedJoinShowsTheProblemDetailAndTheRoomPageHasItsOwnPolicy() throws Exception {
        VideoRoom room = rooms.create("coburg");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/coburg/test-videoraum/" + room.name())).build(), HttpResponse.BodyHandlers.ofString());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("connect-src 'self' " + livekit.url().replace("http://", "ws://") + " " + livekit.url() + ";",
                "worker-src 'self';", "media-src 'self' blob: mediastream:;", "script-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("Permissions-Policy").orElseThrow())
                .contains("camera=(self)", "microphone=(self)", "display-capture=()");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/coburg/datenschutz")).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("other pages keep the strict policy").contains("connect-src 'self';").doesNotContain("ws:", "worker-src");

        rooms.delete(room.name());
        ChromeDriver anna = open(room, "");
        join(anna);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(text(anna, "room-error")).isEqualTo("Das Gespräch ist beendet."));
        assertThat(anna.findElement(By.id("join")).isEnabled()).isTrue();
        assertThat(anna.findElement(By.id("call")).isDisplayed()).isFalse();
    }

    // ---- the pages, as a person uses them ----

    private ChromeDriver open(VideoRoom room, String fragment) throws Exception {
        ChromeDriver browser = Browser.startWithMedia();
        browsers.add(browser);
        browser.get(base() + "/coburg/test-videoraum/" + room.name() + fragment);
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElement(By.id("prejoin")).isDisplayed()
                && browser.findElement(By.id("preview")).isDisplayed());
        return browser;
    }

    private void assertPrejoin(ChromeDriver browser) {
        assertThat(browser.findElement(By.id("display-name")).getDomProperty("value")).isEqualTo("Frau Muster");
        assertThat(browser.findElement(By.id("camera-on")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("mic-on")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("room-status")).getDomAttribute("role")).isEqualTo("status");
        assertThat(text(browser, "room-state")).startsWith("Bereit.");
        await().atMost(Duration.ofSeconds(10)).until(() -> number(browser,
                "return document.getElementById('preview').videoWidth") > 0);
    }

    private static void rename(ChromeDriver browser, String name) {
        WebElement input = browser.findElement(By.id("display-name"));
        input.clear();
        input.sendKeys(name);
    }

    private static void join(ChromeDriver browser) {
        browser.findElement(By.id("join")).click();
    }

    private static void click(ChromeDriver browser, String id) {
        browser.findElement(By.id(id)).click();
    }

    private static String text(ChromeDriver browser, String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.getElementById(arguments[0]).textContent.trim()", id));
    }

    private static double number(ChromeDriver browser, String script) {
        Object value = ((JavascriptExecutor) browser).executeScript(script);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    /** Each named participant has a tile whose video plays: frames of a size, time advancing. */
    private static void assertSeesPlaying(ChromeDriver browser, String... names) {
        List<Map<String, Object>> tiles = tiles(browser);
        assertThat(tiles).extracting(tile -> tile.get("name")).containsExactlyInAnyOrder((Object[]) names);
        for (Map<String, Object> tile : tiles) {
            assertThat(tile.get("videos")).as("one video of " + tile.get("name")).isEqualTo(1L);
            assertThat(tile.get("audio")).as("one audio of " + tile.get("name")).isEqualTo(1L);
            assertThat(((Number) tile.get("width")).intValue()).as("video width of " + tile.get("name")).isPositive();
            assertThat(tile.get("paused")).isEqualTo(false);
        }
        // Playing, not a frozen first frame: the time of every video advances.
        Map<Object, Double> before = new TreeMap<>();
        tiles.forEach(tile -> before.put(tile.get("name"), ((Number) tile.get("time")).doubleValue()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tiles(browser)).allSatisfy(tile ->
                assertThat(((Number) tile.get("time")).doubleValue()).isGreaterThan(before.get(tile.get("name")))));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tiles(ChromeDriver browser) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('#remote-media figure')].map(tile => {
                  const video = tile.querySelector('video');
                  return { name: tile.querySelector('figcaption').textContent,
                           width: video ? video.videoWidth : 0, time: video ? video.currentTime : 0,
                           paused: video ? video.paused : true, videos: tile.querySelectorAll('video').length,
                           audio: tile.querySelectorAll('audio').length };
                });""");
    }

    private static boolean tileShowsCameraOff(ChromeDriver browser, String name) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("""
                const tile = [...document.querySelectorAll('#remote-media figure')]
                    .find(t => t.querySelector('figcaption').textContent === arguments[0]);
                return !!tile && !tile.querySelector('.amtsraum-room-off').hidden;""", name));
    }

    /** A remote audio track is attached and playing. */
    private static void assertHearsSomeone(ChromeDriver browser) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#remote-media audio')].some(a => !a.paused && a.srcObject"
                        + " && a.srcObject.getAudioTracks().some(t => t.readyState === 'live'))")));
    }

    /**
     * What the browser put on the wire, from the DevTools network log: each request's URL, headers
     * and body, each WebSocket's URL and handshake headers. (The log's own bookkeeping, such as the
     * {@code urlFragment} and {@code documentURL} fields, is not sent and not included.)
     */
    private static List<String> networkLog(ChromeDriver browser) throws Exception {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> lines.add("request " + params.path("request").path("url").asText()
                        + " " + params.path("request").path("headers") + " " + params.path("request").path("postData").asText(""));
                case "Network.webSocketCreated" -> lines.add("websocket " + params.path("url").asText());
                case "Network.webSocketWillSendHandshakeRequest" -> lines.add("handshake "
                        + params.path("request").path("headers"));
                default -> {
                    // responses and other events: nothing the browser sends
                }
            }
        }
        return lines;
    }

    private static void assertNoConsoleProblems(ChromeDriver... browsers) {
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

    private double webhooks(String event) {
        var counter = meters.find("amtsraum.video.webhooks").tag("event", event).counter();
        return counter == null ? 0 : counter.count();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    // ---- test-only stand-ins for the call-flow pages ----

    /** Every request the platform received: method, URI with query, headers, form parameters. */
    static class RequestLog extends OncePerRequestFilter {

        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            StringBuilder line = new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI());
            if (request.getQueryString() != null) {
                line.append('?').append(request.getQueryString());
            }
            for (String header : Collections.list(request.getHeaderNames())) {
                line.append(" | ").append(header).append(": ").append(String.join(",", Collections.list(request.getHeaders(header))));
            }
            if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/token")) {
                Map<String, String> params = new TreeMap<>();
                request.getParameterMap().forEach((name, values) -> params.put(name, String.join(",", values)));
                tokenRequests.add(params);
                line.append(" | body: ").append(params);
            }
            lines.add(line.toString());
            chain.doFilter(request, response);
        }

        List<String> all() {
            return List.copyOf(lines);
        }

        List<Map<String, String>> tokenRequests() {
            return List.copyOf(tokenRequests);
        }

        void clear() {
            lines.clear();
            tokenRequests.clear();
        }
    }

    /**
     * A tenant page with the room fragment ({@code /{tenant}/test-videoraum/{room}}) and its token
     * endpoint: the ticket is checked, the room must be known to {@link Rooms}, and the token carries
     * the display name (as the call flow's endpoint does) with the same least grants.
     */
    @TestConfiguration
    @Controller
    static class RoomTestPage {

        private final Map<String, String> tickets = new ConcurrentHashMap<>();
        private final SecureRandom random = new SecureRandom();
        @Autowired
        Rooms rooms;
        @Autowired
        RoomPageHeaders headers;
        @Autowired
        TenantSite site;

        @Bean
        RequestLog requestLog() {
            return new RequestLog();
        }

        @GetMapping("/{tenant}/test-videoraum/{room}")
        String page(@PathVariable String tenant, @PathVariable String room, Model model, HttpServletResponse response) {
            site.frame(tenant, model);
            headers.allowRoom(response);
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String ticket = HexFormat.of().formatHex(bytes);
            tickets.put(ticket, room);
            model.addAttribute("tokenUrl", "/" + tenant + "/test-videoraum/" + room + "/token");
            model.addAttribute("ticket", ticket);
            model.addAttribute("defaultName", "Frau Muster");
            return "video-test/room";
        }

        @PostMapping(path = "/{tenant}/test-videoraum/{room}/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        @ResponseBody
        ResponseEntity<?> token(@PathVariable String room, @RequestParam String ticket, @RequestParam String displayName) {
            if (!room.equals(tickets.get(ticket))) {
                return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                        "Sie sind für dieses Gespräch nicht zugelassen.")).build();
            }
            JoinToken join;
            try {
                join = rooms.joinToken(room);
            } catch (VideoException e) {
                return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "Das Gespräch ist beendet."))
                        .build();
            }
            AccessToken token = new AccessToken(livekit.apiKey(), livekit.apiSecret());
            token.setIdentity(join.identity());
            token.setName(displayName.strip());
            token.setTtl(Duration.ofMinutes(2).toMillis());
            token.addGrants(new RoomJoin(true), new RoomName(room), new CanPublish(true), new CanSubscribe(true),
                    new CanPublishData(false), new CanUpdateOwnMetadata(false));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("serverUrl", join.serverUrl(), "token", token.toJwt()));
        }
    }
}
