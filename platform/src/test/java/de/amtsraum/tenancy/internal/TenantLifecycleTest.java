package de.amtsraum.tenancy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.amtsraum.tenancy.TenantOffboarded;
import de.amtsraum.tenancy.TenantOffboardedException;
import de.amtsraum.tenancy.TenantOnboarded;
import de.amtsraum.tenancy.TenantResumed;
import de.amtsraum.tenancy.TenantSuspended;
import de.amtsraum.tenancy.internal.TenantLifecycleCommands.Action;
import de.amtsraum.tenancy.internal.TenantLifecycleCommands.ChangeTenantStatusCommand;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suspension, resumption and offboarding of the Tenant aggregate: idempotent, and offboarding is final. */
class TenantLifecycleTest {

    private static final JsonNode MANIFEST = JsonNodeFactory.instance.objectNode().put("id", "leer");
    private static final TenantOnboarded ONBOARDED = new TenantOnboarded("leer", "Landkreis Leer", MANIFEST, "h1", "folder");
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    private static ChangeTenantStatusCommand command(Action action) {
        return new ChangeTenantStatusCommand("leer", action, "operator-dev", AT);
    }

    @Test
    void suspendsAnActiveTenantOnce() {
        fixture.given(ONBOARDED).when(command(Action.SUSPEND))
                .expectEvents(new TenantSuspended("leer", "operator-dev", AT)).expectResultMessagePayload(true);
        fixture.given(ONBOARDED, new TenantSuspended("leer", "operator-dev", AT)).when(command(Action.SUSPEND))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void resumesOnlyASuspendedTenant() {
        fixture.given(ONBOARDED, new TenantSuspended("leer", "operator-dev", AT)).when(command(Action.RESUME))
                .expectEvents(new TenantResumed("leer", "operator-dev", AT)).expectResultMessagePayload(true);
        fixture.given(ONBOARDED).when(command(Action.RESUME)).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void offboardsOnceAlsoWhenSuspended() {
        fixture.given(ONBOARDED, new TenantSuspended("leer", "operator-dev", AT)).when(command(Action.OFFBOARD))
                .expectEvents(new TenantOffboarded("leer", "operator-dev", AT)).expectResultMessagePayload(true);
        fixture.given(ONBOARDED, new TenantOffboarded("leer", "operator-dev", AT)).when(command(Action.OFFBOARD))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void anOffboardedTenantCannotBeOnboardedChangedSuspendedOrResumed() {
        fixture.given(ONBOARDED, new TenantOffboarded("leer", "operator-dev", AT))
                .when(new ApplyTenantManifestCommand("leer", "Landkreis Leer", MANIFEST, "h2", "operator-dev"))
                .expectException(TenantOffboardedException.class).expectNoEvents();
        fixture.given(ONBOARDED, new TenantOffboarded("leer", "operator-dev", AT)).when(command(Action.SUSPEND))
                .expectException(TenantOffboardedException.class);
        fixture.given(ONBOARDED, new TenantOffboarded("leer", "operator-dev", AT)).when(command(Action.RESUME))
                .expectException(TenantOffboardedException.class);
    }
}
