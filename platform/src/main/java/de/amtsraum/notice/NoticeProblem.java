package de.amtsraum.notice;

/**
 * Why a draft cannot be published.
 *
 * @param field   where in the manifest (JSON pointer-like path, e.g. {@code processors[2].transferBasis})
 * @param german  the message shown to the admin in German
 * @param english the same in English
 */
public record NoticeProblem(String field, String german, String english) {
}
