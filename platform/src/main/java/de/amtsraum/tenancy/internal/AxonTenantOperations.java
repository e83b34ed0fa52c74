package de.amtsraum.tenancy.internal;

import de.amtsraum.tenancy.TenantOperations;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.internal.TenantLifecycleCommands.Action;
import de.amtsraum.tenancy.internal.TenantLifecycleCommands.ChangeTenantStatusCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AxonTenantOperations implements TenantOperations {

    private final CommandGateway commands;
    private final java.time.Clock clock;

    AxonTenantOperations(CommandGateway commands, java.time.Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public boolean suspend(String tenantId, String by) {
        return send(tenantId, Action.SUSPEND, by);
    }

    @Override
    public boolean resume(String tenantId, String by) {
        return send(tenantId, Action.RESUME, by);
    }

    @Override
    public boolean offboard(String tenantId, String by) {
        return send(tenantId, Action.OFFBOARD, by);
    }

    private boolean send(String tenantId, Action action, String by) {
        try {
            Boolean changed = commands.sendAndWait(new ChangeTenantStatusCommand(tenantId, action, by, clock.instant()));
            return Boolean.TRUE.equals(changed);
        } catch (AggregateNotFoundException unknown) {
            throw new UnknownTenantException();
        } catch (CommandExecutionException failed) {
            if (failed.getCause() instanceof AggregateNotFoundException) {
                throw new UnknownTenantException();
            }
            throw failed;
        }
    }
}
