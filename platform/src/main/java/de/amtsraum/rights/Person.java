package de.amtsraum.rights;

import java.util.Set;

/**
 * One citizen as the rights see them: every pseudonymous data subject of the tenant found for the
 * anchor (the subject of the link, the account, or the records of an e-mail address), including the
 * consultation cases opened from them.
 *
 * @param anchorSubjectId the subject the person was found from (the link's or the account's subject)
 * @param subjectIds      all subjects, including the anchor
 */
public record Person(String tenantId, String anchorSubjectId, Set<String> subjectIds) {
}
