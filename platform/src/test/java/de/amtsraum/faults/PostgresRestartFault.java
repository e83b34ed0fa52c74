package de.amtsraum.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.support.LocalPorts;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault (b): PostgreSQL stops (fast shutdown, as a restart or fail-over does) while the app runs,
 * stays down for {@code amtsraum.faults.postgres-outage} (default PT20S) and comes back on the same
 * address. Meanwhile every API answer is either served from memory (2xx) or a 503 problem+json with
 * Retry-After; every page either works or is a German 503 page; never a 500, never internals.
 * Afterwards the app recovers by itself: measured until the first slot search and the first
 * booking succeed again, and the booking made before the outage is still there.
 *
 * <p>The pool's connection timeout is 5 s here (spring.datasource.hikari.connection-timeout=5000),
 * as docs/operations.md recommends, so a request fails after at most that long instead of Hikari's
 * default 30 s.
 */
class PostgresRestartFault {

    private static final String TENANT = "recklinghausen";
    private static final String SERVICE = "meldebescheinigung";
    private static final List<String> INTERNALS = List.of("Exception", "org.postgresql", "PSQL", "at de.", "at org.",
            "Hikari", "jdbc:");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Answer(String kind, int status, String contentType, String body, String retryAfter, long millis) {
    }

    @Test
    void requestsFailCleanlyDuringTheOutageAndRecoverByThemselves() throws Exception {
        Duration outage = Duration.parse(System.getProperty("amtsraum.faults.postgres-outage", "PT20S"));
        FaultFigures figures = new FaultFigures("postgres-restart").put("outage_s", FaultFigures.seconds(outage))
                .put("hikari_connection_timeout_ms", 5000);
        boolean passed = false;
        Path cluster = Files.createTempDirectory("amtsraum-fault-pg-");
        int pgPort = LocalPorts.free();
        EmbeddedPostgres postgres = server(cluster, pgPort);
        try {
            new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database amtsraum_fault");
            Map<String, String> settings = Map.of(
                    "amtsraum.data-dir", TemporaryDataDirectory.create().toString(),
                    "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/amtsraum_fault",
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres",
                    "spring.datasource.hikari.connection-timeout", "5000");
            try (PlatformInstance app = PlatformInstance.start(settings)) {
                Api api = app.api();
                int port = Integer.parseInt(api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1));
                MutableClock clock = app.bean(MutableClock.class);
                JsonNode slot = BookingFixtures.freeSlot(api, TENANT, SERVICE, clock.instant(), 3);
                String start = slot.get("start").asText();
                LocalDate day = LocalDate.parse(start.substring(0, 10));
                Api.Response before = BookingFixtures.book(api, TENANT, form(start));
                assertThat(before.status()).as(before.body()).isEqualTo(202);
                String bookedBefore = before.json().get("appointmentId").asText();
                Deque<String> solutions = new ArrayDeque<>();
                for (int i = 0; i < 200; i++) {
                    solutions.add(BookingFixtures.solve(api, TENANT));
                }

                String slotsPath = "/api/v1/tenants/" + TENANT + "/services/" + SERVICE + "/slots?from=" + day + "&to=" + day;
                Map<String, Supplier<Answer>> requests = new java.util.LinkedHashMap<>();
                requests.put("api_slots", () -> send(port, "api_slots", "GET", slotsPath, "application/json", null));
                requests.put("api_booking", () -> {
                    ObjectNode form = form(start);
                    form.put("proofOfWork", solutions.isEmpty() ? "x" : solutions.pop());
                    return send(port, "api_booking", "POST", "/api/v1/tenants/" + TENANT + "/appointments",
                            "application/json", form.toString());
                });
                requests.put("page_start", () -> send(port, "page_start", "GET", "/" + TENANT + "/termin", "text/html", null));
                requests.put("page_day", () -> send(port, "page_day", "GET", "/" + TENANT + "/termin/" + SERVICE + "/tag/"
                        + day, "text/html", null));
                requests.put("health", () -> send(port, "health", "GET", "/actuator/health", "application/json", null));

                long stopped = System.nanoTime();
                postgres.close(); // pg_ctl stop -m fast; the cluster stays
                double stopSeconds = FaultFigures.seconds(stopped, System.nanoTime());
                List<Answer> during = new ArrayList<>();
                long until = System.nanoTime() + outage.toNanos();
                while (System.nanoTime() < until) {
                    for (Supplier<Answer> request : requests.values()) {
                        during.add(request.get());
                    }
                }

                long restarted = System.nanoTime();
                postgres = server(cluster, pgPort);
                double pgStartSeconds = FaultFigures.seconds(restarted, System.nanoTime());
                Map<String, Double> recovered = new TreeMap<>();
                List<Answer> after = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (recovered.size() < requests.size() && System.nanoTime() < deadline) {
                    for (Map.Entry<String, Supplier<Answer>> request : requests.entrySet()) {
                        if (recovered.containsKey(request.getKey())) {
                            continue;
                        }
                        Answer answer = request.getValue().get();
                        after.add(answer);
                        if (answer.status() / 100 == 2) {
                            recovered.put(request.getKey(), FaultFigures.seconds(restarted, System.nanoTime()));
                        }
                    }
                    // Polling the recovery; a real client would honour Retry-After.
                    TimeUnit.MILLISECONDS.sleep(200);
                }
                JdbcTemplate db = new JdbcTemplate(postgres.getDatabase("postgres", "amtsraum_fault"));
                Integer kept = db.queryForObject("select count(*) from appointment where appointment_id = ?", Integer.class,
                        bookedBefore);

                Map<String, Map<String, Integer>> byKind = new TreeMap<>();
                Map<String, Long> slowest = new TreeMap<>();
                for (Answer answer : during) {
                    byKind.computeIfAbsent(answer.kind(), k -> new TreeMap<>()).merge(Integer.toString(answer.status()), 1, Integer::sum);
                    slowest.merge(answer.kind(), answer.millis(), Math::max);
                }
                List<String> bad = new ArrayList<>();
                for (Answer answer : during) {
                    String what = answer.kind() + " " + answer.status() + " " + answer.contentType() + " "
                            + answer.body().substring(0, Math.min(200, answer.body().length()));
                    if (answer.status() >= 500 && answer.status() != 503) {
                        bad.add("not 503: " + what);
                    }
                    if (INTERNALS.stream().anyMatch(answer.body()::contains)) {
                        bad.add("internals: " + what);
                    }
                    if (answer.status() == 503 && answer.kind().startsWith("api_")) {
                        if (!answer.contentType().startsWith("application/problem+json") || answer.retryAfter() == null) {
                            bad.add("API 503 without problem+json or Retry-After: " + what + " " + answer.retryAfter());
                        }
                    }
                    if (answer.status() == 503 && answer.kind().startsWith("page_")
                            && !(answer.contentType().startsWith("text/html") && answer.body().contains("lang=\"de\"")
                            && answer.body().contains("vorübergehend nicht erreichbar"))) {
                        bad.add("page 503 not the German page: " + what);
                    }
                }
                figures.put("postgres_stop_s", stopSeconds).put("postgres_start_s", pgStartSeconds)
                        .put("requests_during_outage", during.size())
                        .put("answers_during_outage", byKind)
                        .put("slowest_answer_during_outage_ms", slowest)
                        .put("recovered_after_postgres_start_s", recovered)
                        .put("requests_until_recovered", after.size())
                        .put("booking_before_outage_kept", kept == 1)
                        .put("violations", bad.size())
                        .put("violation_samples", bad.stream().limit(5).toList());

                assertThat(bad).as("answers during the outage").isEmpty();
                assertThat(byKind.get("api_booking")).as("bookings during the outage").containsOnlyKeys("503");
                assertThat(byKind.get("health")).as("health (readiness includes the database) during the outage")
                        .containsOnlyKeys("503");
                assertThat(byKind.get("page_day")).as("the day page during the outage").containsKey("503");
                assertThat(recovered).as("recovered after PostgreSQL came back").containsOnlyKeys(requests.keySet());
                assertThat(kept).as("the booking made before the outage").isEqualTo(1);
                passed = true;
            }
        } finally {
            figures.write(passed);
            postgres.close();
        }
    }

    private static ObjectNode form(String start) {
        return BookingFixtures.recklinghausen(SERVICE, start, "pg-" + UUID.randomUUID() + "@example.org");
    }

    private Answer send(int port, String kind, String method, String path, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(kind, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Retry-After").orElse(null),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            return new Answer(kind, -1, "", "io: " + e.getClass().getSimpleName(), null, (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedPostgres server(Path cluster, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).setPort(port).start();
    }

}
