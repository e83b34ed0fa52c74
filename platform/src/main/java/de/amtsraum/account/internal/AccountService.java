package de.amtsraum.account.internal;

import de.amtsraum.privacy.SubjectRecordChanges;
import de.amtsraum.account.AccountException;
import de.amtsraum.account.AccountException.Reason;
import de.amtsraum.account.AccountProblem;
import de.amtsraum.account.CitizenAccountPasswordChanged.How;
import de.amtsraum.account.CitizenAccounts;
import de.amtsraum.account.CitizenPrincipal;
import de.amtsraum.account.InvalidAccountFormException;
import de.amtsraum.account.RegistrationForm;
import de.amtsraum.account.internal.AccountQueries.Row;
import de.amtsraum.identity.SignedLinks;
import de.amtsraum.site.TermsOfUse;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registration, verification, reset and closure. Each change runs in one transaction: event,
 * read-model row and retention deadlines commit together; mail goes out after the commit.
 */
@Service
class AccountService implements CitizenAccounts {

    static final String VERIFY = "account-verify";
    static final String RESET = "account-reset";

    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final AccountQueries queries;
    private final AccountIndex index;
    private final PasswordHashing passwords;
    private final SignedLinks links;
    private final AccountMails mails;
    private final AccountProperties properties;
    private final Clock clock;
    private final de.amtsraum.notice.PrivacyNotices notices;

    AccountService(TenantDirectory tenants, CommandGateway commands, AccountQueries queries, AccountIndex index,
                   PasswordHashing passwords, SignedLinks links, AccountMails mails, AccountProperties properties,
                   Clock clock, de.amtsraum.notice.PrivacyNotices notices) {
        this.notices = notices;
        this.tenants = tenants;
        this.commands = commands;
        this.queries = queries;
        this.index = index;
        this.passwords = passwords;
        this.links = links;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean offeredBy(String tenantId) {
        return tenantId != null && tenants.manifest(tenantId).map(m -> m.features().citizenAccounts()).orElse(false);
    }

    @Override
    @Transactional
    public void register(String tenantId, RegistrationForm form) {
        TenantManifest manifest = offering(tenantId);
        String terms = TermsOfUse.version(manifest).orElse(null);
        Integer minimumAge = manifest.features().minimumAge();
        String termsVersion = AccountRules.blank(form.termsVersion()) ? null : form.termsVersion().strip();
        String age = AccountRules.blank(form.ageConfirmation()) ? null : form.ageConfirmation().strip();
        Set<String> sent = new HashSet<>(form.otherFields());
        if (form.termsAccepted()) {
            sent.add("termsAccepted");
        }
        if (termsVersion != null) {
            sent.add("termsVersion");
        }
        if (age != null) {
            sent.add(AccountRules.AGE);
        }
        List<AccountProblem> problems = new ArrayList<>(AccountRules.notOffered(sent,
                AccountRules.offered(terms != null, minimumAge != null)));
        AccountRules.username(form.username(), problems);
        AccountRules.displayName(form.displayName(), problems);
        AccountRules.email(form.email(), problems);
        AccountRules.phone(form.phone(), problems);
        AccountRules.password(form.password(), form.passwordRepeat(), form.username(), problems);
        if (!form.consent()) {
            problems.add(new AccountProblem("consent", "consent.required"));
        }
        if (minimumAge != null) {
            AccountRules.age(age, Boolean.TRUE.equals(manifest.features().guardianConsentBelowMinimumAge()), problems);
        }
        if (terms != null && !form.termsAccepted()) {
            problems.add(new AccountProblem("termsAccepted", "terms.required"));
        }
        String username = AccountRules.blank(form.username()) ? null : form.username().strip();
        String usernameIndex = username == null ? null : index.username(tenantId, username);
        if (problems.stream().noneMatch(p -> p.field().equals("username"))) {
            queries.lockUsername(usernameIndex);
            if (queries.byUsernameIndex(tenantId, usernameIndex).isPresent()) {
                problems.add(new AccountProblem("username", "username.taken"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountFormException(problems);
        }
        if (terms != null && termsVersion != null && !termsVersion.equals(terms)) {
            throw new AccountException(Reason.TERMS_CHANGED);
        }
        if (!tenants.exists(tenantId)) {
            throw new UnknownTenantException();
        }
        String notice = notices.currentNumber(tenantId);
        if (form.privacyNoticeVersion() != null && !form.privacyNoticeVersion().equals(notice)) {
            throw new AccountException(Reason.NOTICE_CHANGED);
        }
        String accountId = UUID.randomUUID().toString();
        String email = form.email().strip();
        String subjectId = UUID.randomUUID().toString();
        commands.sendAndWait(new AccountCommands.Register(tenantId, accountId, subjectId, username,
                AccountRules.blank(form.displayName()) ? null : form.displayName().strip(), email,
                AccountRules.blank(form.phone()) ? null : form.phone().strip(), passwords.hash(form.password()), notice,
                terms, minimumAge == null ? null : age, clock.instant()));
        String token = links.issue(VERIFY, tenantId, accountId, properties.verificationLinkValidity());
        afterCommit(() -> mails.verification(manifest, email, username, token,
                properties.verificationLinkValidity().toHours(), subjectId));
    }

    @Override
    @Transactional
    public void verifyEmail(String tenantId, String token) {
        offering(tenantId);
        Row row = verified(tenantId, token);
        try {
            commands.sendAndWait(new AccountCommands.VerifyEmail(tenantId, row.accountId(), clock.instant()));
        } catch (AggregateNotFoundException unknown) {
            throw new AccountException(Reason.INVALID_LINK);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean verificationLinkValid(String tenantId, String token) {
        offering(tenantId);
        try {
            verified(tenantId, token);
            return true;
        } catch (AccountException invalid) {
            return false;
        }
    }

    private Row verified(String tenantId, String token) {
        return links.verify(token, VERIFY, tenantId)
                .flatMap(accountId -> queries.find(tenantId, accountId))
                .filter(row -> row.status() != CitizenAccount.Status.CLOSED)
                .orElseThrow(() -> new AccountException(Reason.INVALID_LINK));
    }

    @Override
    @Transactional(readOnly = true)
    public void requestPasswordReset(String tenantId, String email) {
        TenantManifest manifest = offering(tenantId);
        List<AccountProblem> problems = new ArrayList<>();
        AccountRules.email(email, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountFormException(problems);
        }
        for (Row row : queries.byEmailIndex(tenantId, index.email(tenantId, email))) {
            if (row.status() != CitizenAccount.Status.ACTIVE) {
                continue;
            }
            String address = queries.open(row, "email", row.email());
            String username = queries.open(row, "username", row.username());
            String token = links.issue(RESET, tenantId, row.accountId() + "~" + row.passwordVersion(),
                    properties.resetLinkValidity());
            afterCommit(() -> mails.reset(manifest, address, username, token, properties.resetLinkValidity().toMinutes()));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean resetLinkValid(String tenantId, String token) {
        offering(tenantId);
        return resetRow(tenantId, token).isPresent();
    }

    private Optional<Row> resetRow(String tenantId, String token) {
        return links.verify(token, RESET, tenantId).flatMap(id -> {
            int tilde = id.indexOf('~');
            if (tilde < 0) {
                return Optional.empty();
            }
            String version = id.substring(tilde + 1);
            return queries.find(tenantId, id.substring(0, tilde))
                    .filter(row -> row.status() == CitizenAccount.Status.ACTIVE)
                    .filter(row -> String.valueOf(row.passwordVersion()).equals(version));
        });
    }

    @Override
    @Transactional
    public void resetPassword(String tenantId, String token, String password, String passwordRepeat) {
        offering(tenantId);
        Row row = resetRow(tenantId, token).orElseThrow(() -> new AccountException(Reason.INVALID_LINK));
        List<AccountProblem> problems = new ArrayList<>();
        AccountRules.password(password, passwordRepeat, queries.open(row, "username", row.username()), problems);
        if (!problems.isEmpty()) {
            throw new InvalidAccountFormException(problems);
        }
        try {
            commands.sendAndWait(new AccountCommands.ChangePassword(tenantId, row.accountId(), passwords.hash(password),
                    How.RESET, row.passwordVersion(), clock.instant()));
        } catch (AccountException refused) {
            throw new AccountException(Reason.INVALID_LINK);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public AccountView view(CitizenPrincipal principal) {
        Row row = own(principal);
        return new AccountView(queries.open(row, "username", row.username()),
                queries.open(row, "displayName", row.displayName()), queries.open(row, "email", row.email()),
                queries.open(row, "phone", row.phone()), row.status().name(), row.registeredAt());
    }

    @Override
    @Transactional
    public void close(CitizenPrincipal principal, String password) {
        TenantManifest manifest = offering(principal.tenantId());
        Row row = own(principal);
        if (!passwords.matches(password, queries.open(row, "passwordHash", row.passwordHash()))) {
            throw new AccountException(Reason.WRONG_PASSWORD);
        }
        String email = queries.open(row, "email", row.email());
        String username = queries.open(row, "username", row.username());
        boolean closed = commands.sendAndWait(new AccountCommands.Close(principal.tenantId(), row.accountId(),
                clock.instant()));
        if (closed) {
            afterCommit(() -> mails.closed(manifest, email, username));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> termsToAccept(CitizenPrincipal principal) {
        Optional<String> current = tenants.manifest(principal.tenantId())
                .filter(manifest -> manifest.features().citizenAccounts())
                .flatMap(TermsOfUse::version);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        return queries.find(principal.tenantId(), principal.accountId())
                .filter(row -> row.subjectId().equals(principal.subjectId()))
                .filter(row -> row.status() != CitizenAccount.Status.CLOSED)
                .filter(row -> !current.get().equals(row.termsVersion()))
                .flatMap(row -> current);
    }

    @Override
    @Transactional
    public void acceptTerms(CitizenPrincipal principal, boolean accepted, String termsVersion) {
        TenantManifest manifest = offering(principal.tenantId());
        Row row = own(principal);
        String current = TermsOfUse.version(manifest).orElse(null);
        if (current == null) {
            return;
        }
        if (!AccountRules.blank(termsVersion) && !termsVersion.strip().equals(current)) {
            throw new AccountException(Reason.TERMS_CHANGED);
        }
        if (!accepted) {
            throw new InvalidAccountFormException(List.of(new AccountProblem("termsAccepted", "terms.required")));
        }
        commands.sendAndWait(new AccountCommands.AcceptTerms(principal.tenantId(), row.accountId(), current,
                clock.instant()));
    }

    /**
     * Withdrawal of consent through the rights page (issue 8): closes the account like {@link #close},
     * without the password (the verified rights link proves the person); idempotent. Refuses an
     * account of another subject ({@code rights.controls.error.unknownRecord}).
     */
    @Transactional
    void closeForWithdrawal(String tenantId, String subjectId, String accountId) {
        Row row = (accountId == null ? Optional.<Row>empty() : queries.find(tenantId, accountId))
                .filter(r -> r.subjectId().equals(subjectId))
                .orElseThrow(() -> new IllegalArgumentException("rights.controls.error.unknownRecord"));
        if (row.status() == CitizenAccount.Status.CLOSED) {
            return;
        }
        TenantManifest manifest = tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        String email = queries.open(row, "email", row.email());
        String username = queries.open(row, "username", row.username());
        boolean closed = commands.sendAndWait(new AccountCommands.Close(tenantId, row.accountId(), clock.instant()));
        if (closed) {
            afterCommit(() -> mails.closed(manifest, email, username));
        }
    }

    static final java.util.Set<String> CORRECTABLE = java.util.Set.of("displayName", "phone");

    /** Correction through the rights page (issue 8): display name and phone, checked like registration. */
    @Transactional
    void correctData(String tenantId, String subjectId, String accountId, java.util.Map<String, String> values) {
        Row row = (accountId == null ? Optional.<Row>empty() : queries.find(tenantId, accountId))
                .filter(r -> r.subjectId().equals(subjectId))
                .orElseThrow(() -> new IllegalArgumentException("rights.controls.error.unknownRecord"));
        SubjectRecordChanges.requireCorrectable(values, CORRECTABLE);
        if (row.status() == CitizenAccount.Status.CLOSED) {
            throw new IllegalArgumentException("rights.controls.error.erased");
        }
        List<AccountProblem> problems = new java.util.ArrayList<>();
        AccountRules.displayName(values.get("displayName"), problems);
        AccountRules.phone(values.get("phone"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rights.controls.error.invalid");
        }
        String displayName = values.containsKey("displayName") ? values.get("displayName").strip() : null;
        String phone = values.containsKey("phone") ? values.get("phone").strip() : null;
        commands.sendAndWait(new AccountCommands.CorrectData(tenantId, row.accountId(), displayName, phone,
                clock.instant()));
    }

    private Row own(CitizenPrincipal principal) {
        return queries.find(principal.tenantId(), principal.accountId())
                .filter(row -> row.subjectId().equals(principal.subjectId()))
                .filter(row -> row.status() != CitizenAccount.Status.CLOSED)
                .orElseThrow(() -> new AccountException(Reason.CLOSED));
    }

    private TenantManifest offering(String tenantId) {
        TenantManifest manifest = tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        if (!manifest.features().citizenAccounts()) {
            throw new UnknownTenantException();
        }
        return manifest;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
