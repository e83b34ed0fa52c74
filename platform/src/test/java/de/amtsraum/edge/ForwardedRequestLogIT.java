package de.amtsraum.edge;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a trusted proxy ({@code server.forward-headers-strategy=framework}) the request log takes
 * the client address from {@code X-Forwarded-For} exactly as Spring does (its ForwardedHeaderFilter
 * runs before the request-log filter), and still only anonymised. Without the setting the header is
 * ignored ({@code RequestLogIT}).
 */
@PlatformTest
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ForwardedRequestLogIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RequestLogs requestLogs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTrustedProxysForwardedAddressIsLoggedAnonymised() throws Exception {
        requestLogs.flush();
        clock.advance(Duration.ofMillis(11));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leer/datenschutz"))
                .header("X-Forwarded-For", "2001:db8:abcd:12:1:2:3:4, 10.0.0.1").header("X-Forwarded-Proto", "https")
                .GET().build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        requestLogs.flush();

        assertThat(jdbc.queryForList("select ip from request_log where at = ?", String.class,
                clock.instant().atOffset(ZoneOffset.UTC))).containsExactly("2001:db8:abcd:0:0:0:0:0");
    }
}
