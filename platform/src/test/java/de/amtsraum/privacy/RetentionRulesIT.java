package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.RetentionRule;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.DataCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every retention rule of every tenant, run by the engine: data of the rule's category is collected,
 * the rule's trigger happens, the clock moves to one second before the first deadline (still
 * readable) and then past the rule's deadline (gone: read as the redaction value).
 */
@PlatformTest
class RetentionRulesIT {

    @Autowired
    TenantDirectory tenants;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    RetentionTriggers triggers;
    @Autowired
    RetentionDeadlines retention;
    @Autowired
    MutableClock clock;

    @TestFactory
    Stream<DynamicTest> everyRuleOfEveryTenantErasesOnTime() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String tenant : List.of("heilbronn", "coburg", "recklinghausen", "leer", "helbra")) {
            TenantManifest manifest = tenants.manifest(tenant).orElseThrow();
            for (DataCategory category : manifest.dataCategories()) {
                for (int index = 0; index < category.retention().size(); index++) {
                    RetentionRule rule = category.retention().get(index);
                    tests.add(DynamicTest.dynamicTest(tenant + " " + category.id() + " " + rule.trigger() + " "
                            + rule.after() + " " + rule.action(), () -> assertErasedOnTime(manifest, category, rule)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
        return tests.stream();
    }

    private void assertErasedOnTime(TenantManifest manifest, DataCategory category, RetentionRule rule) {
        assertThat(category.covers()).as(category.id() + " covers a kind of data").isNotEmpty();
        DataKind kind = category.covers().get(0);
        String subject = UUID.randomUUID().toString();
        String secret = "retention-" + subject;
        Instant collected = clock.instant();
        String sealed = cipher.seal(manifest.id(), subject, kind, "probe", secret);
        if (rule.trigger() != RetentionTrigger.COLLECTED) {
            triggers.raise(manifest.id(), subject, rule.trigger(), collected);
        }

        Instant ruleDue = rule.after().addTo(collected.atZone(manifest.timeZone())).toInstant();
        Instant firstDue = category.retention().stream()
                .filter(other -> other.trigger() == RetentionTrigger.COLLECTED || other.trigger() == rule.trigger())
                .map(other -> other.after().addTo(collected.atZone(manifest.timeZone())).toInstant())
                .min(Instant::compareTo).orElseThrow();
        if (firstDue.isAfter(collected)) {
            clock.set(firstDue.minusSeconds(1));
            retention.runDue();
            assertThat(cipher.open(manifest.id(), subject, "probe", sealed)).as("readable before the deadline")
                    .isEqualTo(secret);
        }
        clock.set(ruleDue.plus(Duration.ofSeconds(1)));
        retention.runDue();

        assertThat(cipher.open(manifest.id(), subject, "probe", sealed)).as("erased after the deadline")
                .isEqualTo(Redaction.VALUE);
    }
}
