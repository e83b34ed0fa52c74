package de.amtsraum.account;

/**
 * One thing wrong with a form: the field and a code; pages show {@code account.error.<code>} from
 * the message bundle (German first, English second).
 */
public record AccountProblem(String field, String code) {
}
