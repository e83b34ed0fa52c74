package de.amtsraum.tenancy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantManifestChanged;
import de.amtsraum.tenancy.TenantOnboarded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final JsonNode MANIFEST = JsonNodeFactory.instance.objectNode().put("id", "leer");
    private static final JsonNode CHANGED = JsonNodeFactory.instance.objectNode().put("id", "leer").put("x", 1);
    private static final JsonNode EDITED = JsonNodeFactory.instance.objectNode().put("id", "leer").put("x", 2);

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    @Test
    void onboardsAnUnknownTenant() {
        fixture.givenNoPriorActivity()
                .when(new ApplyTenantManifestCommand("leer", "Landkreis Leer", MANIFEST, "h1", "folder"))
                .expectEvents(new TenantOnboarded("leer", "Landkreis Leer", MANIFEST, "h1", "folder"))
                .expectResultMessagePayload(ManifestOutcome.ONBOARDED);
    }

    @Test
    void recordsNothingWhenTheSameManifestArrivesAgain() {
        fixture.given(new TenantOnboarded("leer", "Landkreis Leer", MANIFEST, "h1", "folder"))
                .when(new ApplyTenantManifestCommand("leer", "Landkreis Leer", MANIFEST, "h1", "operator-dev"))
                .expectNoEvents()
                .expectResultMessagePayload(ManifestOutcome.UNCHANGED);
    }

    @Test
    void keepsAnOperatorChangeWhileTheFolderIsUnchanged() {
        fixture.given(new TenantOnboarded("leer", "Landkreis Leer", MANIFEST, "h1", "folder"),
                        new TenantManifestChanged("leer", "Landkreis Leer", CHANGED, "h2", "h1", 2, "operator-dev"))
                .when(new ApplyTenantManifestCommand("leer", "Landkreis Leer", MANIFEST, "h1", "folder"))
                .expectNoEvents()
                .expectResultMessagePayload(ManifestOutcome.UNCHANGED);
    }

    @Test
    void appliesAnEditedFolderOverAnOperatorChange() {
        fixture.given(new TenantOnboarded("leer", "Landkreis Leer", MANIFEST, "h1", "folder"),
                        new TenantManifestChanged("leer", "Landkreis Leer", CHANGED, "h2", "h1", 2, "operator-dev"))
                .when(new ApplyTenantManifestCommand("leer", "Landkreis Leer", EDITED, "h3", "folder"))
                .expectEvents(new TenantManifestChanged("leer", "Landkreis Leer", EDITED, "h3", "h2", 3, "folder"))
                .expectResultMessagePayload(ManifestOutcome.CHANGED);
    }

    @Test
    void recordsAChangedManifestWithTheNextRevision() {
        fixture.given(new TenantOnboarded("leer", "Landkreis Leer", MANIFEST, "h1", "folder"),
                        new TenantManifestChanged("leer", "Landkreis Leer", CHANGED, "h2", "h1", 2, "folder"))
                .when(new ApplyTenantManifestCommand("leer", "Landkreis Leer", MANIFEST, "h1", "operator-dev"))
                .expectEvents(new TenantManifestChanged("leer", "Landkreis Leer", MANIFEST, "h1", "h2", 3,
                        "operator-dev"))
                .expectResultMessagePayload(ManifestOutcome.CHANGED);
    }
}
