package de.amtsraum.observability.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;

/**
 * LiveKit (video): {@code GET /} of the server, which answers 200 "OK" without credentials, the
 * cheapest call it has. Details: the status code or that it did not answer; no address.
 */
class LiveKitHealth extends CachedCheck {

    private final URI root;
    private final Duration timeout;
    private final HttpClient http;

    LiveKitHealth(String url, Duration timeout, Duration cache, MeterRegistry meters) {
        super("livekit", cache, meters);
        this.root = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    Health check() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(root).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return Health.up().build();
            }
            return Health.status(DEGRADED).withDetail("reason", "answered " + response.statusCode())
                    .withDetail("effect", "video calls cannot start; booking is unaffected").build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.status(DEGRADED).withDetail("reason", "interrupted").build();
        } catch (Exception unreachable) {
            return Health.status(DEGRADED)
                    .withDetail("reason", "did not answer within " + timeout.toMillis() + " ms")
                    .withDetail("effect", "video calls cannot start; booking is unaffected").build();
        }
    }
}
