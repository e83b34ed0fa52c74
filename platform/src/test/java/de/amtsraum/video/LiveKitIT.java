package de.amtsraum.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.amtsraum.support.Api;
import de.amtsraum.support.LiveKitServer;
import de.amtsraum.support.PlatformTest;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import livekit.LivekitModels;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The video module against a real livekit-server on 127.0.0.1 (started by {@link LiveKitServer},
 * skipped locally when the binary is missing): rooms created only by the backend and listed by the
 * server with the configured timeouts and limit; no room from a join token alone (auto-create off);
 * least-privilege join tokens; LiveKit's own signed webhook deleting the platform's room record; and
 * forged or altered webhooks refused.
 */
@PlatformTest
class LiveKitIT {

    private static final String ROOM_NAME = "^[a-z2-7]{26}$";
    private static LiveKitServer livekit;

    @LocalServerPort
    int port;
    @Autowired
    Rooms rooms;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DSLContext db;
    @Autowired
    java.time.Clock clock;

    RoomServiceClient server;
    Api api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void prepareServer() {
        livekit = LiveKitServer.prepare();
    }

    @DynamicPropertySource
    static void liveKit(DynamicPropertyRegistry registry) {
        LiveKitServer.register(registry, () -> livekit);
        registry.add("amtsraum.livekit.empty-timeout", () -> "PT45S");
        registry.add("amtsraum.livekit.departure-timeout", () -> "PT7S");
        registry.add("amtsraum.livekit.max-participants", () -> "3");
        registry.add("amtsraum.livekit.token-ttl", () -> "PT2M");
    }

    @BeforeEach
    void startServer() throws Exception {
        livekit.startFor(port);
        server = livekit.roomService();
        api = new Api(port);
    }

    @AfterAll
    static void stopServer() {
        if (livekit != null) {
            livekit.close();
        }
    }

    @Test
    void aCreatedRoomIsListedByTheServerWithTheConfiguredPolicy() throws Exception {
        VideoRoom room = rooms.create("coburg");

        assertThat(room.name()).matches(ROOM_NAME);
        assertThat(room.tenantId()).isEqualTo("coburg");
        assertThat(Duration.between(room.createdAt(), room.expiresAt())).isEqualTo(Duration.ofDays(7));
        List<LivekitModels.Room> listed = server.listRooms(List.of(room.name())).execute().body();
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.getName()).isEqualTo(room.name());
            assertThat(r.getEmptyTimeout()).isEqualTo(45);
            assertThat(r.getDepartureTimeout()).isEqualTo(7);
            assertThat(r.getMaxParticipants()).isEqualTo(3);
            assertThat(r.getMetadata()).isEmpty();
        });
        assertThat(rooms.create("coburg").name()).as("names are random").isNotEqualTo(room.name());
    }

    @Test
    void aTokenForARoomTheBackendDidNotCreateCreatesNothing() throws Exception {
        String unknown = "unknownroom" + System.nanoTime();
        AccessToken token = new AccessToken(livekit.apiKey(), livekit.apiSecret());
        token.setIdentity("p-test");
        token.addGrants(new RoomJoin(true), new RoomName(unknown));

        // /rtc/validate runs the checks of a join without opening a session.
        assertThat(validate(token.toJwt())).as("join of a room nobody created").isEqualTo(404);
        assertThat(server.listRooms(List.of(unknown)).execute().body()).isEmpty();

        VideoRoom room = rooms.create("leer");
        assertThat(validate(rooms.joinToken(room.name()).token())).as("join of a room the backend created")
                .isEqualTo(200);
        assertThatThrownBy(() -> rooms.joinToken(unknown)).isInstanceOfSatisfying(VideoException.class,
                e -> assertThat(e.reason()).isEqualTo(VideoException.Reason.UNKNOWN_ROOM));
    }

    @Test
    void joinTokensAreShortLivedPseudonymousAndCarryTheLeastGrants() throws Exception {
        VideoRoom room = rooms.create("heilbronn");
        Instant before = clock.instant();
        JoinToken first = rooms.joinToken(room.name());
        JoinToken second = rooms.joinToken(room.name());

        SignedJWT jwt = SignedJWT.parse(first.token());
        assertThat(jwt.verify(new MACVerifier(livekit.apiSecret().getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(livekit.apiKey());
        assertThat(claims.getSubject()).isEqualTo(first.identity()).matches("^p-[a-z2-7]{26}$");
        assertThat(second.identity()).as("a fresh identity per token").isNotEqualTo(first.identity());
        assertThat(claims.getClaim("name")).as("no display name in the token").isNull();
        assertThat(claims.getClaim("metadata")).isNull();
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(first.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isBetween(before.plus(Duration.ofMinutes(2)).minusSeconds(1), clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(claims.getJSONObjectClaim("video")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "roomJoin", true, "room", room.name(), "canPublish", true, "canSubscribe", true,
                "canPublishData", false, "canUpdateOwnMetadata", false));
        assertThat(claims.getJSONObjectClaim("video")).doesNotContainKeys("roomRecord", "roomAdmin", "roomCreate",
                "roomList", "recorder", "hidden", "ingressAdmin", "agent");
        assertThat(first.serverUrl()).isEqualTo(livekit.url().replace("http://", "ws://"));
        assertThat(first.toString()).doesNotContain(first.token());
    }

    @Test
    void roomFinishedFromTheServerDeletesThePlatformsRecord() throws Exception {
        VideoRoom room = rooms.create("coburg");
        double finished = count("room_finished");

        // Deleted on the server directly: LiveKit's own signed room_finished webhook reaches the platform.
        server.deleteRoom(room.name()).execute();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count("room_finished")).isGreaterThan(finished);
            assertThat(recorded(room.name())).isFalse();
        });
        assertThatThrownBy(() -> rooms.joinToken(room.name())).isInstanceOf(VideoException.class);
    }

    @Test
    void deletingARoomRemovesItOnTheServerAndInTheRecords() throws Exception {
        VideoRoom room = rooms.create("leer");
        assertThat(recorded(room.name())).isTrue();

        rooms.delete(room.name());

        assertThat(server.listRooms(List.of(room.name())).execute().body()).isEmpty();
        assertThat(recorded(room.name())).isFalse();
        rooms.delete(room.name()); // twice: nothing left to do, no error
    }

    @Test
    void signedWebhooksAreAcceptedAndEgressStartedIsCountedAsAlarm() throws Exception {
        double egress = count("egress_started");
        double joined = count("participant_joined");

        assertThat(webhook(event("egress_started", "x" + System.nanoTime()), livekit.apiSecret(), null).statusCode())
                .isEqualTo(204);
        assertThat(webhook(participantEvent("participant_joined"), livekit.apiSecret(), null).statusCode())
                .isEqualTo(204);

        assertThat(count("egress_started")).isEqualTo(egress + 1);
        assertThat(count("participant_joined")).isEqualTo(joined + 1);
    }

    @Test
    void forgedOrAlteredWebhooksAreRefusedWith401() throws Exception {
        VideoRoom room = rooms.create("coburg");
        String body = event("room_finished", room.name());

        HttpResponse<String> tampered = webhook(body, livekit.apiSecret(), body.replace(room.name(), "a" + room.name().substring(1)));
        HttpResponse<String> wrongSecret = webhook(body, livekit.apiSecret().replace('a', 'b').replace('1', '2') + "x", null);
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/livekit/webhook"))
                .header("Content-Type", "application/webhook+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/livekit/webhook"))
                .header("Content-Type", "application/webhook+json").header("Authorization", "Bearer not-a-token")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(tampered, wrongSecret, unsigned, bearer)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(tampered.body()).contains("invalid-webhook-signature");
        assertThat(recorded(room.name())).as("a refused webhook changes nothing").isTrue();
        assertThat(server.listRooms(List.of(room.name())).execute().body()).hasSize(1);

        // The same body, properly signed, is accepted and acted upon.
        assertThat(webhook(body, livekit.apiSecret(), null).statusCode()).isEqualTo(204);
        assertThat(recorded(room.name())).isFalse();
    }

    private int validate(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(livekit.url() + "/rtc/validate?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Posts {@code signedBody} signed like LiveKit does, but sends {@code sentBody} when given. */
    private HttpResponse<String> webhook(String signedBody, String secret, String sentBody) throws Exception {
        AccessToken token = new AccessToken(livekit.apiKey(), secret);
        token.setSha256(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(signedBody.getBytes(StandardCharsets.UTF_8))));
        token.setTtl(Duration.ofMinutes(5).toMillis());
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/livekit/webhook"))
                .header("Content-Type", "application/webhook+json").header("Authorization", token.toJwt())
                .POST(HttpRequest.BodyPublishers.ofString(sentBody == null ? signedBody : sentBody)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String type, String roomName) {
        return "{\"event\":\"" + type + "\",\"room\":{\"sid\":\"RM_test\",\"name\":\"" + roomName + "\"},"
                + "\"id\":\"EV_" + System.nanoTime() + "\",\"createdAt\":\"" + Instant.now().getEpochSecond() + "\"}";
    }

    private static String participantEvent(String type) {
        return "{\"event\":\"" + type + "\",\"room\":{\"sid\":\"RM_test\",\"name\":\"abc\"},"
                + "\"participant\":{\"sid\":\"PA_test\",\"identity\":\"p-test\"},"
                + "\"id\":\"EV_" + System.nanoTime() + "\",\"createdAt\":\"" + Instant.now().getEpochSecond() + "\"}";
    }

    private double count(String event) {
        var counter = meters.find("amtsraum.video.webhooks").tag("event", event).counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean recorded(String roomName) {
        return db.fetchExists(de.amtsraum.readmodel.jooq.Tables.VIDEO_ROOM,
                de.amtsraum.readmodel.jooq.Tables.VIDEO_ROOM.ROOM_NAME.eq(roomName));
    }
}
