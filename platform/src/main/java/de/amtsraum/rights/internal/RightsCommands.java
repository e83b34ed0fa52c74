package de.amtsraum.rights.internal;

import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RightsRequests;
import de.amtsraum.shared.TenantScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

final class RightsCommands {

    private RightsCommands() {
    }

    record Open(String tenantId, @TargetAggregateIdentifier String requestId, String subjectId, RightsRequests.Type type, RequestChannel channel,
                LocalDate receivedOn, String requesterName, String requesterContact, String description,
                String concernedSubjectId, String objectionId, String staffId, Instant at) implements TenantScoped {
    }

    record Verify(@TargetAggregateIdentifier String requestId, String tenantId,
                  RightsRequests.VerificationMethod method, String note, String staffId, Instant at) implements TenantScoped {
    }

    record Extend(@TargetAggregateIdentifier String requestId, String tenantId, int months, String reason,
                  boolean citizenInformed, String staffId, Instant at) implements TenantScoped {
    }

    record Remind(@TargetAggregateIdentifier String requestId, String tenantId, RightsRequests.Reminder reminder,
                  LocalDate today, Instant at) implements TenantScoped {
    }

    record Close(@TargetAggregateIdentifier String requestId, String tenantId, RightsRequests.Outcome outcome,
                 String reasonCode, String note, String staffId, Instant at) implements TenantScoped {
    }
}
