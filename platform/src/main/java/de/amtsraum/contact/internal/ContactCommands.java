package de.amtsraum.contact.internal;

import de.amtsraum.contact.ContactForm;
import de.amtsraum.shared.TenantScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the ContactRequest aggregate. */
final class ContactCommands {

    private ContactCommands() {
    }

    record Submit(String tenantId, @TargetAggregateIdentifier String requestId, String subjectId,
                  ContactForm form, String browser, String operatingSystem, String ipAddress,
                  String privacyNoticeVersion, Instant at) implements TenantScoped {
    }

    record Conclude(String tenantId, @TargetAggregateIdentifier String requestId, Instant at)
            implements TenantScoped {
    }

    record Withdraw(String tenantId, @TargetAggregateIdentifier String requestId, Instant at)
            implements TenantScoped {
    }

    /** Changed values only (null = unchanged); see {@link de.amtsraum.contact.ContactRequestCorrected}. */
    record Correct(String tenantId, @TargetAggregateIdentifier String requestId, String lastName, String firstName,
                   String street, String houseNumber, String postalCode, String town, Instant at)
            implements TenantScoped {
    }
}
