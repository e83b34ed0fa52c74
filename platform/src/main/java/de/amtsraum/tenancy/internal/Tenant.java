package de.amtsraum.tenancy.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantManifestChanged;
import de.amtsraum.tenancy.TenantOnboarded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant's manifest history. The only rule: a manifest is recorded when it differs from the
 * current one, so re-applying the same folder at every start records nothing.
 */
@Aggregate
class Tenant {

    @AggregateIdentifier
    private String tenantId;
    private String manifestHash;
    private int revision;

    protected Tenant() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ManifestOutcome handle(ApplyTenantManifestCommand command) {
        if (manifestHash == null) {
            apply(new TenantOnboarded(command.tenantId(), command.name(), command.manifest(),
                    command.manifestHash(), command.appliedBy()));
            return ManifestOutcome.ONBOARDED;
        }
        if (manifestHash.equals(command.manifestHash())) {
            return ManifestOutcome.UNCHANGED;
        }
        apply(new TenantManifestChanged(command.tenantId(), command.name(), command.manifest(),
                command.manifestHash(), manifestHash, revision + 1, command.appliedBy()));
        return ManifestOutcome.CHANGED;
    }

    @EventSourcingHandler
    void on(TenantOnboarded event) {
        tenantId = event.tenantId();
        manifestHash = event.manifestHash();
        revision = 1;
    }

    @EventSourcingHandler
    void on(TenantManifestChanged event) {
        manifestHash = event.manifestHash();
        revision = event.revision();
    }
}
