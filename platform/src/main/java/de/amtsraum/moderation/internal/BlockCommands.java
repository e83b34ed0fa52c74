package de.amtsraum.moderation.internal;

import de.amtsraum.shared.TenantScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the CitizenBlock aggregate (local bus, never stored). */
final class BlockCommands {

    private BlockCommands() {
    }

    record Block(String tenantId, @TargetAggregateIdentifier String blockId, String evidenceSubjectId,
                 String addressIndex, String source, String duration, String reason, String screenshot,
                 String screenshotType, String appointmentId, String appointmentStart, String sessionId,
                 String ipAddress, Instant blockedAt, Instant blockedUntil) implements TenantScoped {
    }

    record Lift(String tenantId, @TargetAggregateIdentifier String blockId, Instant at) implements TenantScoped {
    }
}
