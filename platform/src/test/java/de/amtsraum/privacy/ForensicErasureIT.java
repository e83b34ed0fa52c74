package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.ContactFixtures;
import de.amtsraum.support.Forensics;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Erasure checked the way an auditor would: unique canary strings in every personal field of a
 * contact request (and of a Heilbronn appointment); before any shredding the database dump and the cluster's files on disk hold none
 * of them in plaintext (only ciphertext is ever written); after Helbra's retention rule fires (clock
 * moved), the dump, the disk and the captured log output hold none at all, and the API shows the
 * redaction value.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class ForensicErasureIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeProperties runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    RetentionDeadlines retention;

    @Test
    void noCanarySurvivesAnywhereAfterTheRetentionRuleFires(CapturedOutput output) {
        Api api = new Api(port);
        String mark = UUID.randomUUID().toString().replace("-", "");
        // The postal code must be five digits, too short to be a safe canary; every other field carries one.
        List<String> canaries = List.of("Canarylast" + mark, "Canaryfirst" + mark, "canary" + mark + "@example.org",
                "Canarymessage " + mark, "Canarystreet" + mark, "7" + mark.substring(0, 6), "Canarytown" + mark);
        ObjectNode form = ContactFixtures.form(canaries.get(2));
        form.put("lastName", canaries.get(0)).put("firstName", canaries.get(1)).put("message", canaries.get(3))
                .put("street", canaries.get(4)).put("houseNumber", canaries.get(5)).put("town", canaries.get(6));
        var submitted = api.post("/api/v1/tenants/helbra/contact-requests", null, "application/json", form.toString());
        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        String staff = api.token("helbra-dev", "dev");
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff).body()).contains(canaries.get(0));
        checkpoint();

        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).as("plaintext in the dump before erasure")
                .isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).as("plaintext on disk before erasure")
                .isEmpty();

        assertThat(api.post("/api/v1/tenants/helbra/contact-requests/" + id + "/conclude", staff,
                "application/json", "").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(retention.runDue()).isGreaterThanOrEqualTo(2);
        checkpoint();

        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).isEmpty();
        assertThat(output.getAll()).doesNotContain(canaries.toArray(String[]::new));
        assertThat(api.get("/api/v1/tenants/helbra/contact-requests/" + id, staff).json().get("lastName").asText())
                .isEqualTo(Redaction.VALUE);
    }

    @Test
    void noBookingCanarySurvivesTheEndOfAHeilbronnAppointment(CapturedOutput output) {
        Api api = new Api(port);
        String mark = UUID.randomUUID().toString().replace("-", "");
        List<String> canaries = List.of("Canaryname" + mark, "canary" + mark + "@example.org",
                "Canaryconcern " + mark, "Canaryaddress " + mark);
        JsonNode slot = BookingFixtures.freeSlot(api, "heilbronn", "video-auslaenderbehoerde", clock.instant(), 1);
        ObjectNode form = BookingFixtures.heilbronn("video-auslaenderbehoerde", slot.get("start").asText(), canaries.get(1));
        form.put("name", canaries.get(0)).put("concern", canaries.get(2)).put("address", canaries.get(3));
        var held = BookingFixtures.book(api, "heilbronn", form);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        String id = held.json().get("appointmentId").asText();
        var mail = BookingFixtures.mailWithSubject(runtime.resolve("mail"), canaries.get(1), "Bitte bestätigen")
                .orElseThrow();
        assertThat(api.post("/api/v1/tenants/heilbronn/appointment-confirmations", null, "application/json",
                BookingFixtures.token(BookingFixtures.parameter(BookingFixtures.text(mail), "token").orElseThrow()))
                .status()).isEqualTo(200);
        String staff = api.token("heilbronn-dev", "dev");
        assertThat(api.get("/api/v1/tenants/heilbronn/appointments/" + id, staff).body()).contains(canaries.get(2));
        checkpoint();
        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).as("plaintext in the dump before erasure")
                .isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).as("plaintext on disk before erasure")
                .isEmpty();

        clock.set(java.time.OffsetDateTime.parse(slot.get("end").asText()).toInstant().plusSeconds(1));
        assertThat(retention.runDue()).isGreaterThanOrEqualTo(1);
        checkpoint();

        assertThat(Forensics.inDump(Forensics.dump(dataSource), canaries)).isEmpty();
        assertThat(Forensics.onDisk(runtime.resolve("postgres"), canaries)).isEmpty();
        assertThat(output.getAll()).doesNotContain(canaries.toArray(String[]::new));
        assertThat(api.get("/api/v1/tenants/heilbronn/appointments/" + id, staff).json().get("concern").asText())
                .isEqualTo(Redaction.VALUE);
    }

    /** Forces everything written so far into the data files, so the disk scan sees it. */
    private void checkpoint() {
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
