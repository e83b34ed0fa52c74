package de.amtsraum.tenancy.internal;

import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.manifest.ResolvedManifest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

@Service
class AxonTenantOnboarding implements TenantOnboarding {

    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;

    AxonTenantOnboarding(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public ManifestOutcome apply(ResolvedManifest resolved, String appliedBy) {
        var command = new ApplyTenantManifestCommand(resolved.manifest().id(), resolved.manifest().name(),
                resolved.document(), resolved.hash(), appliedBy);
        // Two instances starting together may both create the same tenant: the event store's unique
        // (aggregate, sequence) key lets one win; the other retries and finds the manifest applied.
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (ConcurrencyException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
