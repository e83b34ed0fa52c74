package de.amtsraum.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsraum.contact.ContactForm;
import de.amtsraum.contact.ContactRequestView;
import de.amtsraum.contact.ContactRequests;
import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.AccountFixtures;
import de.amtsraum.support.Api;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Correction (Art. 16) and withdrawal of consent (Art. 7(3)) of a contact request through
 * {@link ProcessingControls}: the correction is an event of the request's stream, sealed (no
 * plaintext of the new or the old value in the event store or the read model), the view shows the
 * new value; bad input (unknown field, invalid value, another subject's record, erased record)
 * changes nothing; withdrawal erases.
 */
@PlatformTest
class RightsCorrectionIT {

    private static final String TENANT = "helbra";

    @Autowired
    ProcessingControls controls;
    @Autowired
    ContactRequests contacts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    de.amtsraum.privacy.PersonalDataCipher cipher;
    @Autowired
    de.amtsraum.booking.Appointments appointments;
    @Autowired
    RuntimeProperties runtime;
    @LocalServerPort
    int port;

    @Test
    void aCorrectionIsASealedEventAndTheViewShowsTheNewValue() {
        String oldName = "Altname" + UUID.randomUUID().toString().substring(0, 8);
        String newName = "Neuname" + UUID.randomUUID().toString().substring(0, 8);
        String id = submit(oldName);
        Person person = personOf(id);
        long eventsBefore = events(id);

        controls.correct(person, "contact", id, Map.of("lastName", newName), RequestChannel.SELF_SERVICE);

        ContactRequestView view = contacts.get(TENANT, id);
        assertThat(view.lastName()).isEqualTo(newName);
        assertThat(view.firstName()).as("unchanged").isEqualTo("Erika");
        assertThat(events(id)).isEqualTo(eventsBefore + 1);
        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, id);
        assertThat(payloads).anySatisfy(p -> assertThat(p).contains("\"requestId\":\"" + id));
        assertThat(String.join("\n", payloads)).doesNotContain(newName).doesNotContain(oldName);
        assertThat(jdbc.queryForObject("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", String.class, id)).endsWith("ContactRequestCorrected");
        assertThat(jdbc.queryForObject("select last_name from contact_request where request_id = ?", String.class, id))
                .doesNotContain(newName).doesNotContain(oldName);
    }

    @Test
    void badInputChangesNothing() {
        String id = submit("Mustermann");
        String otherId = submit("Andere");
        Person person = personOf(id);
        long before = events(id);

        assertThatThrownBy(() -> controls.correct(person, "contact", id, Map.of("email", "neu@example.org"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.notCorrectable");
        assertThatThrownBy(() -> controls.correct(person, "contact", id, Map.of("passwort", "x"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.notCorrectable");
        assertThatThrownBy(() -> controls.correct(person, "contact", id, Map.of("lastName", "x".repeat(500)),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.invalid");
        assertThatThrownBy(() -> controls.correct(person, "contact", id, Map.of("lastName", " "),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.invalid");
        assertThatThrownBy(() -> controls.correct(person, "contact", otherId, Map.of("lastName", "Fremd"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.unknownRecord");
        assertThatThrownBy(() -> controls.correct(person, "nirgends", id, Map.of("lastName", "Fremd"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.notChangeable");
        assertThatThrownBy(() -> controls.withdrawConsent(person, "contact", otherId, RequestChannel.SELF_SERVICE))
                .hasMessage("rights.controls.error.unknownRecord");

        assertThat(events(id)).isEqualTo(before);
        assertThat(contacts.get(TENANT, id).lastName()).isEqualTo("Mustermann");
        assertThat(contacts.get(TENANT, otherId).lastName()).isEqualTo("Andere");
        assertThat(contacts.get(TENANT, otherId).status()).isEqualTo("OPEN");
    }

    @Test
    void withdrawalErasesAndAnErasedRecordCannotBeCorrected() {
        String id = submit("Widerruf");
        Person person = personOf(id);

        controls.withdrawConsent(person, "contact", id, RequestChannel.SELF_SERVICE);
        controls.withdrawConsent(person, "contact", id, RequestChannel.SELF_SERVICE);

        ContactRequestView view = contacts.get(TENANT, id);
        assertThat(view.status()).isEqualTo("WITHDRAWN");
        assertThat(view.lastName()).isEqualTo("[gelöscht]");
        long before = events(id);
        assertThatThrownBy(() -> controls.correct(person, "contact", id, Map.of("lastName", "Neu"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.erased");
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void withdrawingAFutureAppointmentCancelsItAndShredsItsData() {
        Api api = new Api(port);
        String email = "widerruf-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", "personalausweis-beantragen",
                clock.instant().plus(Duration.ofDays(5)), 1);
        String id = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "recklinghausen",
                BookingFixtures.recklinghausen("personalausweis-beantragen", slot.get("start").asText(), email));
        String subject = jdbc.queryForObject("select subject_id from appointment where appointment_id = ?",
                String.class, id);
        Person person = new Person("recklinghausen", subject, Set.of(subject));
        Person stranger = new Person("recklinghausen", "fremd-" + UUID.randomUUID(), Set.of("fremd-" + UUID.randomUUID()));

        assertThatThrownBy(() -> controls.withdrawConsent(stranger, "booking", id, RequestChannel.SELF_SERVICE))
                .hasMessage("rights.controls.error.unknownRecord");
        assertThat(jdbc.queryForObject("select status from appointment where appointment_id = ?", String.class, id))
                .isEqualTo("CONFIRMED");

        controls.withdrawConsent(person, "booking", id, RequestChannel.SELF_SERVICE);

        assertThat(jdbc.queryForObject("select status from appointment where appointment_id = ?", String.class, id))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select name from appointment where appointment_id = ?", String.class, id))
                .isEqualTo("[gelöscht]");
        assertThat(jdbc.queryForObject("select count(*) from shredded_key where subject_id = ? and cause = 'WITHDRAWAL'",
                Integer.class, subject)).isGreaterThanOrEqualTo(1);
        controls.withdrawConsent(person, "booking", id, RequestChannel.SELF_SERVICE);
    }

    @Test
    void anAppointmentIsCorrectedAsASealedEventAndValidatedLikeTheForm() {
        Api api = new Api(port);
        String email = "berichtigung-" + UUID.randomUUID() + "@example.org";
        JsonNode slot = BookingFixtures.freeSlot(api, "recklinghausen", "personalausweis-beantragen",
                clock.instant().plus(Duration.ofDays(6)), 1);
        String id = BookingFixtures.bookAndConfirm(api, runtime.resolve("mail"), "recklinghausen",
                BookingFixtures.recklinghausen("personalausweis-beantragen", slot.get("start").asText(), email));
        String subject = jdbc.queryForObject("select subject_id from appointment where appointment_id = ?",
                String.class, id);
        Person person = new Person("recklinghausen", subject, Set.of(subject));
        String newName = "Erika Neu" + UUID.randomUUID().toString().substring(0, 6);
        long before = events(id);

        assertThatThrownBy(() -> controls.correct(person, "booking", id, Map.of("phone", "keine Nummer"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.invalid");
        assertThatThrownBy(() -> controls.correct(person, "booking", id, Map.of("email", "neu@example.org"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.notCorrectable");
        assertThat(events(id)).isEqualTo(before);

        controls.correct(person, "booking", id, Map.of("name", newName, "phone", "02361 50-1"),
                RequestChannel.SELF_SERVICE);

        assertThat(events(id)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", String.class, id)).endsWith("AppointmentDataCorrected");
        String stored = String.join("\n", jdbc.queryForList("select convert_from(payload, 'UTF8') from "
                + "domain_event_entry where aggregate_identifier = ?", String.class, id));
        assertThat(stored).doesNotContain(newName).doesNotContain("Erika Mustermann").doesNotContain("02361 50-1");
        assertThat(jdbc.queryForObject("select name from appointment where appointment_id = ?", String.class, id))
                .doesNotContain(newName);
        assertThat(appointments.get("recklinghausen", id).name()).isEqualTo(newName);
    }

    @Test
    void anAccountIsCorrectedAndClosedOnWithdrawal() {
        String username = AccountFixtures.unique("konto");
        AccountFixtures.verifiedAccount(new PageClient(port), runtime.resolve("mail"), "coburg", username,
                username + "@example.org");
        Map<String, Object> row = AccountFixtures.row(jdbc, cipher, "coburg", username);
        String accountId = (String) row.get("account_id");
        String subject = (String) row.get("subject_id");
        Person person = new Person("coburg", subject, Set.of(subject));
        long before = events(accountId);

        assertThatThrownBy(() -> controls.correct(person, "account", accountId, Map.of("phone", "keine"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.invalid");
        assertThatThrownBy(() -> controls.correct(person, "account", accountId, Map.of("email", "x@example.org"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.notCorrectable");
        assertThat(events(accountId)).isEqualTo(before);

        controls.correct(person, "account", accountId, Map.of("phone", "09561 514-99"), RequestChannel.SELF_SERVICE);
        String sealed = (String) AccountFixtures.row(jdbc, cipher, "coburg", username).get("phone");
        assertThat(cipher.open("coburg", subject, "phone", sealed)).isEqualTo("09561 514-99");
        assertThat(sealed).doesNotContain("514-99");
        assertThat(String.join("\n", jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, accountId))).doesNotContain("514-99");

        controls.withdrawConsent(person, "account", accountId, RequestChannel.SELF_SERVICE);
        assertThat(jdbc.queryForObject("select status from citizen_account where account_id = ?", String.class,
                accountId)).isEqualTo("CLOSED");
        assertThatThrownBy(() -> controls.correct(person, "account", accountId, Map.of("phone", "09561 1"),
                RequestChannel.SELF_SERVICE)).hasMessage("rights.controls.error.erased");
    }

    private String submit(String lastName) {
        return contacts.submit(TENANT, new ContactForm(lastName, "Erika", "kontakt-" + UUID.randomUUID()
                + "@example.org", "Eine Frage.", "Hauptstraße", "5", "06311", "Helbra", true),
                new ContactRequests.Submission("192.0.2.1", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"));
    }

    private Person personOf(String requestId) {
        String subject = jdbc.queryForObject("select subject_id from contact_request where request_id = ?",
                String.class, requestId);
        return new Person(TENANT, subject, Set.of(subject));
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}
