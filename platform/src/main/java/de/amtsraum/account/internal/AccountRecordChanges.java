package de.amtsraum.account.internal;

import de.amtsraum.privacy.SubjectRecordChanges;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Withdrawal of consent to the citizen account (issue 8): the account is closed as by the citizen
 * (its data then follows the account retention rules). Correction: display name and phone
 * ({@code CitizenAccountDataCorrected}); never the e-mail address (it is the verified login and the
 * key that finds the person; it changes through a new verification).
 */
@Component
class AccountRecordChanges implements SubjectRecordChanges {

    static final String SOURCE = "account";
    static final String TYPE = "account";
    static final Set<String> CORRECTABLE = AccountService.CORRECTABLE;

    private final AccountService accounts;

    AccountRecordChanges(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> correctableFields(String type) {
        return TYPE.equals(type) ? CORRECTABLE : Set.of();
    }

    @Override
    public void correct(String tenantId, String subjectId, String recordId, Map<String, String> values) {
        accounts.correctData(tenantId, subjectId, recordId, values);
    }

    @Override
    public void withdrawConsent(String tenantId, String subjectId, String recordId) {
        accounts.closeForWithdrawal(tenantId, subjectId, recordId);
    }
}
