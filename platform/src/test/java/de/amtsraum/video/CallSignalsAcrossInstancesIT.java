package de.amtsraum.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.amtsraum.shared.CaseIds;
import de.amtsraum.support.Api;
import de.amtsraum.support.LiveKitServer;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two app instances on one database: the citizen's page is connected (SSE) to the first, staff
 * start the call on the second, and the signal reaches the page — through PostgreSQL
 * LISTEN/NOTIFY, not through memory.
 */
class CallSignalsAcrossInstancesIT {

    @Test
    void aCallStartedOnOneInstanceSignalsThePageOpenOnAnother() throws Exception {
        try (LiveKitServer livekit = LiveKitServer.prepare();
             EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            Map<String, String> shared = Map.of(
                    "amtsraum.data-dir", TemporaryDataDirectory.create().toString(),
                    "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
                    "spring.datasource.username", "postgres",
                    "amtsraum.livekit.url", livekit.url(),
                    "amtsraum.livekit.api-key", livekit.apiKey(),
                    "amtsraum.livekit.api-secret", livekit.apiSecret());
            try (PlatformInstance first = PlatformInstance.start(shared);
                 PlatformInstance second = PlatformInstance.start(shared)) {
                livekit.start(second.api().baseUrl() + "/api/v1/livekit/webhook");
                String caseId = CaseIds.random();
                String page = first.bean(CallLinks.class).citizenPage("coburg", caseId, Duration.ofHours(1));

                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                                URI.create(first.api().baseUrl() + "/coburg/video/signale?" + page.substring(page.indexOf('?') + 1)))
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                        .get(20, TimeUnit.SECONDS);
                assertThat(stream.statusCode()).isEqualTo(200);
                Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
                await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data:ready"));

                Api onSecond = second.api();
                Api.Response started = onSecond.post("/api/v1/tenants/coburg/calls", onSecond.token("coburg-dev", "dev"),
                        "application/json", "{\"caseId\":\"" + caseId + "\"}");
                assertThat(started.status()).as(started.body()).isEqualTo(201);

                await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data:signalled"));
            }
        }
    }
}
