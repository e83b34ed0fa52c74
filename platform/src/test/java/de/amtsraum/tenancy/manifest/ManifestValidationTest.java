package de.amtsraum.tenancy.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.support.ManifestFixtures;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionAction;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import de.amtsraum.tenancy.manifest.TenantManifest.BookingField;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestValidationTest {

    @TempDir
    Path tenants;

    @ParameterizedTest
    @ValueSource(strings = {"heilbronn", "coburg", "recklinghausen", "leer", "helbra"})
    void acceptsEachRepositoryManifest(String tenant) {
        ResolvedManifest resolved = ManifestReader.fromFolder(ManifestFixtures.REPOSITORY_TENANTS.resolve(tenant));

        assertThat(resolved.manifest().id()).isEqualTo(tenant);
        assertThat(resolved.hash()).hasSize(64);
        assertThat(resolved.manifest().texts().privacyProse()).doesNotEndWith(".md");
        assertThat(resolved.manifest().branding().logo()).startsWith("data:image/svg+xml;base64,");
        assertThat(resolved.manifest().dataCategories()).allSatisfy(category ->
                assertThat(category.retention()).isNotEmpty());
    }

    @Test
    void carriesTheTenantRulesOfTheSeeds() {
        TenantManifest recklinghausen = read("recklinghausen");
        assertThat(recklinghausen.booking().requiredFields())
                .containsExactlyInAnyOrder(BookingField.NAME, BookingField.EMAIL, BookingField.PHONE);
        assertThat(recklinghausen.dataCategories()).anySatisfy(category -> assertThat(category.retention())
                .contains(new RetentionRule(RetentionTrigger.APPOINTMENT_END, RetentionPeriod.parse("PT48H"),
                        RetentionAction.ANONYMISE)));

        TenantManifest leer = read("leer");
        assertThat(leer.features().termsOfUse()).isTrue();
        assertThat(leer.features().minimumAge()).isEqualTo(18);
        assertThat(leer.dataCategories()).anySatisfy(category -> assertThat(category.retention())
                .contains(new RetentionRule(RetentionTrigger.INCIDENT_RECORDED, RetentionPeriod.parse("P30D"),
                        RetentionAction.SHRED)));

        TenantManifest heilbronn = read("heilbronn");
        assertThat(heilbronn.processors()).hasSize(8);
        assertThat(heilbronn.dataCategories()).anySatisfy(category -> assertThat(category.retention())
                .extracting(RetentionRule::trigger).contains(RetentionTrigger.CASE_LAST_ACTIVITY));
    }

    @Test
    void sameContentGivesSameHashWhateverTheKeyOrder() {
        Path copy = ManifestFixtures.copy("leer", tenants, "leer");
        String before = ManifestReader.fromFolder(copy).hash();
        ManifestFixtures.edit(copy, manifest -> {
            var name = manifest.remove("name");
            manifest.set("name", name); // moved to the end
        });

        assertThat(ManifestReader.fromFolder(copy).hash()).isEqualTo(before);
    }

    @Test
    void refusesWrongTypeNamingFileAndField() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("booking")).put("holdMinutes", "thirty"),
                "booking.holdMinutes", "wrong type");
    }

    @Test
    void refusesMissingRequiredField() {
        assertRefused(manifest -> manifest.remove("supervisoryAuthority"), "supervisoryAuthority", "required");
    }

    @Test
    void refusesMissingNestedField() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("address")).remove("city"), "address.city", "required");
    }

    @Test
    void refusesUnknownRetentionTrigger() {
        assertRefused(manifest -> firstRule(manifest).put("trigger", "WHEN_WE_FEEL_LIKE_IT"),
                "dataCategories[0].retention[0].trigger", "must be one of");
    }

    @Test
    void refusesMalformedDuration() {
        assertRefused(manifest -> firstRule(manifest).put("after", "14 days"),
                "dataCategories[0].retention[0].after", "wrong form");
    }

    @Test
    void explainsADurationThatMixesMonthsAndHours() {
        assertRefused(manifest -> firstRule(manifest).put("after", "P1MT2H"),
                "dataCategories[0].retention[0].after", "mixes years, months or weeks with hours");
    }

    @Test
    void refusesAReservedTenantId() {
        Path copy = ManifestFixtures.copy("recklinghausen", tenants, "operator");

        assertThatThrownBy(() -> ManifestReader.fromFolder(copy))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> assertThat(refused.problems())
                        .anySatisfy(problem -> assertThat(problem.reason()).contains("reserved")));
    }

    @Test
    void refusesAVideoServiceWhenVideoIsOff() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("services").get(0)).put("channel", "VIDEO"),
                "services[0].channel", "features.video is false");
    }

    @Test
    void refusesALogoFileOfAnotherType() throws Exception {
        Path copy = ManifestFixtures.copy("recklinghausen", tenants, "recklinghausen");
        java.nio.file.Files.writeString(copy.resolve("logo.gif"), "GIF89a");
        ManifestFixtures.edit(copy, manifest -> ((ObjectNode) manifest.get("branding")).put("logo", "logo.gif"));

        assertThatThrownBy(() -> ManifestReader.fromFolder(copy))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> assertThat(refused.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("branding.logo");
                            assertThat(problem.reason()).contains(".svg or .png");
                        }));
    }

    @Test
    void refusesARequestLogoThatIsNotAnSvgOrPngDataUri() {
        String body = ManifestFixtures.requestBody("leer", "leer",
                manifest -> ((ObjectNode) manifest.get("branding")).put("logo", "data:image/gif;base64,R0lGOD=="));

        assertThatThrownBy(() -> ManifestReader.fromRequest(body, "leer"))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> assertThat(refused.problems())
                        .singleElement().satisfies(problem -> assertThat(problem.field()).isEqualTo("branding.logo")));
    }

    @Test
    void refusesARequestLogoAbove200Kilobytes() {
        String big = java.util.Base64.getEncoder().encodeToString(new byte[ManifestReader.MAX_LOGO_BYTES + 1]);
        String body = ManifestFixtures.requestBody("leer", "leer",
                manifest -> ((ObjectNode) manifest.get("branding")).put("logo", "data:image/png;base64," + big));

        assertThatThrownBy(() -> ManifestReader.fromRequest(body, "leer"))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> assertThat(refused.problems())
                        .anySatisfy(problem -> assertThat(problem.field()).isEqualTo("branding.logo")));
    }

    @Test
    void refusesAKindCoveredByTwoCategories() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("dataCategories").get(0)).putArray("covers")
                .add("APPOINTMENT"), "dataCategories[1].covers", "already covered");
    }

    @Test
    void refusesBookingWhoseDataNoCategoryCovers() {
        assertRefused(manifest -> {
            for (var category : manifest.get("dataCategories")) {
                ((ObjectNode) category).remove("covers");
            }
        }, "dataCategories", "no category covers APPOINTMENT");
    }

    @Test
    void refusesCitizenAccountsWhoseDataNoCategoryCovers() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("features")).put("citizenAccounts", true),
                "dataCategories", "no category covers ACCOUNT_EMAIL, which features.citizenAccounts");
    }

    @Test
    void refusesCoversOnANonPersonalCategory() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("dataCategories").get(0)).put("personal", false),
                "dataCategories[0].covers", "must be personal");
    }

    @Test
    void refusesUnknownField() {
        assertRefused(manifest -> manifest.put("colour", "red"), "colour", "not a known field");
    }

    @Test
    void refusesIdThatDiffersFromFolder() {
        assertRefused(manifest -> manifest.put("id", "somewhere-else"), "id", "must equal 'recklinghausen'");
    }

    @Test
    void anOnSiteServiceOpensConsultationCasesOnlyWhenItsManifestSaysSo() {
        Path copy = ManifestFixtures.copy("recklinghausen", tenants, "recklinghausen");
        ManifestFixtures.edit(copy, manifest -> ((ObjectNode) manifest.get("services").get(0))
                .put("consultationCase", true));
        TenantManifest manifest = ManifestReader.fromFolder(copy).manifest();

        assertThat(manifest.services().get(0).opensConsultationCase()).isTrue();
        assertThat(manifest.services().get(1).consultationCase()).as("default false").isFalse();
        assertThat(manifest.services().get(1).opensConsultationCase()).isFalse();
        assertThat(read("heilbronn").services()).as("VIDEO services always open a case")
                .allSatisfy(service -> assertThat(service.opensConsultationCase()).isTrue());
    }

    @Test
    void refusesAConsultationCaseFlagThatIsNoBoolean() {
        assertRefused(m -> ((ObjectNode) m.get("services").get(0)).put("consultationCase", "ja"),
                "services[0].consultationCase", "");
    }

    @Test
    void refusesServiceAtUnknownLocation() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("services").get(0)).put("location", "mars"),
                "services[0].location", "unknown location 'mars'");
    }

    @Test
    void refusesProcessorOutsideTheEeaWithoutTransferBasis() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("processors").get(0)).put("country", "US"),
                "processors[0].transferBasis", "outside the EU/EEA");
    }

    @Test
    void refusesBrandColourWithTooLittleContrast() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("branding")).put("primaryColor", "#ffff00"),
                "branding.primaryColor", "4.5:1");
    }

    @Test
    void refusesMissingTextFile() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("texts")).put("privacyProse", "texts/missing.md"),
                "texts.privacyProse", "does not exist");
    }

    @Test
    void refusesTextFileOutsideTheTenantFolder() {
        assertRefused(manifest -> ((ObjectNode) manifest.get("texts")).put("privacyProse", "../leer/texts/datenschutz.md"),
                "texts.privacyProse", "does not exist in the tenant folder");
    }

    @Test
    void reportsYamlSyntaxErrorsWithLine() throws Exception {
        Path copy = ManifestFixtures.copy("recklinghausen", tenants, "recklinghausen");
        java.nio.file.Files.writeString(copy.resolve("manifest.yaml"), "id: recklinghausen\nname: [unclosed\n");

        assertThatThrownBy(() -> ManifestReader.fromFolder(copy))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> assertThat(refused.problems())
                        .singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.file()).isEqualTo("tenants/recklinghausen/manifest.yaml");
                            assertThat(problem.reason()).contains("not valid YAML").contains("line");
                        }));
    }

    @Test
    void refusesFileReferencesInARequest() {
        String body = ManifestFixtures.requestBody("leer", "leer",
                manifest -> ((ObjectNode) manifest.get("texts")).put("termsOfUse", "texts/nutzungsbedingungen.md"));

        assertThatThrownBy(() -> ManifestReader.fromRequest(body, "leer"))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> assertThat(refused.problems())
                        .singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.file()).isEqualTo("request body");
                            assertThat(problem.field()).isEqualTo("texts.termsOfUse");
                        }));
    }

    @Test
    void acceptsAnInlineRequestBodyWithTheSameHashAsItsFolder() {
        String body = ManifestFixtures.requestBody("leer", "leer", manifest -> { });

        assertThat(ManifestReader.fromRequest(body, "leer").hash())
                .isEqualTo(ManifestReader.fromFolder(ManifestFixtures.REPOSITORY_TENANTS.resolve("leer")).hash());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Path copy = ManifestFixtures.copy("recklinghausen", tenants, "recklinghausen");
        ManifestFixtures.edit(copy, manifest -> {
            manifest.remove("contact");
            firstRule(manifest).put("action", "FORGET");
        });

        assertThatThrownBy(() -> ManifestReader.fromFolder(copy))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> assertThat(refused.problems())
                        .extracting(ManifestProblem::field)
                        .contains("contact", "dataCategories[0].retention[0].action"));
    }

    private void assertRefused(Consumer<ObjectNode> change, String field, String reason) {
        Path copy = ManifestFixtures.copy("recklinghausen", tenants, "recklinghausen");
        ManifestFixtures.edit(copy, change);

        assertThatThrownBy(() -> ManifestReader.fromFolder(copy))
                .isInstanceOfSatisfying(InvalidManifestException.class, refused -> {
                    List<ManifestProblem> problems = refused.problems();
                    assertThat(problems).anySatisfy(problem -> {
                        assertThat(problem.file()).isEqualTo("tenants/recklinghausen/manifest.yaml");
                        assertThat(problem.field()).isEqualTo(field);
                        assertThat(problem.reason()).contains(reason);
                    });
                });
    }

    private static ObjectNode firstRule(ObjectNode manifest) {
        return (ObjectNode) manifest.get("dataCategories").get(0).get("retention").get(0);
    }

    private static TenantManifest read(String tenant) {
        return ManifestReader.fromFolder(ManifestFixtures.REPOSITORY_TENANTS.resolve(tenant)).manifest();
    }
}
