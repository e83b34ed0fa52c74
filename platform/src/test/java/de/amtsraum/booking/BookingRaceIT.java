package de.amtsraum.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformInstance;
import de.amtsraum.support.TemporaryDataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app instances on one PostgreSQL: clients of both book the very same slot at the same moment;
 * exactly its capacity is held, everybody else gets 409, and both instances expiring the holds at
 * once free each place exactly once.
 */
class BookingRaceIT {

    static final String START = "2027-03-01T06:00:00Z";
    static final int CLIENTS = 40;

    @Test
    void capacityHoldsAcrossInstancesSharingOneDatabase() throws Exception {
        Path dataDir = TemporaryDataDirectory.create();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            JdbcTemplate admin = new JdbcTemplate(server.getPostgresDatabase());
            admin.execute("create database amtsraum_race");
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/amtsraum_race";
            Map<String, String> settings = Map.of(
                    "amtsraum.data-dir", dataDir.toString(),
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres",
                    "spring.datasource.hikari.maximum-pool-size", "20",
                    "amtsraum.test.clock", START);
            try (PlatformInstance one = PlatformInstance.start(settings);
                 PlatformInstance two = PlatformInstance.start(settings)) {
                JdbcTemplate db = new JdbcTemplate(server.getDatabase("postgres", "amtsraum_race"));
                List<Api> apis = List.of(one.api(), two.api());
                JsonNode slot = BookingFixtures.freeSlot(apis.get(0), "recklinghausen", "meldebescheinigung",
                        Instant.parse(START), 4);
                String start = slot.get("start").asText();
                int capacity = slot.get("remaining").asInt();

                List<ObjectNode> forms = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    ObjectNode form = BookingFixtures.recklinghausen("meldebescheinigung", start,
                            "race-" + i + "-" + UUID.randomUUID() + "@example.org");
                    form.put("proofOfWork", BookingFixtures.solve(apis.get(i % 2), "recklinghausen"));
                    forms.add(form);
                }
                CyclicBarrier together = new CyclicBarrier(CLIENTS);
                List<Integer> statuses = new ArrayList<>();
                try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                    List<Future<Integer>> answers = new ArrayList<>();
                    for (int i = 0; i < CLIENTS; i++) {
                        Api api = apis.get(i % 2);
                        ObjectNode form = forms.get(i);
                        answers.add(clients.submit(() -> {
                            together.await();
                            return BookingFixtures.book(api, "recklinghausen", form).status();
                        }));
                    }
                    for (Future<Integer> answer : answers) {
                        statuses.add(answer.get());
                    }
                }

                assertThat(statuses).filteredOn(status -> status == 202).hasSize(capacity);
                assertThat(statuses).filteredOn(status -> status == 409).hasSize(CLIENTS - capacity);
                Instant at = OffsetDateTime.parse(start).toInstant();
                assertThat(db.queryForObject("select count(*) from appointment where start_at = ? and status = 'HELD'",
                        Integer.class, java.sql.Timestamp.from(at))).isEqualTo(capacity);
                assertThat(db.queryForObject("select max(used) from booking_capacity where resource = "
                        + "'location:buergerbuero-rathaus'", Integer.class)).isEqualTo(capacity);
                assertThat(BookingFixtures.slots(apis.get(1), "recklinghausen", "meldebescheinigung", Instant.parse(START), 40))
                        .noneMatch(s -> s.get("start").asText().equals(start));

                // Both instances sweep expired holds at the same time: each place is freed once.
                for (PlatformInstance instance : List.of(one, two)) {
                    instance.bean(MutableClock.class).advance(Duration.ofMinutes(21));
                }
                var sweepOne = CompletableFuture.supplyAsync(() -> one.bean(BookingSweeps.class).expireHolds());
                var sweepTwo = CompletableFuture.supplyAsync(() -> two.bean(BookingSweeps.class).expireHolds());
                assertThat(sweepOne.get() + sweepTwo.get()).isEqualTo(capacity);
                assertThat(db.queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                        Integer.class, AppointmentHoldExpired.class.getName())).isEqualTo(capacity);
                assertThat(db.queryForObject("select coalesce(max(used), 0) from booking_capacity", Integer.class))
                        .isZero();
                assertThat(BookingFixtures.slots(apis.get(0), "recklinghausen", "meldebescheinigung",
                        Instant.parse(START).plus(Duration.ofMinutes(21)), 40).stream()
                        .filter(s -> s.get("start").asText().equals(start)).findFirst().orElseThrow()
                        .get("remaining").asInt()).isEqualTo(capacity);
            }
        }
    }
}
