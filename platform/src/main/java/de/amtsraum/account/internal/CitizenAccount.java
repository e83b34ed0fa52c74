package de.amtsraum.account.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.account.AccountException;
import de.amtsraum.account.AccountException.Reason;
import de.amtsraum.account.CitizenAccountClosed;
import de.amtsraum.account.CitizenAccountEmailVerified;
import de.amtsraum.account.CitizenAccountPasswordChanged;
import de.amtsraum.account.CitizenAccountRegistered;
import de.amtsraum.account.CitizenTermsAccepted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One citizen account. Rules: registered unverified; verified once; a closed account changes no
 * more; a reset link works once (it names the password version it was issued for); a version of the
 * terms of use is recorded once, and not for a closed account. The aggregate
 * keeps no personal data in memory beyond what its events carry.
 */
@Aggregate
class CitizenAccount {

    enum Status { UNVERIFIED, ACTIVE, CLOSED }

    @AggregateIdentifier
    private String accountId;
    private String tenantId;
    private String subjectId;
    private Status status;
    private int passwordVersion;
    private String termsVersion;

    protected CitizenAccount() {
        // for Axon
    }

    @CommandHandler
    CitizenAccount(AccountCommands.Register command) {
        apply(new CitizenAccountRegistered(command.tenantId(), command.accountId(), command.subjectId(),
                command.username(), command.displayName(), command.email(), command.phone(), command.passwordHash(),
                command.privacyNoticeVersion(), command.termsVersion(), command.ageConfirmation(), command.at()));
    }

    @CommandHandler
    boolean handle(AccountCommands.VerifyEmail command) {
        requireTenant(command.tenantId());
        if (status == Status.CLOSED) {
            throw new AccountException(Reason.INVALID_LINK);
        }
        if (status == Status.ACTIVE) {
            return false;
        }
        apply(new CitizenAccountEmailVerified(tenantId, accountId, subjectId, command.at()));
        return true;
    }

    @CommandHandler
    void handle(AccountCommands.ChangePassword command) {
        requireTenant(command.tenantId());
        if (status == Status.CLOSED) {
            throw new AccountException(Reason.CLOSED);
        }
        if (command.expectedVersion() != null && command.expectedVersion() != passwordVersion) {
            throw new AccountException(Reason.INVALID_LINK);
        }
        apply(new CitizenAccountPasswordChanged(tenantId, accountId, subjectId, command.passwordHash(), command.how(),
                command.at()));
    }

    @CommandHandler
    boolean handle(AccountCommands.AcceptTerms command) {
        requireTenant(command.tenantId());
        if (status == Status.CLOSED) {
            throw new AccountException(Reason.CLOSED);
        }
        if (command.termsVersion().equals(termsVersion)) {
            return false;
        }
        apply(new CitizenTermsAccepted(tenantId, accountId, subjectId, command.termsVersion(), command.at()));
        return true;
    }

    /** @return true when closed now */
    /** A correction by the citizen (issue 8); a closed account is refused. */
    @CommandHandler
    void handle(AccountCommands.CorrectData command) {
        requireTenant(command.tenantId());
        if (status == Status.CLOSED) {
            throw new IllegalArgumentException("rights.controls.error.erased");
        }
        apply(new de.amtsraum.account.CitizenAccountDataCorrected(tenantId, accountId, subjectId,
                command.displayName(), command.phone(), command.at()));
    }

    @CommandHandler
    boolean handle(AccountCommands.Close command) {
        requireTenant(command.tenantId());
        if (status == Status.CLOSED) {
            return false;
        }
        apply(new CitizenAccountClosed(tenantId, accountId, subjectId, command.at()));
        return true;
    }

    private void requireTenant(String commandTenant) {
        if (!tenantId.equals(commandTenant)) {
            // Another tenant's id is as good as unknown.
            throw new AccountException(Reason.INVALID_LINK);
        }
    }

    @EventSourcingHandler
    void on(CitizenAccountRegistered e) {
        accountId = e.accountId();
        tenantId = e.tenantId();
        subjectId = e.subjectId();
        status = Status.UNVERIFIED;
        passwordVersion = 0;
        termsVersion = e.termsVersion();
    }

    @EventSourcingHandler
    void on(CitizenTermsAccepted e) {
        termsVersion = e.termsVersion();
    }

    @EventSourcingHandler
    void on(CitizenAccountEmailVerified e) {
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(CitizenAccountPasswordChanged e) {
        passwordVersion++;
    }

    @EventSourcingHandler
    void on(CitizenAccountClosed e) {
        status = Status.CLOSED;
    }
}
