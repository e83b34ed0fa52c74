package de.amtsraum.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.ManifestFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar rules a tenant admin sets in the manifest: own closed days, per-service staff
 * (capacity of the service bounded by free staff), the bot check switched off, and the manifest
 * rules that keep booking consistent.
 */
@PlatformTest
class BookingCalendarIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.token("operator-dev", "dev");
    }

    private Api.Response onboard(String id, Consumer<ObjectNode> change) {
        return api.put("/api/v1/operator/tenants/" + id, operator, "application/json",
                ManifestFixtures.requestBody("recklinghausen", id, change));
    }

    private LocalDate nextWeekday(int daysAhead) {
        LocalDate day = clock.instant().atZone(BookingFixtures.BERLIN).toLocalDate().plusDays(daysAhead);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || de.amtsraum.booking.internal.PublicHolidays.isHoliday("NW", day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void closedDaysStaffAndASwitchedOffBotCheckFollowTheManifest() {
        LocalDate closed = nextWeekday(3);
        LocalDate open = nextWeekday((int) java.time.temporal.ChronoUnit.DAYS.between(
                clock.instant().atZone(BookingFixtures.BERLIN).toLocalDate(), closed) + 1);
        String tenant = "herten-" + UUID.randomUUID().toString().substring(0, 6);
        var onboarded = onboard(tenant, manifest -> {
            manifest.put("name", "Stadt Herten");
            ((ObjectNode) manifest.get("booking")).put("proofOfWork", false);
            ObjectNode location = (ObjectNode) manifest.get("locations").get(0);
            location.putArray("closedDays").add(closed.toString());
            ArrayNode staff = ((ObjectNode) manifest.get("services").get(3)).putArray("staff");
            staff.add("sachbearbeitung-1").add("sachbearbeitung-2");
        });
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        String base = "/api/v1/tenants/" + tenant + "/services/";

        assertThat(api.get(base + "meldebescheinigung/slots?from=" + closed + "&to=" + closed).json())
                .as("own closure").isEmpty();
        JsonNode slots = api.get(base + "meldebescheinigung/slots?from=" + open + "&to=" + open).json();
        assertThat(slots).isNotEmpty();
        assertThat(slots.findValuesAsText("remaining")).allMatch(remaining -> remaining.equals("2"));
        String start = slots.get(0).get("start").asText();

        for (int i = 0; i < 2; i++) {
            ObjectNode form = BookingFixtures.recklinghausen("meldebescheinigung", start,
                    "staff-" + UUID.randomUUID() + "@example.org");
            var held = api.post("/api/v1/tenants/" + tenant + "/appointments", null, "application/json", form.toString());
            assertThat(held.status()).as("no bot check needed: " + held.body()).isEqualTo(202);
        }
        ObjectNode third = BookingFixtures.recklinghausen("meldebescheinigung", start, "staff-3@example.org");
        assertThat(api.post("/api/v1/tenants/" + tenant + "/appointments", null, "application/json", third.toString())
                .status()).as("both staff members are busy").isEqualTo(409);

        List<JsonNode> ausweis = BookingFixtures.slots(api, tenant, "personalausweis-beantragen",
                OffsetDateTime.parse(start).toInstant().minusSeconds(86_400 * 3), 10);
        assertThat(ausweis.stream().filter(s -> s.get("start").asText().equals(start)).findFirst().orElseThrow()
                .get("remaining").asInt()).as("the location's other two counters stay free").isEqualTo(2);
    }

    @Test
    void manifestRulesKeepBookingConsistent() {
        var noEmail = onboard("ohne-mail", manifest -> ((ObjectNode) manifest.get("booking")).putArray("requiredFields")
                .add("NAME").add("PHONE"));
        assertThat(noEmail.status()).isEqualTo(422);
        assertThat(noEmail.body()).contains("booking.requiredFields", "EMAIL");

        var overlap = onboard("ueberlappt", manifest -> {
            ArrayNode hours = (ArrayNode) manifest.get("locations").get(0).get("openingHours");
            ObjectNode extra = hours.addObject();
            extra.putArray("days").add("MONDAY");
            extra.put("from", "12:00");
            extra.put("to", "14:00");
            extra.put("capacity", 1);
        });
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.body()).contains("overlaps");
    }
}
