package de.amtsraum.privacy;

import de.amtsraum.shared.privacy.DataKind;

/**
 * Encrypts single personal fields with the subject's data key, for every place that stores them:
 * the event serializer and read models that keep personal data (they store the sealed form and open
 * it on query). Sealed values look like {@code ar1:<category>:<base64url>}.
 */
public interface PersonalDataCipher {

    /**
     * @param field the field's name; bound into the ciphertext, so a value cannot be moved to another field
     * @throws UndeclaredPersonalDataException when the tenant declared no category for {@code kind}
     */
    String seal(String tenantId, String subjectId, DataKind kind, String field, String plaintext);

    /** The plaintext, or {@link Redaction#VALUE} once the key is shredded. Values not sealed pass unchanged. */
    String open(String tenantId, String subjectId, String field, String sealed);

    String PREFIX = "ar1:";

    static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** How every value sealed under {@code categoryId} begins (for read models that purge by category). */
    static String sealedPrefix(String categoryId) {
        return PREFIX + categoryId + ":";
    }
}
