package de.amtsraum.booking;

import static de.amtsraum.support.BookingFixtures.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Booking through the API: catalogue, slots, hold, double opt-in, capacity, limits, staff, bad input. */
@PlatformTest
class BookingApiIT {

    static final String RE = "/api/v1/tenants/recklinghausen";
    static final String AUSWEIS = "personalausweis-beantragen";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    BookingSweeps sweeps;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    String email() {
        return "buerger-" + UUID.randomUUID() + "@example.org";
    }

    Api.Response book(String tenant, ObjectNode form) {
        return BookingFixtures.book(api, tenant, form);
    }

    String confirmationToken(String email) {
        MimeMessage mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Bitte bestätigen")
                .orElseThrow();
        return BookingFixtures.parameter(BookingFixtures.text(mail), "token").orElseThrow();
    }

    String manageToken(String email) {
        MimeMessage mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Terminbestätigung")
                .orElseThrow();
        return BookingFixtures.parameter(BookingFixtures.text(mail), "token").orElseThrow();
    }

    String staff(String tenant) {
        return api.token(tenant + "-dev", "dev");
    }

    @Test
    void catalogueListsTheServicesFromTheManifest() {
        JsonNode services = api.get(RE + "/services").json();
        assertThat(services).hasSize(5);
        JsonNode ausweis = services.get(0);
        assertThat(ausweis.get("id").asText()).isEqualTo(AUSWEIS);
        assertThat(ausweis.get("durationMinutes").asInt()).isEqualTo(15);
        assertThat(ausweis.get("location").get("city").asText()).isEqualTo("Recklinghausen");
        assertThat(ausweis.get("documentsToBring")).hasSize(2);
        assertThat(api.get(RE + "/services/" + AUSWEIS).json().get("name").asText())
                .isEqualTo("Personalausweis beantragen");
        assertThat(api.get(RE + "/services/nope").status()).isEqualTo(404);
    }

    @Test
    void slotsFollowOpeningHoursHolidaysWindowAndNotice() {
        Instant now = clock.instant();
        List<JsonNode> slots = BookingFixtures.slots(api, "recklinghausen", AUSWEIS, now, 61);
        assertThat(slots).isNotEmpty();
        LocalDate lastDay = now.atZone(BERLIN).toLocalDate().plusDays(56);
        for (JsonNode slot : slots) {
            OffsetDateTime start = OffsetDateTime.parse(slot.get("start").asText());
            var local = start.atZoneSameInstant(BERLIN);
            assertThat(start.toInstant()).isAfterOrEqualTo(now.plus(Duration.ofHours(2)));
            assertThat(local.toLocalDate()).isBeforeOrEqualTo(lastDay);
            assertThat(local.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(local.toLocalTime()).isBetween(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(17, 45));
            assertThat(slot.get("remaining").asInt()).isBetween(1, 4);
            assertThat(de.amtsraum.booking.internal.PublicHolidays.isHoliday("NW", local.toLocalDate())).isFalse();
        }
    }

    @Test
    void christmasHasNoSlotsAndTheWindowIsChecked() {
        LocalDate today = clock.instant().atZone(BERLIN).toLocalDate();
        LocalDate christmas = LocalDate.of(today.getYear(), 12, 25);
        if (!christmas.isAfter(today)) {
            christmas = christmas.plusYears(1);
        }
        assertThat(api.get(RE + "/services/" + AUSWEIS + "/slots?from=" + christmas + "&to=" + christmas).json())
                .isEmpty();
        assertThat(api.get(RE + "/services/" + AUSWEIS + "/slots?from=" + today.plusDays(60) + "&to="
                + today.plusDays(61)).json()).as("beyond the 56-day window").isEmpty();
        assertThat(api.get(RE + "/services/" + AUSWEIS + "/slots?from=" + today + "&to=" + today.plusDays(100))
                .status()).isEqualTo(400);
        assertThat(api.get(RE + "/services/" + AUSWEIS + "/slots?from=" + today.plusDays(3) + "&to=" + today)
                .status()).isEqualTo(400);
        var malformed = api.get(RE + "/services/" + AUSWEIS + "/slots?from=morgen&to=" + today);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void holdConfirmAndIcsWhileTheDatabaseHoldsOnlyCiphertext() {
        String email = email();
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant(), 1);
        var held = book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS, slot.get("start").asText(), email));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        String id = held.json().get("appointmentId").asText();
        assertThat(held.json().get("status").asText()).isEqualTo("HELD");

        Map<String, Object> row = jdbc.queryForMap("select * from appointment where appointment_id = ?", id);
        assertThat(row.get("email").toString()).startsWith("ar1:appointment-data:").doesNotContain(email);
        assertThat(row.get("name").toString()).doesNotContain("Mustermann");
        assertThat(row.get("email_index").toString()).hasSize(64).doesNotContain("example");
        assertThat(jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, id)).singleElement()
                .satisfies(payload -> assertThat(new String(payload)).doesNotContain(email).doesNotContain("Erika"));

        String token = confirmationToken(email);
        var confirmed = api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(token));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("email").asText()).isEqualTo(email);

        MimeMessage mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Terminbestätigung")
                .orElseThrow();
        String text = BookingFixtures.text(mail);
        assertThat(text).contains("Personalausweis beantragen", "aktuelles biometrisches Passfoto",
                "/recklinghausen/termin/verwalten?token=");
        String ics = BookingFixtures.attachment(mail, "termin.ics").orElseThrow();
        assertThat(ics).contains("BEGIN:VEVENT", "UID:" + id + "@amtsraum", "Personalausweis beantragen",
                "DTSTART:" + OffsetDateTime.parse(slot.get("start").asText()).toInstant().toString()
                        .replace("-", "").replace(":", ""));
        assertThat(ics).doesNotContain("Erika").doesNotContain(email);

        var again = api.post(RE + "/appointment-confirmations", null, "application/json", BookingFixtures.token(token));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/appointment-already-confirmed");
    }

    @Test
    void capacityOfASlotIsNeverExceeded() {
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", "meldebescheinigung", clock.instant(), 4);
        String start = slot.get("start").asText();
        for (int i = 0; i < 4; i++) {
            assertThat(book("recklinghausen", BookingFixtures.recklinghausen("meldebescheinigung", start, email()))
                    .status()).isEqualTo(202);
        }
        var full = book("recklinghausen", BookingFixtures.recklinghausen("meldebescheinigung", start, email()));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.contentType()).startsWith("application/problem+json");
        assertThat(full.json().get("type").asText()).endsWith("/slot-unavailable");
        assertThat(BookingFixtures.slots(api, "recklinghausen", "meldebescheinigung", clock.instant(), 40))
                .noneMatch(s -> s.get("start").asText().equals(start));
        // Services share the location's counters: a 15-minute service overlapping the full slot is gone too.
        assertThat(BookingFixtures.slots(api, "recklinghausen", AUSWEIS, clock.instant(), 40))
                .noneMatch(s -> s.get("start").asText().equals(start));
    }

    @Test
    void unconfirmedHoldsExpireByTheClockAndFreeTheSlot() {
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", "fuehrungszeugnis-beantragen",
                clock.instant(), 4);
        String start = slot.get("start").asText();
        String email = email();
        var held = book("recklinghausen", BookingFixtures.recklinghausen("fuehrungszeugnis-beantragen", start, email));
        String id = held.json().get("appointmentId").asText();
        assertThat(remaining("fuehrungszeugnis-beantragen", start)).isEqualTo(3);
        String token = confirmationToken(email);

        clock.advance(Duration.ofMinutes(19));
        sweeps.expireHolds();
        assertThat(status(id)).isEqualTo("HELD");
        clock.advance(Duration.ofMinutes(2));
        assertThat(sweeps.expireHolds()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(remaining("fuehrungszeugnis-beantragen", start)).isEqualTo(4);
        assertThat(sweeps.expireHolds()).as("nothing is freed twice").isZero();
        assertThat(remaining("fuehrungszeugnis-beantragen", start)).isEqualTo(4);

        var late = api.post(RE + "/appointment-confirmations", null, "application/json", BookingFixtures.token(token));
        assertThat(late.status()).isIn(404, 410);
        assertThat(jdbc.queryForObject("select name from appointment where appointment_id = ?", String.class, id))
                .as("an unconfirmed hold is erased").isEqualTo("[gelöscht]");
    }

    @Test
    void theReminderGoesOutOnceTheTenantsHoursBeforeTheAppointment() {
        String email = email();
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant().plus(Duration.ofDays(2)), 1);
        book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS, slot.get("start").asText(), email));
        api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(confirmationToken(email)));
        Instant start = OffsetDateTime.parse(slot.get("start").asText()).toInstant();

        clock.set(start.minus(Duration.ofHours(24)).minusSeconds(1));
        sweeps.sendReminders();
        assertThat(BookingFixtures.latestWithSubject(runtime.resolve("mail"), email, "Erinnerung")).isEmpty();
        clock.set(start.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(sweeps.sendReminders()).isGreaterThanOrEqualTo(1);
        MimeMessage reminder = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Erinnerung").orElseThrow();
        assertThat(BookingFixtures.text(reminder)).contains("Personalausweis beantragen",
                "/recklinghausen/termin/verwalten?token=");
        sweeps.sendReminders();
        assertThat(BookingFixtures.mailTo(runtime.resolve("mail"), email))
                .filteredOn(m -> BookingFixtures.subject(m).startsWith("Erinnerung")).hasSize(1);
    }

    @Test
    void anAddressMayHoldOnlyTheTenantsLimitOfOpenAppointments() {
        String email = email();
        List<JsonNode> slots = BookingFixtures.slots(api, "recklinghausen", "wohnsitz-anmelden", clock.instant(), 40);
        for (int i = 0; i < 3; i++) {
            assertThat(book("recklinghausen", BookingFixtures.recklinghausen("wohnsitz-anmelden",
                    slots.get(i * 3).get("start").asText(), email)).status()).isEqualTo(202);
        }
        var fourth = book("recklinghausen", BookingFixtures.recklinghausen("wohnsitz-anmelden",
                slots.get(10).get("start").asText(), email.toUpperCase()));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().get("type").asText()).endsWith("/too-many-open-appointments");
    }

    @Test
    void citizenCancelsAndReschedulesWithTheManageLink() {
        String email = email();
        List<JsonNode> slots = BookingFixtures.slots(api, "recklinghausen", "reisepass-beantragen", clock.instant(), 40);
        String first = slots.get(0).get("start").asText();
        String later = slots.get(slots.size() - 1).get("start").asText();
        book("recklinghausen", BookingFixtures.recklinghausen("reisepass-beantragen", first, email));
        api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(confirmationToken(email)));
        String manage = manageToken(email);
        int before = remaining("reisepass-beantragen", later);

        var moved = api.post(RE + "/appointment-reschedulings", null, "application/json",
                "{\"token\":\"" + manage + "\",\"start\":\"" + later + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(moved.json().get("start").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(later).toInstant());
        assertThat(remaining("reisepass-beantragen", later)).isEqualTo(before - 1);
        assertThat(BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Ihr Termin wurde verschoben"))
                .isPresent();

        var lookup = api.post(RE + "/appointment-lookups", null, "application/json", BookingFixtures.token(manage));
        assertThat(lookup.json().get("name").asText()).isEqualTo("Erika Mustermann");

        var cancelled = api.post(RE + "/appointment-cancellations", null, "application/json",
                BookingFixtures.token(manage));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(remaining("reisepass-beantragen", later)).isEqualTo(before);
        var twice = api.post(RE + "/appointment-cancellations", null, "application/json",
                BookingFixtures.token(manage));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void staffSeeTheDayRecordOutcomesAndCancelWithAReason() {
        String email = email();
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant(), 1);
        String start = slot.get("start").asText();
        String id = book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS, start, email)).json()
                .get("appointmentId").asText();
        api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(confirmationToken(email)));
        String staff = staff("recklinghausen");
        LocalDate day = OffsetDateTime.parse(start).atZoneSameInstant(BERLIN).toLocalDate();

        JsonNode list = api.get(RE + "/appointments?date=" + day, staff).json();
        assertThat(list.findValuesAsText("appointmentId")).contains(id);
        assertThat(api.get(RE + "/appointments?date=" + day).status()).as("no token").isEqualTo(401);
        assertThat(api.get(RE + "/appointments/" + id, staff("heilbronn")).status()).as("other tenant").isEqualTo(403);
        assertThat(api.get("/api/v1/tenants/heilbronn/appointments/" + id, staff("heilbronn")).status())
                .as("id of another tenant").isEqualTo(404);

        var cancel = api.post(RE + "/appointments/" + id + "/cancel", staff, "application/json",
                "{\"reason\":\"Erkrankung der Sachbearbeitung\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("changedNow").asBoolean()).isTrue();
        MimeMessage mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), email, "Ihr Termin wurde abgesagt")
                .orElseThrow();
        assertThat(BookingFixtures.text(mail)).contains("Erkrankung der Sachbearbeitung");
        assertThat(api.get(RE + "/appointments/" + id, staff).json().get("cancelReason").asText())
                .isEqualTo("Erkrankung der Sachbearbeitung");
        assertThat(jdbc.queryForObject("select cancel_reason from appointment where appointment_id = ?", String.class,
                id)).startsWith("ar1:");
        assertThat(api.post(RE + "/appointments/" + id + "/outcome", staff, "application/json",
                "{\"outcome\":\"DONE\"}").status()).as("a cancelled appointment has no outcome").isEqualTo(409);

        String other = email();
        JsonNode next = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant(), 1);
        String second = book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS, next.get("start").asText(), other))
                .json().get("appointmentId").asText();
        api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(confirmationToken(other)));
        var done = api.post(RE + "/appointments/" + second + "/outcome", staff, "application/json",
                "{\"outcome\":\"DONE\"}");
        assertThat(done.json().get("changedNow").asBoolean()).isTrue();
        assertThat(api.post(RE + "/appointments/" + second + "/outcome", staff, "application/json",
                "{\"outcome\":\"DONE\"}").json().get("changedNow").asBoolean()).isFalse();
        assertThat(api.get(RE + "/appointments/" + second, staff).json().get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        int appointments = count();
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant(), 1);
        String start = slot.get("start").asText();
        OffsetDateTime at = OffsetDateTime.parse(start);

        ObjectNode missing = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        missing.remove("phone");
        missing.put("consent", false);
        var invalid = book("recklinghausen", missing);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("phone", "consent");

        ObjectNode extra = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        extra.put("concern", "Recklinghausen fragt nicht nach dem Anliegen");
        var notAsked = book("recklinghausen", extra);
        assertThat(notAsked.status()).isEqualTo(422);
        assertThat(notAsked.json().get("errors").get(0).get("field").asText()).isEqualTo("concern");

        ObjectNode badMail = BookingFixtures.recklinghausen(AUSWEIS, start, "keine-adresse");
        assertThat(book("recklinghausen", badMail).status()).isEqualTo(422);

        assertThat(book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS,
                at.minusDays(400).toString(), email())).status()).as("in the past").isEqualTo(409);
        assertThat(book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS,
                at.plusDays(200).toString(), email())).status()).as("beyond the window").isEqualTo(409);
        assertThat(book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS,
                at.plusMinutes(7).toString(), email())).status()).as("not a slot start").isEqualTo(409);
        assertThat(book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS,
                at.atZoneSameInstant(BERLIN).withHour(6).toOffsetDateTime().toString(), email())).status())
                .as("before opening").isEqualTo(409);
        assertThat(book("recklinghausen", BookingFixtures.recklinghausen("unbekannt", start, email())).status())
                .isEqualTo(422);

        ObjectNode oldNotice = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        oldNotice.put("privacyNoticeVersion", "veraltet");
        assertThat(book("recklinghausen", oldNotice).status()).isEqualTo(409);

        assertThat(api.post(RE + "/appointments", null, "application/json", "{\"serviceId\":").status()).isEqualTo(400);
        assertThat(api.post(RE + "/appointments", null, "text/plain", "hallo").status()).isEqualTo(415);
        ObjectNode unknownTenant = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        unknownTenant.put("proofOfWork", BookingFixtures.solve(api, "recklinghausen"));
        assertThat(book("nirgendwo", unknownTenant).status()).isEqualTo(404);
        ObjectNode noBooking = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        noBooking.put("proofOfWork", BookingFixtures.solve(api, "helbra"));
        var helbra = book("helbra", noBooking);
        assertThat(helbra.status()).isEqualTo(404);
        assertThat(helbra.json().get("type").asText()).endsWith("/booking-not-offered");

        assertThat(api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token("gefälscht.token")).status()).isEqualTo(404);
        assertThat(count()).isEqualTo(appointments);
    }

    @Test
    void leerAsksForItsTermsOfUseAndTheMinimumAge() {
        String start = BookingFixtures.freeSlot(api, "leer", "video-allgemeine-beratung", clock.instant(), 1)
                .get("start").asText();
        ObjectNode without = BookingFixtures.leer("video-allgemeine-beratung", start, email());
        without.remove("termsAccepted");
        without.remove("ageConfirmation");
        var refused = book("leer", without);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("termsAccepted", "ageConfirmation");

        ObjectNode stale = BookingFixtures.leer("video-allgemeine-beratung", start, email());
        stale.put("termsVersion", "000000000000");
        assertThat(book("leer", stale).status()).isEqualTo(409);

        ObjectNode minor = BookingFixtures.leer("video-allgemeine-beratung", start, email());
        minor.put("ageConfirmation", "GUARDIAN_CONSENT");
        var held = book("leer", minor);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        String id = held.json().get("appointmentId").asText();
        Map<String, Object> row = jdbc.queryForMap("select terms_version, age_confirmation from appointment "
                + "where appointment_id = ?", id);
        assertThat(row.get("terms_version").toString()).matches("[0-9a-f]{12}");
        assertThat(row.get("age_confirmation").toString()).startsWith("ar1:").doesNotContain("GUARDIAN");

        ObjectNode notAsked = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        notAsked.put("ageConfirmation", "ADULT");
        assertThat(book("recklinghausen", notAsked).status()).as("Recklinghausen has no age rule").isEqualTo(422);
    }

    @Test
    void theBotCheckIsRequiredSingleUseAndPerTenant() {
        int before = count();
        String start = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant(), 1).get("start").asText();
        ObjectNode missing = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        missing.putNull("proofOfWork");
        var refused = api.post(RE + "/appointments", null, "application/json", missing.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).endsWith("/bot-check-failed");

        ObjectNode foreign = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        foreign.put("proofOfWork", BookingFixtures.solve(api, "heilbronn"));
        assertThat(book("recklinghausen", foreign).status()).as("solution of another tenant").isEqualTo(422);

        String solution = BookingFixtures.solve(api, "recklinghausen");
        ObjectNode first = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        first.put("proofOfWork", solution);
        assertThat(book("recklinghausen", first).status()).isEqualTo(202);
        ObjectNode replay = BookingFixtures.recklinghausen(AUSWEIS, start, email());
        replay.put("proofOfWork", solution);
        assertThat(book("recklinghausen", replay).status()).as("a solution counts once").isEqualTo(422);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aTokenOfOneTenantOrPurposeIsWorthlessElsewhere() {
        String email = email();
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", AUSWEIS, clock.instant(), 1);
        book("recklinghausen", BookingFixtures.recklinghausen(AUSWEIS, slot.get("start").asText(), email));
        String token = confirmationToken(email);
        assertThat(api.post("/api/v1/tenants/heilbronn/appointment-confirmations", null, "application/json",
                BookingFixtures.token(token)).status()).isEqualTo(404);
        assertThat(api.post(RE + "/appointment-cancellations", null, "application/json",
                BookingFixtures.token(token)).status()).as("confirm token is no manage token").isEqualTo(404);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(tampered)).status()).isEqualTo(404);
        assertThat(api.post(RE + "/appointment-confirmations", null, "application/json",
                BookingFixtures.token(token)).status()).isEqualTo(200);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from appointment", Integer.class);
    }

    private String status(String id) {
        return jdbc.queryForObject("select status from appointment where appointment_id = ?", String.class, id);
    }

    private int remaining(String service, String start) {
        return BookingFixtures.slots(api, "recklinghausen", service, clock.instant(), 40).stream()
                .filter(s -> s.get("start").asText().equals(start))
                .map(s -> s.get("remaining").asInt()).findFirst().orElse(0);
    }
}
