package de.amtsraum.admin;

import de.amtsraum.support.ManifestFixtures;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.manifest.ManifestReader;
import java.util.Locale;
import java.util.UUID;

/** A fresh tenant per test (a copy of a repository tenant), so that drafts and publications touch no other test. */
final class AdminFixtures {

    private AdminFixtures() {
    }

    static String onboardCopyOf(TenantOnboarding onboarding, String source) {
        String id = "vw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT)
                .replaceAll("[0-9]", "x");
        onboarding.apply(ManifestReader.fromRequest(ManifestFixtures.requestBody(source, id, manifest -> { }), id),
                "test");
        return id;
    }
}
