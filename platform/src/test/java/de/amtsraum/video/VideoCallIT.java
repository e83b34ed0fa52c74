package de.amtsraum.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.amtsraum.identity.SignedLinks;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.shared.CaseIds;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.LiveKitServer;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.support.StaffPages;
import io.livekit.server.RoomServiceClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import de.amtsraum.consultation.ConsultationCases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The call flow against a real livekit-server (own Spring context, as {@link LiveKitIT}): staff start,
 * the citizen is signalled over SSE and accepts, tickets become tokens the server accepts; the waiting
 * room outside LiveKit (no ticket or token before consent and admission; deny; remove); refusals that
 * change nothing (unknown guest, expired invite, forged and replayed webhooks, start by a citizen);
 * LiveKit's own room_finished ending the call and deleting every room row; the egress alarm; LiveKit
 * stopped. Every token issued is checked: no recording grant, no admin grant.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class VideoCallIT {

    private static LiveKitServer livekit;
    static final String TENANT = "coburg";
    static final String CALLS = "/api/v1/tenants/coburg/calls";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    CallLinks links;
    @Autowired
    SignedLinks signedLinks;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    ConsultationCases cases;

    Api api;
    RoomServiceClient server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void prepareServer() {
        livekit = LiveKitServer.prepare();
    }

    @DynamicPropertySource
    static void liveKit(DynamicPropertyRegistry registry) {
        registry.add("amtsraum.livekit.url", () -> livekit.url());
        registry.add("amtsraum.livekit.api-key", () -> livekit.apiKey());
        registry.add("amtsraum.livekit.api-secret", () -> livekit.apiSecret());
        registry.add("amtsraum.livekit.empty-timeout", () -> "PT60S");
        registry.add("amtsraum.livekit.departure-timeout", () -> "PT5S");
    }

    @BeforeEach
    void startServer() throws Exception {
        livekit.start("http://127.0.0.1:" + port + "/api/v1/livekit/webhook");
        server = RoomServiceClient.createClient(livekit.url(), livekit.apiKey(), livekit.apiSecret());
        api = new Api(port);
    }

    @AfterAll
    static void stopServer() {
        if (livekit != null) {
            livekit.close();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    String staffToken() {
        return api.token(TENANT + "-dev", "dev");
    }

    Api.Response start(String caseId, String token) {
        return api.post(CALLS, token, "application/json", "{\"caseId\":\"" + caseId + "\"}");
    }

    String started(String caseId) {
        Api.Response started = start(caseId, staffToken());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("callId").asText();
    }

    JsonNode status(String callId) {
        return api.get(CALLS + "/" + callId, staffToken()).json();
    }

    String citizenPage(String caseId) {
        return links.citizenPage(TENANT, caseId, Duration.ofDays(1));
    }

    /** Opens an SSE stream and collects its lines; returns once the stream said it is ready. */
    BlockingQueue<String> listen(String path) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data:ready"));
        return lines;
    }

    /** The citizen accepts on the page (plain form, no JavaScript); returns the page with the room. */
    HttpResponse<String> accept(PageClient citizen, String page) {
        HttpResponse<String> ringing = citizen.get(page);
        assertThat(ringing.body()).contains("Die Behörde ruft Sie an.");
        String action = StaffPages.formAction(ringing.body(), "/video/antwort");
        HttpResponse<String> accepted = citizen.post(action, StaffPages.csrfOf(ringing.body(), action), Map.of(
                "link", hidden(ringing.body(), "link"), "callId", hidden(ringing.body(), "callId"), "answer", "accept"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        return accepted;
    }

    static String ticket(String html) {
        Matcher matcher = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("the page holds a ticket (room fragment)").isTrue();
        return matcher.group(1);
    }

    static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden " + name).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    /** POST /{tenant}/video/token from a page session, with the page's CSRF meta token. */
    HttpResponse<String> token(PageClient browser, String pageHtml, String ticket, String displayName) {
        return browser.postForJson("/" + TENANT + "/video/token", metaCsrf(pageHtml),
                Map.of("ticket", ticket, "displayName", displayName));
    }

    static String metaCsrf(String html) {
        Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).as("CSRF meta tag").isTrue();
        return csrf.group(1);
    }

    /** The token is valid at the server and carries the least grants: never roomRecord, never roomAdmin. */
    JWTClaimsSet assertLeastGrant(String jwt, String expectedName) throws Exception {
        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.verify(new MACVerifier(livekit.apiSecret().getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        Map<String, Object> video = claims.getJSONObjectClaim("video");
        assertThat(video).containsEntry("roomJoin", true).containsEntry("canPublish", true)
                .containsEntry("canSubscribe", true).containsEntry("canPublishData", false);
        assertThat(video).doesNotContainKeys("roomRecord", "roomAdmin", "roomCreate", "roomList", "recorder", "hidden",
                "ingressAdmin", "agent");
        assertThat(claims.getSubject()).matches("^p-[a-z2-7]{26}$");
        assertThat(claims.getClaim("name")).isEqualTo(expectedName);
        assertThat(validate(jwt)).as("the server accepts the token").isEqualTo(200);
        return claims;
    }

    int validate(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(livekit.url() + "/rtc/validate?access_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    String roomOf(String callId) {
        return jdbc.queryForObject("SELECT room_name FROM video_room WHERE call_id = ?", String.class, callId);
    }

    int roomRows(String callId) {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM video_room WHERE call_id = ?)"
                + " + (SELECT count(*) FROM video_participant WHERE call_id = ?)"
                + " + (SELECT count(*) FROM video_guest WHERE call_id = ?)"
                + " + (SELECT count(*) FROM video_invite WHERE call_id = ?)", Integer.class, callId, callId, callId, callId);
    }

    int events(String callId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, callId);
    }

    String eventTypes(String callId) {
        return String.join(",", jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? ORDER BY sequence_number", String.class, callId));
    }

    HttpResponse<String> webhook(String body, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/livekit/webhook"))
                .header("Content-Type", "application/webhook+json")
                .header("Authorization", livekit.webhookAuthorization(body, secret))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String event(String type, String roomName, String identity, Instant createdAt) {
        return "{\"event\":\"" + type + "\",\"room\":{\"sid\":\"RM_test\",\"name\":\"" + roomName + "\"},"
                + (identity == null ? "" : "\"participant\":{\"sid\":\"PA_" + identity + "\",\"identity\":\"" + identity + "\"},")
                + "\"id\":\"EV_" + UUID.randomUUID() + "\",\"createdAt\":\"" + createdAt.getEpochSecond() + "\"}";
    }

    /** A guest opens the invite, gives a name and lands in the waiting room; returns the guest's page path. */
    String arrive(PageClient guest, String invitePath, String name) {
        HttpResponse<String> form = guest.get(invitePath);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Ihr Name");
        HttpResponse<String> waiting = guest.post("/" + TENANT + "/video/gast", PageClient.csrf(form.body()),
                Map.of("einladung", hidden(form.body(), "einladung"), "displayName", name));
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("Sie warten auf Zulassung").doesNotContain("name=\"ticket\"");
        return waiting.uri().getPath() + "?" + waiting.uri().getRawQuery();
    }

    String guestIdOf(String callId, String name) {
        for (JsonNode guest : status(callId).get("guests")) {
            if (guest.get("displayName").asText().equals(name)) {
                return guest.get("guestId").asText();
            }
        }
        throw new AssertionError("no guest " + name);
    }

    // ---- tests -------------------------------------------------------------------------------

    @Test
    void staffStartSignalsTheCitizenOverSseAndBothGetTokensTheServerAccepts() throws Exception {
        String caseId = CaseIds.random();
        String page = citizenPage(caseId);
        PageClient citizen = new PageClient(port);
        HttpResponse<String> waiting = citizen.get(page);
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("Noch kein Anruf", "Aktualisieren", "/assets/video/signal.js")
                .doesNotContain("name=\"ticket\"");
        BlockingQueue<String> signals = listen("/" + TENANT + "/video/signale?link=" + page.substring(page.indexOf("link=") + 5));

        String callId = started(caseId);

        await().atMost(Duration.ofSeconds(10)).until(() -> signals.contains("data:signalled"));
        assertThat(status(callId).get("status").asText()).isEqualTo("SIGNALLED");
        assertThat(roomOf(callId)).matches("^[a-z2-7]{26}$");
        assertThat(server.listRooms(List.of(roomOf(callId))).execute().body()).hasSize(1);

        HttpResponse<String> inCall = accept(citizen, page);
        assertThat(inCall.body()).contains("Sie haben den Anruf angenommen", "id=\"prejoin\"", "id=\"display-name\"");
        assertThat(status(callId).get("status").asText()).isEqualTo("ACCEPTED");
        HttpResponse<String> citizenToken = token(citizen, inCall.body(), ticket(inCall.body()), "Erika");
        assertThat(citizenToken.statusCode()).as(citizenToken.body()).isEqualTo(200);
        assertThat(citizenToken.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(citizenToken.body());
        assertThat(answer.get("serverUrl").asText()).isEqualTo(livekit.url().replace("http://", "ws://"));
        JWTClaimsSet claims = assertLeastGrant(answer.get("token").asText(), "Erika");
        assertThat(claims.getJSONObjectClaim("video")).containsEntry("room", roomOf(callId));

        // Staff: the call page (signed in) holds a staff ticket; only the staff session can redeem it.
        PageClient staff = new PageClient(port);
        HttpResponse<String> staffPage = StaffPages.signedIn(staff, TENANT, "/" + TENANT + "/mitarbeiter/video/" + callId, clock);
        assertThat(staffPage.statusCode()).isEqualTo(200);
        assertThat(staffPage.body()).contains("angenommen", "/" + TENANT + "/video?link=", "Einladungslink erstellen");
        String staffTicket = ticket(staffPage.body());
        HttpResponse<String> stolen = token(citizen, inCall.body(), staffTicket, "Nicht ich");
        assertThat(stolen.statusCode()).as("a staff ticket outside the staff session").isEqualTo(403);
        assertThat(stolen.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> staffToken = token(staff, staffPage.body(), staffTicket, "Frau Amt");
        assertThat(staffToken.statusCode()).as(staffToken.body()).isEqualTo(200);
        assertLeastGrant(new com.fasterxml.jackson.databind.ObjectMapper().readTree(staffToken.body()).get("token").asText(),
                "Frau Amt");

        // No CSRF token: refused by the page chain.
        assertThat(citizen.postForJson("/" + TENANT + "/video/token", null,
                Map.of("ticket", ticket(inCall.body()), "displayName", "x")).statusCode()).isEqualTo(403);
        // Events carry ids only: no room name, no identity, no display name.
        String payloads = String.join("\n", jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM "
                + "domain_event_entry WHERE aggregate_identifier = ?", String.class, callId));
        assertThat(payloads).doesNotContain(roomOf(callId)).doesNotContain(claims.getSubject()).doesNotContain("Erika");
        assertThat(eventTypes(callId)).contains("CallRequested", "CallSignalled", "CallAccepted");
    }

    @Test
    void aGuestGetsNoTicketOrTokenBeforeConsentAndAdmissionAndLosesItWhenRemoved() throws Exception {
        String caseId = CaseIds.random();
        String page = citizenPage(caseId);
        String callId = started(caseId);
        PageClient citizen = new PageClient(port);
        accept(citizen, page);
        Api.Response invite = api.post(CALLS + "/" + callId + "/invites", staffToken(), "application/json", "{}");
        assertThat(invite.status()).as(invite.body()).isEqualTo(201);
        String invitePath = invite.json().get("path").asText();
        assertThat(invitePath).startsWith("/" + TENANT + "/video/gast?einladung=");

        PageClient guest = new PageClient(port);
        String guestPage = arrive(guest, invitePath, "Dolmetscherin Ayşe");
        String guestId = guestIdOf(callId, "Dolmetscherin Ayşe");
        assertThat(status(callId).get("guests").get(0).get("status").asText()).isEqualTo("WAITING");
        BlockingQueue<String> guestSignals = listen("/" + TENANT + "/video/signale?" + guestPage.substring(guestPage.indexOf('?') + 1));

        // Proof: before admission there is no way to a token — not even with a correctly signed guest ticket.
        String signedGuestTicket = signedLinks.issue("video-ticket", TENANT, "guest:" + callId + ":" + guestId, Duration.ofMinutes(5));
        HttpResponse<String> early = token(guest, guest.get(guestPage).body(), signedGuestTicket, "Ayşe");
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(early.body()).contains("not-admitted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM video_participant WHERE call_id = ? AND role = 'GUEST'",
                Integer.class, callId)).as("no LiveKit identity for the waiting guest").isZero();

        // Admit before the citizen agreed: refused clearly, nothing changed.
        int before = events(callId);
        Api.Response tooEarly = api.post(CALLS + "/" + callId + "/guests/" + guestId + "/admit", staffToken(), "application/json", "");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("type").asText()).endsWith("/guest-consent-missing");
        assertThat(tooEarly.json().get("detail").asText()).contains("citizen must agree");
        assertThat(events(callId)).isEqualTo(before);
        assertThat(guest.get(guestPage).body()).doesNotContain("name=\"ticket\"");

        // The citizen's page asks; the citizen agrees (plain form).
        HttpResponse<String> asked = citizen.get(page);
        assertThat(asked.body()).contains("Die Behörde möchte eine weitere Person in den Anruf lassen: Dolmetscherin Ayşe");
        String consent = StaffPages.formAction(asked.body(), "/video/zustimmung");
        HttpResponse<String> agreed = citizen.post(consent, StaffPages.csrfOf(asked.body(), consent), Map.of("link",
                hidden(asked.body(), "link"), "callId", callId, "guestId", guestId, "answer", "agree"));
        assertThat(agreed.body()).doesNotContain("weitere Person in den Anruf lassen");
        assertThat(status(callId).get("guests").get(0).get("consent").asText()).isEqualTo("GIVEN");

        Api.Response admitted = api.post(CALLS + "/" + callId + "/guests/" + guestId + "/admit", staffToken(), "application/json", "");
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> guestSignals.contains("data:admitted"));
        HttpResponse<String> inRoom = guest.get(guestPage);
        assertThat(inRoom.body()).contains("Sie sind zugelassen");
        String guestTicket = ticket(inRoom.body());
        HttpResponse<String> guestToken = token(guest, inRoom.body(), guestTicket, "Ayşe (Dolmetscherin)");
        assertThat(guestToken.statusCode()).as(guestToken.body()).isEqualTo(200);
        assertLeastGrant(new com.fasterxml.jackson.databind.ObjectMapper().readTree(guestToken.body()).get("token").asText(),
                "Ayşe (Dolmetscherin)");

        // Remove: the ticket no longer yields a token; the page says so.
        Api.Response removed = api.post(CALLS + "/" + callId + "/guests/" + guestId + "/remove", staffToken(), "application/json", "");
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> guestSignals.contains("data:removed"));
        assertThat(token(guest, inRoom.body(), guestTicket, "Ayşe").statusCode()).isEqualTo(403);
        assertThat(guest.get(guestPage).body()).contains("aus dem Anruf entfernt").doesNotContain("name=\"ticket\"");

        // Deny a second guest; admitting afterwards is refused.
        PageClient other = new PageClient(port);
        String otherPage = arrive(other, invitePath, "Onkel Bernd");
        String otherId = guestIdOf(callId, "Onkel Bernd");
        assertThat(api.post(CALLS + "/" + callId + "/guests/" + otherId + "/deny", staffToken(), "application/json", "").status())
                .isEqualTo(204);
        assertThat(other.get(otherPage).body()).contains("nicht zugelassen").doesNotContain("name=\"ticket\"");
        assertThat(api.post(CALLS + "/" + callId + "/guests/" + otherId + "/admit", staffToken(), "application/json", "").status())
                .isEqualTo(409);

        // Admit of an unknown guest: 404 problem, nothing changed.
        int now = events(callId);
        Api.Response unknown = api.post(CALLS + "/" + callId + "/guests/" + UUID.randomUUID() + "/admit", staffToken(),
                "application/json", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asText()).endsWith("/unknown-guest");
        assertThat(events(callId)).isEqualTo(now);
    }

    @Test
    void staffAdmitOnTheStaffPageBeforeConsentIsRefusedInGerman() {
        String caseId = CaseIds.random();
        String callId = started(caseId);
        accept(new PageClient(port), citizenPage(caseId));
        PageClient staff = new PageClient(port);
        String path = "/" + TENANT + "/mitarbeiter/video/" + callId;
        HttpResponse<String> page = StaffPages.signedIn(staff, TENANT, path, clock);
        String inviteAction = StaffPages.formAction(page.body(), "/einladen");
        HttpResponse<String> invited = staff.post(inviteAction, StaffPages.csrfOf(page.body(), inviteAction), Map.of());
        Matcher link = Pattern.compile("<code id=\"invite-link\">([^<]+)</code>").matcher(invited.body());
        assertThat(link.find()).isTrue();
        String invitePath = URI.create(link.group(1).replace("&amp;", "&")).getRawPath() + "?"
                + URI.create(link.group(1).replace("&amp;", "&")).getRawQuery();
        arrive(new PageClient(port), invitePath, "Kollegin Jana");

        HttpResponse<String> withGuest = staff.get(path);
        assertThat(withGuest.body()).contains("Kollegin Jana", "wartet", "Zustimmung ausstehend");
        String admit = StaffPages.formAction(withGuest.body(), "/zulassen");
        HttpResponse<String> refused = staff.post(admit, StaffPages.csrfOf(withGuest.body(), admit), Map.of());
        assertThat(refused.body()).contains("muss erst zustimmen");
        assertThat(status(callId).get("guests").get(0).get("status").asText()).isEqualTo("WAITING");
    }

    @Test
    void aSignedInCitizensDisplayNameDefaultsToTheUsername() {
        String caseId = CaseIds.random();
        started(caseId);
        PageClient citizen = new PageClient(port);
        String username = de.amtsraum.support.AccountFixtures.unique("video");
        de.amtsraum.support.AccountFixtures.verifiedAccount(citizen, runtime.resolve("mail"), TENANT, username,
                username + "@example.org");
        de.amtsraum.support.AccountFixtures.login(citizen, TENANT, username, de.amtsraum.support.AccountFixtures.PASSWORD);

        HttpResponse<String> inCall = accept(citizen, citizenPage(caseId));
        Matcher name = Pattern.compile("id=\"display-name\"[^>]*value=\"([^\"]*)\"").matcher(inCall.body());
        assertThat(name.find()).isTrue();
        assertThat(name.group(1)).isEqualTo(username);
        // Not signed in: empty, to be filled in.
        String other = CaseIds.random();
        started(other);
        Matcher empty = Pattern.compile("id=\"display-name\"[^>]*value=\"([^\"]*)\"").matcher(
                accept(new PageClient(port), citizenPage(other)).body());
        assertThat(empty.find()).isTrue();
        assertThat(empty.group(1)).isEmpty();
    }

    @Test
    void aDeclinedCallIsRecordedAndStaffSeeIt() {
        String caseId = CaseIds.random();
        String callId = started(caseId);
        PageClient citizen = new PageClient(port);
        HttpResponse<String> ringing = citizen.get(citizenPage(caseId));
        String action = StaffPages.formAction(ringing.body(), "/video/antwort");
        HttpResponse<String> declined = citizen.post(action, StaffPages.csrfOf(ringing.body(), action), Map.of(
                "link", hidden(ringing.body(), "link"), "callId", callId, "answer", "decline"));
        assertThat(declined.body()).contains("Sie haben den Anruf abgelehnt.").doesNotContain("name=\"ticket\"");
        assertThat(status(callId).get("status").asText()).isEqualTo("DECLINED");
        assertThat(eventTypes(callId)).contains("CallDeclined");
        HttpResponse<String> again = citizen.post(action, metaCsrf(declined.body()), Map.of(
                "link", hidden(ringing.body(), "link"), "callId", callId, "answer", "accept"));
        assertThat(again.body()).contains("bereits angenommen oder abgelehnt");
        assertThat(status(callId).get("status").asText()).isEqualTo("DECLINED");

        PageClient staff = new PageClient(port);
        HttpResponse<String> page = StaffPages.signedIn(staff, TENANT, "/" + TENANT + "/mitarbeiter/video/" + callId, clock);
        assertThat(page.body()).contains("abgelehnt");
    }

    @Test
    void anExpiredInviteLinkIsRefused() {
        String callId = started(CaseIds.random());
        String invitePath = api.post(CALLS + "/" + callId + "/invites", staffToken(), "application/json", "{}").json()
                .get("path").asText();
        Instant now = clock.instant();
        try {
            clock.advance(Duration.ofHours(2).plusMinutes(1));
            HttpResponse<String> expired = new PageClient(port).get(invitePath);
            assertThat(expired.statusCode()).isEqualTo(404);
            assertThat(expired.body()).contains("Der Link ist ungültig oder abgelaufen.").doesNotContain("Ihr Name");
        } finally {
            clock.set(now);
        }
        HttpResponse<String> forged = new PageClient(port).get(invitePath.replace("einladung=", "einladung=x"));
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(status(callId).get("guests")).isEmpty();
    }

    @Test
    void aCitizenOrAGuestCannotStartACallOrAdmit() throws Exception {
        String caseId = CaseIds.random();
        String callId = started(caseId);
        PageClient citizen = new PageClient(port);
        HttpResponse<String> inCall = accept(citizen, citizenPage(caseId));
        String citizenTicket = ticket(inCall.body());
        String liveKitToken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                token(citizen, inCall.body(), citizenTicket, "Erika").body()).get("token").asText();
        int calls = jdbc.queryForObject("SELECT count(*) FROM video_call", Integer.class);
        String other = CaseIds.random();

        for (String credential : List.of(citizenTicket, liveKitToken)) {
            Api.Response refused = start(other, credential);
            assertThat(refused.status()).as("start with a citizen's credential").isIn(401, 403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api.Response foreignStaff = start(other, api.token("leer-dev", "dev"));
        assertThat(foreignStaff.status()).as("staff of another tenant").isEqualTo(403);
        // The citizen's page session on the staff paths: sent to the staff sign-in, nothing done.
        HttpResponse<String> viaPage = citizen.post("/" + TENANT + "/mitarbeiter/video", metaCsrf(inCall.body()),
                Map.of("caseId", other));
        assertThat(viaPage.uri().getPath()).isNotEqualTo("/" + TENANT + "/mitarbeiter/video");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM video_call", Integer.class)).isEqualTo(calls);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM video_call WHERE case_id = ?", Integer.class, other)).isZero();
        assertThat(status(callId).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void forgedReplayedAndStaleWebhooksAreRefusedAndChangeNothing() throws Exception {
        String callId = started(CaseIds.random());
        String room = roomOf(callId);

        HttpResponse<String> forged = webhook(event("room_finished", room, null, clock.instant()), livekit.apiSecret() + "x");
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> stale = webhook(event("room_finished", room, null, clock.instant().minus(Duration.ofMinutes(10))),
                livekit.apiSecret());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(stale.body()).contains("replayed-webhook");
        assertThat(status(callId).get("status").asText()).isEqualTo("SIGNALLED");
        assertThat(roomRows(callId)).isEqualTo(1);

        // A genuine event is taken once; the same delivery again is refused.
        String joined = event("participant_joined", room, "p-unknownidentityxxxxxxxxxxx", clock.instant());
        assertThat(webhook(joined, livekit.apiSecret()).statusCode()).isEqualTo(204);
        int events = events(callId);
        HttpResponse<String> replayed = webhook(joined, livekit.apiSecret());
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(events(callId)).isEqualTo(events);
        assertThat(server.listRooms(List.of(room)).execute().body()).hasSize(1);
    }

    @Test
    void presenceFromWebhooksStartsTheCallAndLiveKitsRoomFinishedEndsItAndDeletesEveryRow() throws Exception {
        String caseId = CaseIds.random();
        String page = citizenPage(caseId);
        String callId = started(caseId);
        PageClient citizen = new PageClient(port);
        HttpResponse<String> inCall = accept(citizen, page);
        assertThat(token(citizen, inCall.body(), ticket(inCall.body()), "Erika").statusCode()).isEqualTo(200);
        PageClient staff = new PageClient(port);
        HttpResponse<String> staffPage = StaffPages.signedIn(staff, TENANT, "/" + TENANT + "/mitarbeiter/video/" + callId, clock);
        assertThat(token(staff, staffPage.body(), ticket(staffPage.body()), "Amt").statusCode()).isEqualTo(200);
        String invitePath = api.post(CALLS + "/" + callId + "/invites", staffToken(), "application/json", "{}").json()
                .get("path").asText();
        arrive(new PageClient(port), invitePath, "Gast Canary-" + UUID.randomUUID());
        String room = roomOf(callId);
        BlockingQueue<String> citizenSignals = listen("/" + TENANT + "/video/signale?link=" + page.substring(page.indexOf("link=") + 5));

        // Both in the room (as LiveKit reports it, signed like LiveKit): the call has started.
        for (String identity : jdbc.queryForList("SELECT identity FROM video_participant WHERE call_id = ?", String.class, callId)) {
            assertThat(webhook(event("participant_joined", room, identity, clock.instant()), livekit.apiSecret()).statusCode())
                    .isEqualTo(204);
        }
        assertThat(status(callId).get("status").asText()).isEqualTo("IN_CALL");
        assertThat(status(callId).get("startedAt").isNull()).isFalse();

        // The room is deleted on the server directly: LiveKit's own signed room_finished ends the call.
        server.deleteRoom(room).execute();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(status(callId).get("status").asText()).isEqualTo("ENDED");
            assertThat(roomRows(callId)).as("no row of the room left").isZero();
        });
        assertThat(status(callId).get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(eventTypes(callId)).contains("ParticipantJoined", "CallStarted", "CallEnded");
        await().atMost(Duration.ofSeconds(10)).until(() -> citizenSignals.contains("data:ended"));
        assertThat(citizen.get(page).body()).contains("Der Videoanruf ist beendet.").doesNotContain("name=\"ticket\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM video_guest WHERE display_name LIKE 'Gast Canary-%'", Integer.class))
                .isZero();
    }

    @Test
    void staffEndingACallThatNeverStartedIsAborted() throws Exception {
        String callId = started(CaseIds.random());
        String room = roomOf(callId);
        assertThat(api.delete(CALLS + "/" + callId, staffToken()).status()).isEqualTo(204);
        assertThat(status(callId).get("status").asText()).isEqualTo("ENDED");
        assertThat(status(callId).get("outcome").asText()).isEqualTo("ABORTED");
        assertThat(roomRows(callId)).isZero();
        assertThat(server.listRooms(List.of(room)).execute().body()).isEmpty();
        Api.Response after = api.post(CALLS + "/" + callId + "/invites", staffToken(), "application/json", "{}");
        assertThat(after.status()).isEqualTo(410);
    }

    @Test
    void egressStartedIsAnAlarmAndTheRoomIsDeletedAtOnce(CapturedOutput output) throws Exception {
        String callId = started(CaseIds.random());
        String room = roomOf(callId);
        double alarms = meters.counter("amtsraum.video.egress.alarms").count();

        assertThat(webhook(event("egress_started", room, null, clock.instant()), livekit.apiSecret()).statusCode()).isEqualTo(204);

        assertThat(meters.counter("amtsraum.video.egress.alarms").count()).isEqualTo(alarms + 1);
        assertThat(output.getAll()).contains("ALARM").contains(room);
        assertThat(server.listRooms(List.of(room)).execute().body()).isEmpty();
        assertThat(roomRows(callId)).isZero();
        assertThat(status(callId).get("status").asText()).isEqualTo("ENDED");
    }

    @Test
    void withLiveKitStoppedStartSaysUnavailableAndBookingStillWorks() throws Exception {
        livekit.close();
        try {
            String caseId = CaseIds.random();
            Api.Response refused = start(caseId, staffToken());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("type").asText()).endsWith("/video-unavailable");
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at de.");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM video_call WHERE case_id = ?", Integer.class, caseId)).isZero();

            JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-baurecht", clock.instant(), 1);
            Api.Response booked = BookingFixtures.book(api, "heilbronn", BookingFixtures.heilbronn("video-baurecht",
                    slot.get("start").asText(), "video-aus-" + UUID.randomUUID() + "@example.org"));
            assertThat(booked.status()).as(booked.body()).isEqualTo(202);
        } finally {
            livekit.start("http://127.0.0.1:" + port + "/api/v1/livekit/webhook");
        }
    }

    @Test
    void aConfirmedVideoAppointmentOffersTheCallPageInTheMailAndOnTheManagePage() throws Exception {
        String email = "video-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-baurecht", clock.instant(), 1);
        Api.Response held = BookingFixtures.book(api, "heilbronn", BookingFixtures.heilbronn("video-baurecht",
                slot.get("start").asText(), email));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        String appointmentId = held.json().get("appointmentId").asText();
        var request = await().atMost(Duration.ofSeconds(10)).until(() -> BookingFixtures.mailWithSubject(
                runtime.resolve("mail"), email, "Bitte bestätigen"), java.util.Optional::isPresent).orElseThrow();
        String confirmToken = BookingFixtures.parameter(BookingFixtures.text(request), "token").orElseThrow();
        assertThat(api.post("/api/v1/tenants/heilbronn/appointment-confirmations", null, "application/json",
                BookingFixtures.token(confirmToken)).status()).isEqualTo(200);
        var confirmed = await().atMost(Duration.ofSeconds(10)).until(() -> BookingFixtures.mailWithSubject(
                runtime.resolve("mail"), email, "Terminbestätigung"), java.util.Optional::isPresent).orElseThrow();
        String text = BookingFixtures.text(confirmed);
        Matcher video = Pattern.compile("(/heilbronn/video\\?link=[A-Za-z0-9_.\\-]+)").matcher(text);
        assertThat(video.find()).as(text).isTrue();
        String link = URLDecoder.decode(video.group(1).substring(video.group(1).indexOf("link=") + 5), StandardCharsets.UTF_8);
        assertThat(signedLinks.verify(link, "video", "heilbronn")).contains(CaseIds.forAppointment(appointmentId));
        HttpResponse<String> callPage = new PageClient(port).get(video.group(1));
        assertThat(callPage.statusCode()).isEqualTo(200);
        assertThat(callPage.body()).contains("Noch kein Anruf");

        String manageToken = BookingFixtures.parameter(text, "token").orElseThrow();
        HttpResponse<String> manage = new PageClient(port).get("/heilbronn/termin/verwalten?token=" + manageToken);
        assertThat(manage.body()).contains("Zur Seite der Videoberatung", "/heilbronn/video?link=");
    }

    @Test
    void aForgedOrForeignCitizenLinkShowsNoCall() throws Exception {
        String caseId = CaseIds.random();
        started(caseId);
        String page = citizenPage(caseId);
        HttpResponse<String> forged = new PageClient(port).get(page.replace("link=", "link=A"));
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("Der Link ist ungültig oder abgelaufen.").doesNotContain("ruft Sie an");
        HttpResponse<String> foreign = new PageClient(port).get(page.replace("/" + TENANT + "/", "/leer/"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        HttpResponse<String> stream = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/" + TENANT
                + "/video/signale?link=nonsense")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stream.statusCode()).isEqualTo(404);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(stream.body()).contains("invalid-video-link");
    }

    /** The case page starts the call of an open case (consultation → video) and refuses a closed one. */
    @Test
    void staffStartACallFromTheCasePageOfAnOpenCaseOnly() {
        String caseId = cases.open(TENANT, null);
        PageClient staff = new PageClient(port);
        String casePath = "/" + TENANT + "/mitarbeiter/faelle/" + caseId;
        HttpResponse<String> casePage = StaffPages.signedIn(staff, TENANT, casePath, clock);
        assertThat(casePage.statusCode()).isEqualTo(200);
        String startCall = StaffPages.formAction(casePage.body(), "/videoanruf");

        HttpResponse<String> callPage = staff.post(startCall, StaffPages.csrfOf(casePage.body(), startCall), Map.of());
        assertThat(callPage.statusCode()).isEqualTo(200);
        assertThat(callPage.uri().getPath()).startsWith("/" + TENANT + "/mitarbeiter/video/");
        String callId = callPage.uri().getPath().substring(callPage.uri().getPath().lastIndexOf('/') + 1);
        assertThat(status(callId).get("status").asText()).isEqualTo("SIGNALLED");
        assertThat(jdbc.queryForObject("select count(*) from video_room r join video_call c on c.call_id = r.call_id "
                + "where c.call_id = ?", Integer.class, callId)).as("the room exists").isEqualTo(1);

        cases.archive(TENANT, caseId);
        Integer callsBefore = jdbc.queryForObject("select count(*) from video_call", Integer.class);
        HttpResponse<String> refused = staff.post(startCall, StaffPages.csrfOf(casePage.body(), startCall), Map.of());
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.body()).doesNotContain("Exception");
        assertThat(jdbc.queryForObject("select count(*) from video_call", Integer.class)).isEqualTo(callsBefore);
    }
}
