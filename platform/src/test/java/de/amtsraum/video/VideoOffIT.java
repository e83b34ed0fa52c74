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
    @Autowired
    Calls calls;
    @Autowired
    de.amtsraum.support.MutableClock clock;

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

    @Test
    void callsAreUnavailableAndTheStaffPageSaysSoInGerman() {
        assertThat(calls.available("coburg")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> calls.start("coburg", de.amtsraum.shared.CaseIds.random()))
                .isInstanceOfSatisfying(VideoException.class,
                        e -> assertThat(e.reason()).isEqualTo(VideoException.Reason.NOT_CONFIGURED));

        de.amtsraum.support.PageClient staff = new de.amtsraum.support.PageClient(port);
        var page = de.amtsraum.support.StaffPages.signedIn(staff, "coburg", "/coburg/mitarbeiter/video", clock);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Die Videoberatung ist derzeit nicht verfügbar.")
                .doesNotContain("Exception").doesNotContain("Anruf starten");
        var callPage = staff.get("/coburg/mitarbeiter/video/" + java.util.UUID.randomUUID());
        assertThat(callPage.statusCode()).isEqualTo(503);
        assertThat(callPage.body()).contains("Die Videoberatung ist derzeit nicht verfügbar.");

        Api api = new Api(port);
        Api.Response start = api.post("/api/v1/tenants/coburg/calls", api.token("coburg-dev", "dev"), "application/json",
                "{\"caseId\":\"" + de.amtsraum.shared.CaseIds.random() + "\"}");
        assertThat(start.status()).isEqualTo(404);
        assertThat(start.contentType()).startsWith("application/problem+json");
        assertThat(start.body()).contains("video-not-configured");
        assertThat(api.get("/api/v1/tenants/coburg/services").status()).as("booking keeps working").isEqualTo(200);
    }
}
