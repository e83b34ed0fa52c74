package de.amtsraum.tenancy.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantOffboarded;
import de.amtsraum.tenancy.TenantOffboardedException;
import de.amtsraum.tenancy.TenantResumed;
import de.amtsraum.tenancy.TenantStatus;
import de.amtsraum.tenancy.TenantSuspended;
import de.amtsraum.tenancy.internal.TenantLifecycleCommands.ChangeTenantStatusCommand;
import de.amtsraum.tenancy.TenantManifestChanged;
import de.amtsraum.tenancy.TenantOnboarded;
import de.amtsraum.tenancy.TenantOnboarding;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant's manifest history. A manifest is recorded when it differs from the current one, so
 * re-applying the same folder at every start records nothing. The folder is applied again only
 * when its own content changed since it was last applied: a change made through the operator API
 * is not undone by the next restart, and an edit of the folder is the later, deliberate change.
 */
@Aggregate
class Tenant {

    @AggregateIdentifier
    private String tenantId;
    private String manifestHash;
    private String folderHash;
    private int revision;
    private TenantStatus status = TenantStatus.ACTIVE;

    protected Tenant() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ManifestOutcome handle(ApplyTenantManifestCommand command) {
        if (status == TenantStatus.OFFBOARDED) {
            throw new TenantOffboardedException();
        }
        if (manifestHash == null) {
            apply(new TenantOnboarded(command.tenantId(), command.name(), command.manifest(),
                    command.manifestHash(), command.appliedBy()));
            return ManifestOutcome.ONBOARDED;
        }
        boolean folderUnchanged = TenantOnboarding.FOLDER.equals(command.appliedBy())
                && command.manifestHash().equals(folderHash);
        if (manifestHash.equals(command.manifestHash()) || folderUnchanged) {
            return ManifestOutcome.UNCHANGED;
        }
        apply(new TenantManifestChanged(command.tenantId(), command.name(), command.manifest(),
                command.manifestHash(), manifestHash, revision + 1, command.appliedBy()));
        return ManifestOutcome.CHANGED;
    }

    /** Suspend, resume or offboard; {@code false} when the tenant already stands there (nothing recorded). */
    @CommandHandler
    boolean handle(ChangeTenantStatusCommand command) {
        java.time.Instant now = command.at();
        switch (command.action()) {
            case SUSPEND -> {
                refuseIfOffboarded();
                if (status == TenantStatus.SUSPENDED) {
                    return false;
                }
                apply(new TenantSuspended(tenantId, command.by(), now));
            }
            case RESUME -> {
                refuseIfOffboarded();
                if (status == TenantStatus.ACTIVE) {
                    return false;
                }
                apply(new TenantResumed(tenantId, command.by(), now));
            }
            case OFFBOARD -> {
                if (status == TenantStatus.OFFBOARDED) {
                    return false;
                }
                apply(new TenantOffboarded(tenantId, command.by(), now));
            }
        }
        return true;
    }

    private void refuseIfOffboarded() {
        if (status == TenantStatus.OFFBOARDED) {
            throw new TenantOffboardedException();
        }
    }

    @EventSourcingHandler
    void on(TenantSuspended event) {
        status = TenantStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(TenantResumed event) {
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TenantOffboarded event) {
        status = TenantStatus.OFFBOARDED;
    }

    @EventSourcingHandler
    void on(TenantOnboarded event) {
        tenantId = event.tenantId();
        manifestHash = event.manifestHash();
        folderHash = TenantOnboarding.FOLDER.equals(event.appliedBy()) ? event.manifestHash() : null;
        revision = 1;
    }

    @EventSourcingHandler
    void on(TenantManifestChanged event) {
        manifestHash = event.manifestHash();
        if (TenantOnboarding.FOLDER.equals(event.appliedBy())) {
            folderHash = event.manifestHash();
        }
        revision = event.revision();
    }
}
