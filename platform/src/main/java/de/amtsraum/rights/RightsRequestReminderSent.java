package de.amtsraum.rights;

import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The privacy mailbox was reminded of the deadline (once per kind and deadline). */
@Revision("1")
public record RightsRequestReminderSent(String tenantId,
                                        @NotPersonal("random id") String requestId,
                                        @NotPersonal("reminder kind") RightsRequests.Reminder reminder,
                                        @NotPersonal("the deadline reminded of") LocalDate deadline,
                                        Instant sentAt) implements TenantScoped {
}
