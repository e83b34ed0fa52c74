package de.amtsraum.account;

import java.util.List;

/** The form was refused as a whole; nothing was stored. Carries codes only, never the values. */
public class InvalidAccountFormException extends RuntimeException {

    private final transient List<AccountProblem> problems;

    public InvalidAccountFormException(List<AccountProblem> problems) {
        super("invalid account form: " + problems.stream().map(AccountProblem::code).toList());
        this.problems = List.copyOf(problems);
    }

    public List<AccountProblem> problems() {
        return problems;
    }
}
