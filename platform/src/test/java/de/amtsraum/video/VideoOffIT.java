package de.amtsraum.video;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.Api;
import de.amtsraum.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without {@code amtsraum.livekit.url} the platform runs without video: no rooms, webhook 404. */
@PlatformTest
class VideoOffIT {

    @LocalServerPort
    int port;
    @Autowired
    ObjectProvider<Rooms> rooms;
    @Autowired
    ObjectProvider<VideoWebhooks> webhooks;

    @Test
    void videoIsOffWhenNoLiveKitIsConfigured() {
        Api api = new Api(port);

        assertThat(rooms.getIfAvailable()).isNull();
        assertThat(webhooks.getIfAvailable()).isNull();
        Api.Response response = api.post("/api/v1/livekit/webhook", null, "application/webhook+json", "{}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("video-not-configured");
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }
}
