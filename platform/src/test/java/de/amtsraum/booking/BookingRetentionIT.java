package de.amtsraum.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three booking retention rules of the issue, driven by the clock: Heilbronn shreds appointment
 * data when the appointment ends, Recklinghausen anonymises 48 hours after, Leer shreds name and
 * e-mail seven days after they were taken. Statistics survive every one of them.
 */
@PlatformTest
class BookingRetentionIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    RetentionDeadlines retention;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** Books and confirms; returns the appointment as staff see it. */
    private JsonNode bookAndConfirm(String tenant, String service, com.fasterxml.jackson.databind.node.ObjectNode form,
                                    String email) {
        return staffView(tenant, BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), tenant, form));
    }

    private JsonNode staffView(String tenant, String id) {
        return api.get("/api/v1/tenants/" + tenant + "/appointments/" + id, api.token(tenant + "-dev", "dev")).json();
    }

    private int statistics(String tenant, String outcome) {
        Integer count = jdbc.queryForObject("select coalesce(sum(count), 0) from appointment_statistics "
                + "where tenant_id = ? and outcome = ?", Integer.class, tenant, outcome);
        return count == null ? 0 : count;
    }

    private static Instant end(JsonNode appointment) {
        return OffsetDateTime.parse(appointment.get("end").asText()).toInstant();
    }

    @Test
    void heilbronnShredsAppointmentDataWhenTheAppointmentEnds() {
        String email = "hn-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-kfz-zulassung", clock.instant(), 1);
        JsonNode booked = bookAndConfirm("heilbronn", "video-kfz-zulassung",
                BookingFixtures.heilbronn("video-kfz-zulassung", slot.get("start").asText(), email), email);
        String id = booked.get("appointmentId").asText();
        assertThat(booked.get("concern").asText()).isEqualTo("Verlängerung meines Aufenthaltstitels");
        int confirmedBefore = statistics("heilbronn", "CONFIRMED");

        clock.set(end(booked).minusSeconds(1));
        retention.runDue();
        assertThat(staffView("heilbronn", id).get("email").asText()).isEqualTo(email);

        clock.set(end(booked).plusSeconds(1));
        retention.runDue();
        JsonNode after = staffView("heilbronn", id);
        for (String field : new String[] {"name", "email", "phone", "concern", "address", "birthDate"}) {
            assertThat(after.get(field).asText()).as(field).isEqualTo(Redaction.VALUE);
        }
        assertThat(after.get("serviceId").asText()).isEqualTo("video-kfz-zulassung");
        assertThat(jdbc.queryForObject("select email_index from appointment where appointment_id = ?", String.class, id))
                .isNull();
        assertThat(statistics("heilbronn", "CONFIRMED")).isEqualTo(confirmedBefore);
    }

    @Test
    void recklinghausenAnonymisesFortyEightHoursAfterTheAppointment() {
        String email = "re-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", "meldebescheinigung", clock.instant(), 1);
        JsonNode booked = bookAndConfirm("recklinghausen", "meldebescheinigung",
                BookingFixtures.recklinghausen("meldebescheinigung", slot.get("start").asText(), email), email);
        String id = booked.get("appointmentId").asText();
        String staff = api.token("recklinghausen-dev", "dev");
        clock.set(OffsetDateTime.parse(booked.get("start").asText()).toInstant().plusSeconds(60));
        assertThat(api.post("/api/v1/tenants/recklinghausen/appointments/" + id + "/outcome", staff, "application/json",
                "{\"outcome\":\"DONE\"}").status()).isEqualTo(200);
        int done = statistics("recklinghausen", "DONE");

        clock.set(end(booked).plus(Duration.ofHours(48)).minusSeconds(1));
        retention.runDue();
        assertThat(staffView("recklinghausen", id).get("name").asText()).isEqualTo("Erika Mustermann");

        clock.set(end(booked).plus(Duration.ofHours(48)).plusSeconds(1));
        retention.runDue();
        JsonNode after = staffView("recklinghausen", id);
        assertThat(after.get("name").asText()).isEqualTo(Redaction.VALUE);
        assertThat(after.get("email").asText()).isEqualTo(Redaction.VALUE);
        assertThat(after.get("phone").asText()).isEqualTo(Redaction.VALUE);
        assertThat(after.get("status").asText()).as("the non-personal facts stay").isEqualTo("DONE");
        assertThat(after.get("serviceName").asText()).isEqualTo("Meldebescheinigung");
        assertThat(statistics("recklinghausen", "DONE")).isEqualTo(done).isPositive();
        assertThat(jdbc.queryForList("select action from retention_deadline where tenant_id = 'recklinghausen' "
                + "and category_id = 'appointment-data' and done_at is not null", String.class)).contains("ANONYMISE");
    }

    @Test
    void leerShredsNameAndEmailSevenDaysAfterTheyWereTaken() {
        String email = "leer-" + UUID.randomUUID() + "@example.org";
        Instant taken = clock.instant();
        JsonNode slot = BookingFixtures.freeSlot(api, "leer", "video-pflegeberatung", clock.instant(), 1);
        JsonNode booked = bookAndConfirm("leer", "video-pflegeberatung",
                BookingFixtures.leer("video-pflegeberatung", slot.get("start").asText(), email), email);
        String id = booked.get("appointmentId").asText();
        assertThat(booked.get("phone").isNull()).as("Leer does not ask for a phone number").isTrue();

        clock.set(taken.plus(Duration.ofDays(7)).minusSeconds(1));
        retention.runDue();
        assertThat(staffView("leer", id).get("email").asText()).isEqualTo(email);
        clock.set(taken.plus(Duration.ofDays(7)).plusSeconds(5));
        retention.runDue();
        assertThat(staffView("leer", id).get("name").asText()).isEqualTo(Redaction.VALUE);
        assertThat(staffView("leer", id).get("email").asText()).isEqualTo(Redaction.VALUE);
    }
}
