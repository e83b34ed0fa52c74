package de.amtsraum.account.internal;

import de.amtsraum.account.CitizenAccountPasswordChanged.How;
import de.amtsraum.shared.TenantScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the CitizenAccount aggregate (local bus, never stored). */
final class AccountCommands {

    private AccountCommands() {
    }

    record Register(String tenantId, @TargetAggregateIdentifier String accountId, String subjectId, String username,
                    String displayName, String email, String phone, String passwordHash, String privacyNoticeVersion,
                    String termsVersion, String ageConfirmation, Instant at) implements TenantScoped {
    }

    /** @return true when recorded now, false when this version was already accepted */
    record AcceptTerms(String tenantId, @TargetAggregateIdentifier String accountId, String termsVersion, Instant at)
            implements TenantScoped {
    }

    /** @return true when verified now, false when it already was */
    record VerifyEmail(String tenantId, @TargetAggregateIdentifier String accountId, Instant at)
            implements TenantScoped {
    }

    /** {@code expectedVersion}: the password version the reset link was issued for (null: any). */
    record ChangePassword(String tenantId, @TargetAggregateIdentifier String accountId, String passwordHash, How how,
                          Integer expectedVersion, Instant at) implements TenantScoped {
    }

    record Close(String tenantId, @TargetAggregateIdentifier String accountId, Instant at) implements TenantScoped {
    }

    /** Changed values only (null = unchanged); see {@link de.amtsraum.account.CitizenAccountDataCorrected}. */
    record CorrectData(String tenantId, @TargetAggregateIdentifier String accountId, String displayName, String phone,
                       Instant at) implements TenantScoped {
    }
}
