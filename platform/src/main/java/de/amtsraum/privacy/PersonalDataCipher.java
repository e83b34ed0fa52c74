package de.amtsraum.privacy;

import de.amtsraum.shared.privacy.DataKind;

/**
 * Encrypts single personal fields with the subject's data key, for every place that stores them:
 * the event serializer and read models that keep personal data (they store the sealed form and open
 * it on query). Sealed values look like {@code ar1:<category>:<base64url>}, one AEAD value per field.
 * The serializer seals all fields of one category of an object together ({@code ar2:}, see
 * docs/privacy-model.md); such values open only through the serializer, never one by one.
 */
public interface PersonalDataCipher {

    /**
     * @param field the field's name; bound into the ciphertext, so a value cannot be moved to another field
     * @throws UndeclaredPersonalDataException when the tenant declared no category for {@code kind}
     */
    String seal(String tenantId, String subjectId, DataKind kind, String field, String plaintext);

    /**
     * The plaintext, or {@link Redaction#VALUE} once the key is shredded. Values not sealed pass unchanged.
     *
     * @throws IllegalArgumentException for a value sealed with its siblings ({@link #GROUP_PREFIX})
     */
    String open(String tenantId, String subjectId, String field, String sealed);

    /** One field, one AEAD value: {@code ar1:<category>:<base64url>} (read models; events written before ar2). */
    String PREFIX = "ar1:";

    /**
     * All personal fields of one category of an object in one AEAD value (the serializer, since ar2):
     * the first field holds {@code ar2:<category>:<field>,<field>...:<base64url>}, the others
     * {@code ar2:<category>:=}.
     */
    String GROUP_PREFIX = "ar2:";

    static boolean isSealed(String value) {
        return value != null && (value.startsWith(PREFIX) || value.startsWith(GROUP_PREFIX));
    }

    /**
     * How every value sealed one by one under {@code categoryId} begins (for read models that purge by
     * category; read models seal field by field).
     */
    static String sealedPrefix(String categoryId) {
        return PREFIX + categoryId + ":";
    }
}
