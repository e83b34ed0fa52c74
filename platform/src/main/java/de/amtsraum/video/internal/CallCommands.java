package de.amtsraum.video.internal;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.video.internal.CallEvents.Role;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link VideoCall} aggregate. */
public final class CallCommands {

    private CallCommands() {
    }

    record Request(String tenantId, @TargetAggregateIdentifier String callId, String caseId, Instant at)
            implements TenantScoped {
    }

    record Signal(String tenantId, @TargetAggregateIdentifier String callId, Instant at) implements TenantScoped {
    }

    record Answer(String tenantId, @TargetAggregateIdentifier String callId, boolean accepted, Instant at)
            implements TenantScoped {
    }

    record Invite(String tenantId, @TargetAggregateIdentifier String callId, String inviteId, Instant at,
                  Instant expiresAt) implements TenantScoped {
    }

    record Wait(String tenantId, @TargetAggregateIdentifier String callId, String guestId, String inviteId,
                Instant at) implements TenantScoped {
    }

    record Consent(String tenantId, @TargetAggregateIdentifier String callId, String guestId, boolean given,
                   Instant at) implements TenantScoped {
    }

    public enum Decision { ADMIT, DENY, REMOVE }

    record Decide(String tenantId, @TargetAggregateIdentifier String callId, String guestId, Decision decision,
                  Instant at) implements TenantScoped {
    }

    record Presence(String tenantId, @TargetAggregateIdentifier String callId, String participantId, Role role,
                    boolean joined, Instant at) implements TenantScoped {
    }

    record End(String tenantId, @TargetAggregateIdentifier String callId, Instant at) implements TenantScoped {
    }
}
