package de.amtsraum.tenancy.internal;

import de.amtsraum.shared.TenantScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The operator's commands on a tenant's life cycle. */
final class TenantLifecycleCommands {

    private TenantLifecycleCommands() {
    }

    enum Action { SUSPEND, RESUME, OFFBOARD }

    record ChangeTenantStatusCommand(@TargetAggregateIdentifier String tenantId, Action action, String by,
                                     java.time.Instant at)
            implements TenantScoped {
    }
}
