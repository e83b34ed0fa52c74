package de.amtsraum.notice;

import static de.amtsraum.readmodel.jooq.Tables.APPOINTMENT;
import static de.amtsraum.readmodel.jooq.Tables.RETENTION_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import de.amtsraum.support.Api;
import de.amtsraum.support.BookingFixtures;
import de.amtsraum.support.ManifestFixtures;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.tenancy.TenantDirectory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The privacy notice as code (issue 7): generated from each tenant's manifest, published in
 * immutable numbered versions on every manifest change, refused by the guards, recorded by consents,
 * and the retention engine following a changed period as ADR 0019 says.
 */
@PlatformTest
class PrivacyNoticeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TENANTS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    TenantDirectory directory;
    @Autowired
    JWKSource<SecurityContext> signingKeys;

    @Test
    void eachTenantsPublishedNoticeStatesTheRetentionFactsOfItsSourceDocument() {
        PageClient citizen = new PageClient(port);
        assertNotice(citizen, "recklinghausen", "48 Stunden nach der Erhebung anonymisiert",
                "48 Stunden nach dem Ende des Termins");
        // Leer: name and e-mail after seven days, log data after fourteen days, evidence at most thirty.
        assertNotice(citizen, "leer", "7 Tage nach der Erhebung gelöscht", "14 Tage nach der Erhebung gelöscht",
                "30 Tage nach Erfassung des Vorfalls gelöscht");
        // Heilbronn: log data at the latest six months after collection, cases 14 days after the last activity.
        assertNotice(citizen, "heilbronn", "6 Monate nach der Erhebung", "14 Tage nach der letzten Aktivität im Beratungsfall");
        // Coburg: room data deleted when the call ends, room ids at most one week (7 days).
        assertNotice(citizen, "coburg", "7 Tage nach der Erhebung", "6 Monate nach der letzten Aktivität im Beratungsfall");
        // Helbra: contact-form data deleted as soon as the conversation is concluded.
        assertNotice(citizen, "helbra", "unmittelbar nach Abschluss des Gesprächs gelöscht");
    }

    private void assertNotice(PageClient citizen, String tenant, String... facts) {
        HttpResponse<String> page = citizen.get("/" + tenant + "/datenschutz?lang=de");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        PublishedNotice current = notices().current(tenant).orElseThrow();
        assertThat(body).contains("Fassung " + current.number()).contains("Zuletzt geändert am");
        for (String fact : facts) {
            assertThat(body).as(tenant + " states: " + fact).contains(fact);
            assertThat(current.html()).as(tenant + " published: " + fact).contains(fact);
        }
        assertThat(body).contains("/" + tenant + "/rechte");
    }

    @Test
    void publishingTwiceKeepsVersionOneReadableUnchangedAndTheOldPageMarksItOutdated() {
        String tenant = onboardCopyOfLeer();
        String admin = adminToken(tenant);
        PublishedNotice first = notices().current(tenant).orElseThrow();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.html()).contains("7 Tage nach der Erhebung gelöscht");

        clock.advance(Duration.ofDays(3));
        Api.Response published = api().post("/api/v1/tenants/" + tenant + "/privacy-notices", admin, "application/json",
                draft(tenant, manifest -> retention(manifest, "booking-contact").put("after", "P3D")));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("number").asInt()).isEqualTo(2);
        assertThat(published.json().get("html").asText()).contains("3 Tage nach der Erhebung gelöscht");

        Api.Response v1 = api().get("/api/v1/tenants/" + tenant + "/privacy-notices/1", admin);
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.json().get("html").asText()).isEqualTo(first.html());
        Api.Response list = api().get("/api/v1/tenants/" + tenant + "/privacy-notices", admin);
        assertThat(list.json().findValuesAsText("number")).containsExactly("2", "1");

        // Publishing the same draft again changes nothing: no third version.
        Api.Response again = api().post("/api/v1/tenants/" + tenant + "/privacy-notices", admin, "application/json",
                draft(tenant, manifest -> retention(manifest, "booking-contact").put("after", "P3D")));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("number").asInt()).isEqualTo(2);

        PageClient citizen = new PageClient(port);
        String current = citizen.get("/" + tenant + "/datenschutz?lang=de").body();
        assertThat(current).contains("Fassung 2").contains("3 Tage nach der Erhebung gelöscht")
                .doesNotContain("nicht mehr aktuell");
        String old = citizen.get("/" + tenant + "/datenschutz/versionen/1").body();
        assertThat(old).contains("Diese Fassung ist nicht mehr aktuell").contains(first.html())
                .contains("href=\"/" + tenant + "/datenschutz\"");
        String versions = citizen.get("/" + tenant + "/datenschutz/versionen").body();
        assertThat(versions).contains("/" + tenant + "/datenschutz/versionen/1").contains("/" + tenant + "/datenschutz/versionen/2");
        assertThat(citizen.get("/" + tenant + "/datenschutz/versionen/9").statusCode()).isEqualTo(404);
        String english = citizen.get("/" + tenant + "/datenschutz/versionen/1?lang=en").body();
        assertThat(english).contains("This version is no longer current").contains("deleted 7 days after collection");
    }

    @Test
    void guardsRefuseWithClearGermanMessagesAndNothingChanges() throws Exception {
        String tenant = onboardCopyOfLeer();
        String admin = adminToken(tenant);
        String hashBefore = directory.summary(tenant).orElseThrow().manifestHash();
        String draft = draft(tenant, manifest -> {
            ObjectNode processor = ((ArrayNode) manifest.get("processors")).addObject();
            processor.put("name", "Cloud Video Inc.");
            processor.put("country", "US");
            processor.put("purpose", "Videokonferenz");
            ((ArrayNode) category(manifest, "log-data").get("retention")).removeAll();
        });

        Api.Response check = api().post("/api/v1/tenants/" + tenant + "/privacy-notices/checks", admin,
                "application/json", draft);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().get("publishable").asBoolean()).isFalse();
        JsonNode problems = check.json().get("problems");
        assertThat(problems.findValuesAsText("field")).contains("processors[0].transferBasis",
                "dataCategories[2].retention");
        assertThat(problems.findValuesAsText("german")).anySatisfy(german -> assertThat(german)
                .contains("Cloud Video Inc.").contains("außerhalb der EU").contains("keine Grundlage für die Übermittlung"));
        assertThat(problems.findValuesAsText("german")).anySatisfy(german -> assertThat(german)
                .contains("Logdaten").contains("keine Löschregel"));

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(NoticeRefusedException.class,
                () -> notices().preview(tenant, JSON.readTree(draft))).problems())
                .extracting(NoticeProblem::field).contains("processors[0].transferBasis", "dataCategories[2].retention");

        Api.Response refused = api().post("/api/v1/tenants/" + tenant + "/privacy-notices", admin, "application/json", draft);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .contains("processors[0].transferBasis", "dataCategories[2].retention");
        assertThat(directory.summary(tenant).orElseThrow().manifestHash()).isEqualTo(hashBefore);
        assertThat(notices().versions(tenant)).hasSize(1);

        // With a stated basis and the rule back, the same processor is published, and the notice says so.
        Api.Response fixed = api().post("/api/v1/tenants/" + tenant + "/privacy-notices", admin, "application/json",
                draft(tenant, manifest -> {
                    ObjectNode processor = ((ArrayNode) manifest.get("processors")).addObject();
                    processor.put("name", "Cloud Video Inc.");
                    processor.put("country", "US");
                    processor.put("purpose", "Videokonferenz");
                    processor.put("transferBasis", "Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO)");
                }));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        assertThat(fixed.json().get("html").asText()).contains("Cloud Video Inc. (US): Standardvertragsklauseln")
                .doesNotContain("keine Übermittlung in Drittländer");
        assertThat(notices().version(tenant, 1).orElseThrow().html()).contains("keine Übermittlung in Drittländer");
    }

    @Test
    void everyManifestTheTenancyAppliesPublishesTheNextVersionOnlyWhenTheNoticeDiffers() throws Exception {
        String tenant = onboardCopyOfLeer();
        String operator = api().token("operator-dev", "dev");
        PublishedNotice first = notices().current(tenant).orElseThrow();
        assertThat(first.publishedBy()).isEqualTo("operator-dev");

        // A change that the notice does not show (the brand colour): no new version.
        Api.Response unshown = api().put("/api/v1/operator/tenants/" + tenant, operator, "application/json",
                draft(tenant, manifest -> ((ObjectNode) manifest.get("branding")).put("primaryColor", "#123456")));
        assertThat(unshown.status()).as(unshown.body()).isEqualTo(200);
        assertThat(notices().versions(tenant)).hasSize(1);

        // A change the notice shows, through the operator API: version 2, previewed identically before.
        String changed = draft(tenant, manifest -> {
            ((ObjectNode) manifest.get("branding")).put("primaryColor", "#123456");
            ((ArrayNode) category(manifest, "booking-contact").get("recipients")).add("Poststelle des Landkreises");
        });
        String preview = notices().preview(tenant, JSON.readTree(changed));
        assertThat(preview).contains("Poststelle des Landkreises");
        Api.Response shown = api().put("/api/v1/operator/tenants/" + tenant, operator, "application/json", changed);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        PublishedNotice second = notices().current(tenant).orElseThrow();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.publishedBy()).isEqualTo("operator-dev");
        assertThat(second.html()).isEqualTo(preview);
        assertThat(second.manifestHash()).isEqualTo(directory.summary(tenant).orElseThrow().manifestHash());
        assertThat(notices().version(tenant, 1).orElseThrow().html()).isEqualTo(first.html());
    }

    @Test
    void onlyTheTenantsAdminsUseTheNoticeApi() {
        String tenant = onboardCopyOfLeer();
        String path = "/api/v1/tenants/" + tenant + "/privacy-notices";
        assertThat(api().get(path, null).status()).isEqualTo(401);
        assertThat(api().get(path, mint(tenant, "STAFF")).status()).isEqualTo(403);
        assertThat(api().get(path, mint(tenant, "CITIZEN")).status()).isEqualTo(403);
        assertThat(api().post(path, mint(tenant, "STAFF"), "application/json", draft(tenant, m -> { })).status())
                .isEqualTo(403);
        assertThat(api().get(path, api().token(tenant + "-fachverfahren", "dev")).status()).isEqualTo(403);
        assertThat(api().get(path, adminToken("leer")).status()).isEqualTo(403);
        assertThat(api().get(path, mint(tenant, "TENANT_ADMIN")).status()).isEqualTo(200);
        assertThat(api().get(path, adminToken(tenant)).status()).isEqualTo(200);
    }

    @Test
    void aBookingRecordsTheNumberOfTheNoticeShownAndAStaleNumberIsRefused() {
        String tenant = onboardCopyOfLeer();
        String service = "video-allgemeine-beratung";
        JsonNode slot = BookingFixtures.freeSlot(api(), tenant, service, clock.instant(), 1);
        ObjectNode form = BookingFixtures.leer(service, slot.get("start").asText(), "notice-consent@example.org");
        form.put("privacyNoticeVersion", "1");
        Api.Response held = BookingFixtures.book(api(), tenant, form);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        String appointmentId = held.json().get("appointmentId").asText();
        assertThat(db.select(APPOINTMENT.NOTICE_VERSION).from(APPOINTMENT)
                .where(APPOINTMENT.APPOINTMENT_ID.eq(appointmentId)).fetchOne(APPOINTMENT.NOTICE_VERSION)).isEqualTo("1");

        assertThat(notices().currentNumber(tenant)).isEqualTo("1");

        publish(tenant, manifest -> retention(manifest, "booking-contact").put("after", "P5D"));
        JsonNode later = BookingFixtures.freeSlot(api(), tenant, service, clock.instant(), 1);
        ObjectNode stale = BookingFixtures.leer(service, later.get("start").asText(), "notice-consent-2@example.org");
        stale.put("privacyNoticeVersion", "1");
        Api.Response refused = BookingFixtures.book(api(), tenant, stale);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    }

    @Test
    void contactRequestsAndAccountRegistrationsRecordTheNoticeNumber() throws Exception {
        String helbra = notices().currentNumber("helbra");
        assertThat(helbra).matches("[1-9][0-9]*");
        Api.Response sent = api().post("/api/v1/tenants/helbra/contact-requests", null, "application/json",
                de.amtsraum.support.ContactFixtures.form("notice-number@example.org").toString());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String payload = db.resultQuery("select convert_from(payload, 'UTF8') from domain_event_entry"
                        + " where aggregate_identifier = ? and payload_type = 'de.amtsraum.contact.ContactRequestSubmitted'",
                sent.json().get("id").asText()).fetchOne(0, String.class);
        assertThat(JSON.readTree(payload).get("privacyNoticeVersion").asText()).isEqualTo(helbra);

        String coburg = notices().currentNumber("coburg");
        PageClient browser = new PageClient(port);
        String form = browser.get("/coburg/konto/registrieren").body();
        assertThat(de.amtsraum.support.AccountFixtures.hidden(form, "noticeVersion")).isEqualTo(coburg);
        int before = db.fetchCount(db.selectFrom(de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT)
                .where(de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT.TENANT_ID.eq("coburg"),
                        de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT.NOTICE_VERSION.eq(coburg)));
        de.amtsraum.support.AccountFixtures.register(browser, "coburg",
                de.amtsraum.support.AccountFixtures.unique("notice"), "notice-account@example.org");
        assertThat(db.fetchCount(db.selectFrom(de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT)
                .where(de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT.TENANT_ID.eq("coburg"),
                        de.amtsraum.readmodel.jooq.Tables.CITIZEN_ACCOUNT.NOTICE_VERSION.eq(coburg))))
                .isEqualTo(before + 1);
    }

    @Test
    void aShorterRetentionPeriodAppliesToDataAlreadyHeldAndALongerOneDoesNot() {
        String tenant = onboardCopyOfLeer();
        String service = "video-allgemeine-beratung";
        JsonNode slot = BookingFixtures.freeSlot(api(), tenant, service, clock.instant(), 1);
        // PostgreSQL keeps microseconds (rounding): start on a whole microsecond so the comparison is exact
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        Instant collected = clock.instant();
        Api.Response held = BookingFixtures.book(api(), tenant,
                BookingFixtures.leer(service, slot.get("start").asText(), "retention-change@example.org"));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(deadline(tenant)).isEqualTo(collected.atZone(berlin).plus(Period.ofDays(7)).toInstant());

        clock.advance(Duration.ofHours(1));
        PublishedNotice shorter = publish(tenant, manifest -> retention(manifest, "booking-contact").put("after", "P2D"));
        assertThat(shorter.html()).contains("2 Tage nach der Erhebung gelöscht")
                .contains("gilt eine kürzere Frist auch für bereits gespeicherte Daten");
        assertThat(deadline(tenant)).isEqualTo(collected.atZone(berlin).plus(Period.ofDays(2)).toInstant());

        clock.advance(Duration.ofHours(1));
        PublishedNotice longer = publish(tenant, manifest -> retention(manifest, "booking-contact").put("after", "P30D"));
        assertThat(longer.number()).isEqualTo(shorter.number() + 1);
        assertThat(longer.html()).contains("30 Tage nach der Erhebung gelöscht");
        assertThat(deadline(tenant)).as("a longer period applies only to data collected afterwards")
                .isEqualTo(collected.atZone(berlin).plus(Period.ofDays(2)).toInstant());
    }

    @Test
    void aCategoryThatStillHoldsDataCannotBeRemovedButAnEmptyOneCan() throws Exception {
        String tenant = onboardCopyOfLeer();
        String service = "video-allgemeine-beratung";
        JsonNode slot = BookingFixtures.freeSlot(api(), tenant, service, clock.instant(), 1);
        Api.Response held = BookingFixtures.book(api(), tenant,
                BookingFixtures.leer(service, slot.get("start").asText(), "category-removal@example.org"));
        assertThat(held.status()).as(held.body()).isEqualTo(202);

        // Appointments move to another category, the category that holds the booking is removed.
        JsonNode withoutBookingCategory = JSON.readTree(draft(tenant, manifest -> {
            ((ArrayNode) category(manifest, "session-data").get("covers")).add("APPOINTMENT");
            ArrayNode categories = (ArrayNode) manifest.get("dataCategories");
            for (int i = 0; i < categories.size(); i++) {
                if (categories.get(i).get("id").asText().equals("booking-contact")) {
                    categories.remove(i);
                }
            }
        }));
        var problems = notices().check(tenant, withoutBookingCategory);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.german()).contains("„Name und E-Mail-Adresse aus der Terminvereinbarung“ kann nicht "
                    + "entfernt werden: Unter ihr sind noch Daten zu 1 Person gespeichert.");
            assertThat(problem.english()).contains("data of 1 person is still held under it");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notices().publish(tenant, withoutBookingCategory, "test-admin"))
                .isInstanceOf(de.amtsraum.notice.NoticeRefusedException.class);
        assertThat(directory.manifest(tenant).orElseThrow().category("booking-contact")).as("nothing changed").isPresent();

        // A category without data keys (no abuse was recorded) goes.
        PublishedNotice without = publish(tenant, manifest -> {
            ArrayNode categories = (ArrayNode) manifest.get("dataCategories");
            for (int i = 0; i < categories.size(); i++) {
                if (categories.get(i).get("id").asText().equals("abuse-evidence")) {
                    categories.remove(i);
                }
            }
        });
        assertThat(without.html()).doesNotContain("Nachweise bei Missbrauch");
        assertThat(directory.manifest(tenant).orElseThrow().category("abuse-evidence")).isEmpty();
    }

    @Test
    void theRightsPageNamesEveryRightAndHowToExerciseItInGermanAndEnglish() {
        PageClient citizen = new PageClient(port);
        String german = citizen.get("/heilbronn/rechte?lang=de").body();
        var manifest = directory.manifest("heilbronn").orElseThrow();
        assertThat(german).contains("Ihre Rechte", "Art. 15 DSGVO", "Art. 16 DSGVO", "Art. 17 DSGVO", "Art. 18 DSGVO",
                "Art. 20 DSGVO", "Art. 21 DSGVO", "Art. 7 Abs. 3 DSGVO", "Art. 77 DSGVO",
                manifest.dataProtectionOfficer().email(), manifest.supervisoryAuthority().name(),
                "selbst auf dieser Website", "href=\"/heilbronn/meine-daten\"");
        assertThat(german).contains("href=\"/heilbronn/rechte\"").contains("href=\"/heilbronn/datenschutz\"");
        String english = citizen.get("/heilbronn/rechte?lang=en").body();
        assertThat(english).contains("Your rights", "Art. 15 GDPR", "Art. 77 GDPR", "Withdrawal of consent",
                manifest.dataProtectionOfficer().email(), "yourself on this website", "My data");
        String notice = citizen.get("/heilbronn/datenschutz?lang=en").body();
        assertThat(notice).contains("Privacy notice").contains("Last changed on").contains("months after collection");
        citizen.get("/heilbronn/rechte?lang=de");
        assertThat(german).doesNotContain("Withdrawal");
    }

    // --- helpers

    private Api api() {
        return new Api(port);
    }

    @Autowired
    PrivacyNotices noticesBean;

    private PrivacyNotices notices() {
        return noticesBean;
    }

    private String onboardCopyOfLeer() {
        String tenant = "notice-" + TENANTS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        Api.Response onboarded = api().put("/api/v1/operator/tenants/" + tenant, api().token("operator-dev", "dev"),
                "application/json", ManifestFixtures.requestBody("leer", tenant, manifest -> { }));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        return tenant;
    }

    private String adminToken(String tenant) {
        return api().token(tenant + "-dev", "dev");
    }

    private String draft(String tenant, Consumer<ObjectNode> change) {
        return ManifestFixtures.requestBody("leer", tenant, change);
    }

    private PublishedNotice publish(String tenant, Consumer<ObjectNode> change) {
        try {
            return notices().publish(tenant, JSON.readTree(draft(tenant, change)), "test-admin");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode category(ObjectNode manifest, String id) {
        for (JsonNode category : manifest.get("dataCategories")) {
            if (category.get("id").asText().equals(id)) {
                return (ObjectNode) category;
            }
        }
        throw new AssertionError("no category " + id);
    }

    private static ObjectNode retention(ObjectNode manifest, String categoryId) {
        return (ObjectNode) category(manifest, categoryId).get("retention").get(0);
    }

    private Instant deadline(String tenant) {
        List<OffsetDateTime> due = db.select(RETENTION_DEADLINE.DUE_AT).from(RETENTION_DEADLINE)
                .where(RETENTION_DEADLINE.TENANT_ID.eq(tenant), RETENTION_DEADLINE.CATEGORY_ID.eq("booking-contact"),
                        RETENTION_DEADLINE.DONE_AT.isNull())
                .fetch(RETENTION_DEADLINE.DUE_AT);
        assertThat(due).hasSize(1);
        return due.getFirst().toInstant();
    }

    /** A token of the embedded issuer with exactly these roles (no client grants CITIZEN or STAFF alone). */
    private String mint(String tenant, String role) {
        var claims = JwtClaimsSet.builder().subject("minted-" + role.toLowerCase()).issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(Duration.ofMinutes(5))).claim("tenant", tenant)
                .claim("roles", List.of(role)).build();
        return new NimbusJwtEncoder(signingKeys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
