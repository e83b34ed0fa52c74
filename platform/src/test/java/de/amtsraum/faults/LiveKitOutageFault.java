package de.amtsraum.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.LiveKitServer;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.StaffPages;
import de.amtsraum.support.TemporaryDataDirectory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fault (d): the LiveKit server is stopped while the platform runs. Booking goes on unaffected
 * (video appointments of Heilbronn and in-person ones of Recklinghausen, booked and confirmed
 * through the mailed link); starting a call answers 503 video-unavailable on the API and says so
 * in German on the staff case page; once LiveKit is back, calls start again without a restart.
 */
class LiveKitOutageFault {

    private static final String VIDEO_TENANT = "coburg";
    private static final int BOOKINGS = 10;

    @Test
    void bookingIsUnaffectedAndStaffAreToldVideoIsUnavailable() throws Exception {
        FaultFigures figures = new FaultFigures("livekit-outage");
        boolean passed = false;
        LiveKitServer livekit = LiveKitServer.prepare();
        Path dataDir = TemporaryDataDirectory.create();
        Map<String, String> settings = Map.of(
                "amtsraum.data-dir", dataDir.toString(),
                "amtsraum.livekit.url", livekit.url(),
                "amtsraum.livekit.api-key", livekit.apiKey(),
                "amtsraum.livekit.api-secret", livekit.apiSecret());
        try (PlatformInstance app = PlatformInstance.start(settings)) {
            Api api = app.api();
            int port = Integer.parseInt(api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1));
            MutableClock clock = app.bean(MutableClock.class);
            ConsultationCases cases = app.bean(ConsultationCases.class);
            livekit.startFor(port);
            String staff = api.token(VIDEO_TENANT + "-dev", "dev");
            Api.Response before = startCall(api, staff, cases.open(VIDEO_TENANT, null));
            assertThat(before.status()).as("a call starts while LiveKit runs: " + before.body()).isEqualTo(201);

            livekit.close();
            List<Long> millis = new ArrayList<>();
            int confirmed = 0;
            for (int i = 0; i < BOOKINGS; i++) {
                boolean video = i % 2 == 0;
                String tenant = video ? "heilbronn" : "recklinghausen";
                String service = video ? "video-baurecht" : "meldebescheinigung";
                JsonNode slot = BookingFixtures.freeSlot(api, tenant, service, clock.instant(), 1);
                String email = "livekit-aus-" + UUID.randomUUID() + "@example.org";
                var form = video ? BookingFixtures.heilbronn(service, slot.get("start").asText(), email)
                        : BookingFixtures.recklinghausen(service, slot.get("start").asText(), email);
                long started = System.nanoTime();
                BookingFixtures.bookAndConfirm(api, dataDir.resolve("mail"), tenant, form); // asserts 202, then 200
                millis.add((System.nanoTime() - started) / 1_000_000);
                confirmed++;
            }

            Api.Response refused = startCall(api, staff, cases.open(VIDEO_TENANT, null));
            String caseId = cases.open(VIDEO_TENANT, null);
            PageClient browser = new PageClient(port);
            String casePath = "/" + VIDEO_TENANT + "/mitarbeiter/faelle/" + caseId;
            HttpResponse<String> casePage = StaffPages.signedIn(browser, VIDEO_TENANT, casePath, clock);
            String action = StaffPages.formAction(casePage.body(), "/videoanruf");
            HttpResponse<String> pageAnswer = browser.post(action, StaffPages.csrfOf(casePage.body(), action), Map.of());

            long restarted = System.nanoTime();
            livekit.startFor(port);
            Api.Response after = startCall(api, staff, cases.open(VIDEO_TENANT, null));
            double callAfter = FaultFigures.seconds(restarted, System.nanoTime());

            figures.put("bookings_confirmed_while_livekit_down", confirmed).put("bookings_tried", BOOKINGS)
                    .put("book_and_confirm_ms_max", millis.stream().mapToLong(Long::longValue).max().orElse(0))
                    .put("api_start_call_status", refused.status())
                    .put("api_start_call_type", refused.status() == 201 ? "" : refused.json().path("type").asText())
                    .put("staff_page_status", pageAnswer.statusCode())
                    .put("staff_page_says_unavailable", pageAnswer.body().contains("Videoserver ist gerade nicht erreichbar"))
                    .put("call_after_livekit_back_status", after.status())
                    .put("call_after_livekit_start_s", callAfter);

            assertThat(confirmed).isEqualTo(BOOKINGS);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("/video-unavailable");
            assertThat(pageAnswer.body()).contains("Der Videoanruf konnte nicht gestartet werden: Der Videoserver ist gerade "
                    + "nicht erreichbar.").doesNotContain("Exception");
            assertThat(pageAnswer.statusCode()).as("a German refusal, never a 500").isBetween(200, 503).isNotEqualTo(500);
            assertThat(after.status()).as("calls start again without a restart: " + after.body()).isEqualTo(201);
            passed = true;
        } finally {
            figures.write(passed);
            livekit.close();
        }
    }

    private static Api.Response startCall(Api api, String token, String caseId) {
        return api.post("/api/v1/tenants/" + VIDEO_TENANT + "/calls", token, "application/json",
                "{\"caseId\":\"" + caseId + "\"}");
    }
}
