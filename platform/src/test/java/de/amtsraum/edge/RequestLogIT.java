package de.amtsraum.edge;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code request_log}: one row per page or API request with the route template (no query string, no
 * ids or tokens), the tenant or the platform bucket, the anonymised address and the user-agent family;
 * retention per tenant by the COLLECTED rule of its ACCESS_LOG category, on the clock.
 */
@PlatformTest
class RequestLogIT {

    private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RequestLogs requestLogs;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    int get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("User-Agent", CHROME_ON_WINDOWS)
                // Not trusted: server.forward-headers-strategy is not set, so Spring ignores it and so do we.
                .header("X-Forwarded-For", "198.51.100.7").header("Accept", "text/html,*/*;q=0.8").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A fresh instant only this test's requests carry (the test clock stands still). */
    Instant mark() {
        requestLogs.flush();
        clock.advance(Duration.ofMillis(7));
        return clock.instant();
    }

    List<Map<String, Object>> rows(Instant at) {
        requestLogs.flush();
        return jdbc.queryForList("select tenant_id, method, path_template, status, ip, browser, os from request_log "
                + "where at = ? order by path_template", at.atOffset(ZoneOffset.UTC));
    }

    @Test
    void rowsCarryTemplatesTenantsAndAnonymisedAddressesButNoQueryStringsOrIds() throws Exception {
        Instant at = mark();
        String id = UUID.randomUUID().toString();
        assertThat(get("/helbra/kontakt/widerruf?token=SECRET-TOKEN-123")).isEqualTo(200);
        assertThat(get("/recklinghausen/termin/personalausweis-beantragen?monat=2031-01&lang=en")).isEqualTo(200);
        assertThat(get("/api/v1/tenants/leer/services")).isEqualTo(200);
        assertThat(get("/api/v1/tenants/helbra/contact-requests/" + id + "?debug=true")).isEqualTo(401);
        assertThat(get("/helbra/kontakt/erika.mustermann@example.org")).isEqualTo(404);
        assertThat(get("/keine-behoerde/kontakt?email=erika@example.org")).isEqualTo(404);
        assertThat(get("/kern/kern.min.css")).as("assets are not logged").isEqualTo(200);

        List<Map<String, Object>> rows = rows(at);
        assertThat(rows).extracting(row -> row.get("tenant_id") + " " + row.get("method") + " "
                + row.get("path_template") + " " + row.get("status")).containsExactlyInAnyOrder(
                "helbra GET /{tenant}/kontakt/widerruf 200",
                "recklinghausen GET /{tenant}/termin/{service} 200",
                "leer GET /api/v1/tenants/{tenant}/services 200",
                "helbra GET /api/v1/tenants/{tenant}/contact-requests/{_} 401",
                "helbra GET /{tenant}/kontakt/{_} 404",
                "null GET /{tenant}/kontakt 404");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("ip")).as("anonymised, X-Forwarded-For not trusted").isEqualTo("127.0.0.0");
            assertThat(row.get("browser")).isEqualTo("Chrome");
            assertThat(row.get("os")).isEqualTo("Windows");
        });
        String all = rows.stream().map(Map::toString).collect(Collectors.joining());
        assertThat(all).doesNotContain("SECRET", "token", "monat", "2031", "erika", "@", id, "keine-behoerde",
                "198.51.100", "127.0.0.1");
    }

    @Test
    void purgeAppliesEachTenantsLogRetentionOnTheClock() throws Exception {
        Instant at = mark();
        for (String tenant : List.of("heilbronn", "coburg", "recklinghausen", "leer", "helbra")) {
            assertThat(get("/" + tenant + "/datenschutz")).isEqualTo(200);
        }
        assertThat(get("/api/v1/tenants")).isEqualTo(200);
        assertThat(rows(at)).hasSize(6);

        // Recklinghausen: PT48H ANONYMISE — the row stays, without IP and user agent.
        purgeAt(at.plus(Duration.ofHours(48)).minusSeconds(1));
        assertThat(remaining(at)).containsOnlyKeys("heilbronn", "coburg", "recklinghausen", "leer", "helbra", "platform");
        assertThat(rows(at)).allSatisfy(row -> assertThat(row.get("ip")).isNotNull());
        purgeAt(at.plus(Duration.ofHours(48)));
        assertThat(remaining(at)).containsOnlyKeys("heilbronn", "coburg", "recklinghausen", "leer", "helbra", "platform");
        assertThat(rows(at)).allSatisfy(row -> {
            boolean anonymised = "recklinghausen".equals(row.get("tenant_id"));
            assertThat(row.get("ip") == null).as(row.toString()).isEqualTo(anonymised);
            assertThat(row.get("browser") == null).as(row.toString()).isEqualTo(anonymised);
            assertThat(row.get("os") == null).as(row.toString()).isEqualTo(anonymised);
        });

        // Helbra P7D and the platform bucket (7 days by default).
        purgeAt(at.plus(Duration.ofDays(7)).minusSeconds(1));
        assertThat(remaining(at)).containsKeys("helbra", "platform");
        purgeAt(at.plus(Duration.ofDays(7)));
        assertThat(remaining(at)).containsOnlyKeys("heilbronn", "coburg", "recklinghausen", "leer");

        // Leer P14D, Coburg P30D.
        purgeAt(at.plus(Duration.ofDays(14)).minusSeconds(1));
        assertThat(remaining(at)).containsKey("leer");
        purgeAt(at.plus(Duration.ofDays(14)));
        assertThat(remaining(at)).containsOnlyKeys("heilbronn", "coburg", "recklinghausen");
        purgeAt(at.plus(Duration.ofDays(30)));
        assertThat(remaining(at)).containsOnlyKeys("heilbronn", "recklinghausen");

        // Heilbronn P6M, a calendar period in Europe/Berlin.
        Instant sixMonths = at.atZone(java.time.ZoneId.of("Europe/Berlin")).plusMonths(6).toInstant();
        purgeAt(sixMonths.minusSeconds(1));
        assertThat(remaining(at)).containsKey("heilbronn");
        purgeAt(sixMonths);
        assertThat(remaining(at)).as("anonymised rows keep the count").containsOnlyKeys("recklinghausen");
        assertThat(remaining(at).get("recklinghausen")).isEqualTo(1);
    }

    void purgeAt(Instant now) {
        clock.set(now);
        requestLogs.purge();
    }

    Map<String, Integer> remaining(Instant at) {
        return rows(at).stream().collect(Collectors.toMap(
                row -> row.get("tenant_id") == null ? "platform" : row.get("tenant_id").toString(), row -> 1,
                Integer::sum));
    }
}
