package de.amtsraum.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.support.LocalPorts;
import de.amtsraum.support.Api;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault (a): the packaged jar under booking load, killed with SIGKILL. PostgreSQL runs outside the
 * app (as in production), so what the kill can lose is only what the app acknowledged without
 * committing. Clients book the benchmark tenant (bench/tenants/bench, no proof of work): half of
 * them fight over the first ten slots of the race desk (capacity 3), half spread over the office
 * (capacity 100). Every appointment a client saw acknowledged with 202 must exist after the restart,
 * open, with its event; no capacity counter may exceed its capacity or differ from the open
 * appointments it counts. Load seconds before the kill: {@code -Damtsraum.faults.kill-after=PT15S}.
 */
class AppKillFault {

    private static final Path JAR = Path.of("target", "amtsraum-platform.jar").toAbsolutePath();
    private static final Path TENANTS = Path.of("..", "bench", "tenants").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> CAPACITY = Map.of("location:bench-office", 100, "location:race-desk", 3);
    private static final int CLIENTS = 16;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final java.util.Queue<String> samples = new ConcurrentLinkedQueue<>();
    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroy();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    record Acknowledged(String appointmentId, String service, String start) {
    }

    /** Two starts of the jar on a busy machine can take longer than the default 5 minutes. */
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void noAcknowledgedBookingIsLostAndNoSlotIsOverbooked() throws Exception {
        assertThat(JAR).as("packaged jar (failsafe runs after package)").exists();
        Duration killAfter = Duration.parse(System.getProperty("amtsraum.faults.kill-after", "PT15S"));
        FaultFigures figures = new FaultFigures("app-kill").put("clients", CLIENTS)
                .put("load_before_kill_s", FaultFigures.seconds(killAfter));
        boolean passed = false;
        Path dataDir = TemporaryDataDirectory.create();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database amtsraum_fault");
            JdbcTemplate db = new JdbcTemplate(postgres.getDatabase("postgres", "amtsraum_fault"));
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/amtsraum_fault";
            int port = LocalPorts.free();

            running = start(dataDir, url, port);
            LocalPorts.awaitUp(running, port, Duration.ofSeconds(180));
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1); // no slot passes during the run
            List<String> race = slots(port, "wettlauf", today, 30).subList(0, 10);
            List<String> office = slots(port, "personalausweis-beantragen", today, 30);

            Queue acknowledged = new Queue();
            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            AtomicBoolean stopLoad = new AtomicBoolean();
            AtomicInteger sequence = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                boolean racing = c % 2 == 0;
                Random random = new Random(c);
                clients.add(Thread.ofPlatform().daemon().start(() -> {
                    while (!stopLoad.get()) {
                        String service = racing ? "wettlauf" : "personalausweis-beantragen";
                        List<String> pool = racing ? race : office;
                        String start = pool.get(random.nextInt(pool.size()));
                        String outcome = book(port, service, start, "kill-" + sequence.incrementAndGet(), acknowledged);
                        answers.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }

            // The load runs for real wall-clock time before the kill: that is the scenario.
            LockSupport.parkNanos(killAfter.toNanos());
            int acknowledgedAtKill = acknowledged.size();
            long killed = System.nanoTime();
            running.destroyForcibly(); // SIGKILL
            running.waitFor(30, TimeUnit.SECONDS);
            // The clients run on against the dead port until the restart is begun: refused connections.
            running = start(dataDir, url, port);
            double upAfter = LocalPorts.awaitUp(running, port, Duration.ofSeconds(180)).toNanos() / 1e9;
            double upSeconds = FaultFigures.seconds(killed, System.nanoTime());
            figures.put("acknowledged_202_before_kill", acknowledgedAtKill).put("kill_to_up_s", upSeconds)
                    .put("answers_so_far", counts(answers)).put("samples", List.copyOf(samples));
            long firstBooked = awaitFirstBooking(port, office, acknowledged);
            stopLoad.set(true);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(90));
            }

            List<Acknowledged> seen = acknowledged.all();
            Set<String> found = Set.copyOf(db.queryForList("select appointment_id from appointment where tenant_id = 'bench' "
                    + "and status in ('HELD', 'CONFIRMED')", String.class));
            Set<String> withEvents = Set.copyOf(db.queryForList("select distinct aggregate_identifier from domain_event_entry "
                    + "where payload_type = ?", String.class, de.amtsraum.booking.AppointmentRequested.class.getName()));
            List<String> lost = seen.stream().map(Acknowledged::appointmentId).filter(id -> !found.contains(id)).toList();
            List<String> withoutEvent = seen.stream().map(Acknowledged::appointmentId)
                    .filter(id -> !withEvents.contains(id)).toList();
            Map<String, Integer> maxUsed = new TreeMap<>();
            db.queryForList("select resource, max(used) as m from booking_capacity where tenant_id = 'bench' group by resource")
                    .forEach(row -> maxUsed.put((String) row.get("resource"), ((Number) row.get("m")).intValue()));
            Map<String, Integer> over = new TreeMap<>();
            maxUsed.forEach((resource, used) -> {
                if (used > CAPACITY.getOrDefault(resource, 0)) {
                    over.put(resource, used);
                }
            });
            Integer mismatches = db.queryForObject("""
                    with units as (
                        select 'location:' || location_id as resource,
                               generate_series(start_at, occupied_until - interval '5 minutes', interval '5 minutes') as unit_start
                        from appointment where tenant_id = 'bench' and status in ('HELD', 'CONFIRMED')),
                    expected as (select resource, unit_start, count(*) as n from units group by resource, unit_start),
                    ledger as (select resource, unit_start, used from booking_capacity where tenant_id = 'bench' and used > 0)
                    select count(*) from expected full join ledger using (resource, unit_start)
                    where coalesce(n, 0) <> coalesce(used, 0)""", Integer.class);
            Integer raceMax = db.queryForObject("select coalesce(max(n), 0) from (select count(*) as n from appointment "
                    + "where tenant_id = 'bench' and service_id = 'wettlauf' and status in ('HELD', 'CONFIRMED') "
                    + "group by start_at) s", Integer.class);

            figures.put("acknowledged_202_before_kill", acknowledgedAtKill)
                    .put("acknowledged_202_total", seen.size())
                    .put("found_after_restart", seen.size() - lost.size())
                    .put("lost", lost.size())
                    .put("acknowledged_without_event", withoutEvent.size())
                    .put("answers", counts(answers)).put("samples", List.copyOf(samples))
                    .put("start_to_up_after_kill_s", upAfter)
                    .put("kill_to_up_s", upSeconds)
                    .put("kill_to_first_booking_s", FaultFigures.seconds(killed, firstBooked))
                    .put("max_used", maxUsed).put("capacity", new TreeMap<>(CAPACITY))
                    .put("over_capacity", over).put("ledger_mismatches", mismatches)
                    .put("race_slot_max_open", raceMax);

            assertThat(acknowledgedAtKill).as("bookings acknowledged before the kill").isPositive();
            assertThat(lost).as("acknowledged bookings missing after the restart").isEmpty();
            assertThat(withoutEvent).as("acknowledged bookings without their event").isEmpty();
            assertThat(over).as("resources over capacity").isEmpty();
            assertThat(mismatches).as("capacity counters differing from the open appointments").isZero();
            assertThat(raceMax).as("open appointments on one race-desk slot").isLessThanOrEqualTo(3);
            assertThat(answers.keySet()).as("answers of the app: 202, 409 (slot full) or no connection")
                    .allMatch(a -> a.equals("202") || a.equals("409") || a.startsWith("io:"));
            passed = true;
        } finally {
            figures.write(passed);
        }
    }

    private static Map<String, Integer> counts(Map<String, AtomicInteger> answers) {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    /** Thread-safe list of acknowledged bookings. */
    static final class Queue {
        private final ConcurrentLinkedQueue<Acknowledged> items = new ConcurrentLinkedQueue<>();

        void add(Acknowledged a) {
            items.add(a);
        }

        int size() {
            return items.size();
        }

        List<Acknowledged> all() {
            return Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    /** One booking; returns the status ("202", "409", ...) or "io:<exception>" when no answer came. */
    private String book(int port, String service, String start, String mailbox, Queue acknowledged) {
        String body = "{\"serviceId\":\"" + service + "\",\"start\":\"" + start + "\",\"name\":\"Erika Mustermann\","
                + "\"email\":\"" + mailbox + "-" + UUID.randomUUID() + "@example.org\",\"phone\":\"+49 2361 123456\","
                + "\"consent\":true}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/tenants/bench/appointments"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                acknowledged.add(new Acknowledged(JSON.readTree(response.body()).get("appointmentId").asText(), service, start));
            }
            if (response.statusCode() != 202 && response.statusCode() != 409 && samples.size() < 5) {
                samples.add(response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return Integer.toString(response.statusCode());
        } catch (IOException e) {
            // Refused while the app is down; no pause needed, the connect itself fails at once or times out.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            return "io:" + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "io:interrupted";
        }
    }

    private long awaitFirstBooking(int port, List<String> office, Queue acknowledged) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> answers = new ArrayList<>();
        int i = 0;
        while (System.nanoTime() < deadline) {
            // Slots from the end of the list: the first ones of today may have passed meanwhile.
            String start = office.get(office.size() - 1 - (i++ % Math.min(50, office.size())));
            String answer = book(port, "personalausweis-beantragen", start, "after-kill", acknowledged);
            if ("202".equals(answer)) {
                return System.nanoTime();
            }
            answers.add(answer);
        }
        throw new AssertionError("no booking accepted within 60 s after UP: " + answers.subList(0, Math.min(20, answers.size()))
                + " " + samples);
    }

    private List<String> slots(int port, String service, LocalDate from, int days) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/tenants/bench/services/" + service + "/slots?from=" + from + "&to=" + from.plusDays(days)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        for (JsonNode slot : JSON.readTree(response.body())) {
            starts.add(slot.get("start").asText());
        }
        assertThat(starts).as("slots of " + service).hasSizeGreaterThanOrEqualTo(10);
        return starts;
    }

    private Process start(Path dataDir, String url, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", JAR.toString()))
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("AMTSRAUM_DATA_DIR", dataDir.toString());
        env.put("AMTSRAUM_TENANTS_DIR", TENANTS.toString());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("SPRING_DATASOURCE_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        return builder.start();
    }


}
