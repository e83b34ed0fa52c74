package de.amtsraum.privacy.internal;

import com.google.crypto.tink.Aead;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.UndeclaredPersonalDataException;
import de.amtsraum.shared.privacy.DataKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES256-GCM with the subject's data key, in two formats:
 * <ul>
 *   <li>{@code ar1:} one value per field, associated data {@code tenant|subject|category|field}
 *       ({@link #seal}, {@link #open}: read models, and events written before ar2);</li>
 *   <li>{@code ar2:} all values of one category of an object in one AEAD value, associated data
 *       {@code tenant|subject|category|[field,field,...]} ({@link #sealTogether}, {@link #openTogether}:
 *       the serializer). The plaintext is the values in the order of the field list, each preceded by
 *       its UTF-8 length (unsigned LEB128).</li>
 * </ul>
 */
class TinkPersonalDataCipher implements PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(TinkPersonalDataCipher.class);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getUrlDecoder();

    private final SubjectKeyStore keys;
    private final CategoryResolver categories;
    private final RetentionSchedule schedule;

    TinkPersonalDataCipher(SubjectKeyStore keys, CategoryResolver categories, RetentionSchedule schedule) {
        this.keys = keys;
        this.categories = categories;
        this.schedule = schedule;
    }

    @Override
    public String seal(String tenantId, String subjectId, DataKind kind, String field, String plaintext) {
        if (plaintext == null || Redaction.isRedacted(plaintext)) {
            return plaintext; // nothing to protect; a replay after erasure must not create a new key
        }
        requireSubject(subjectId, field);
        String category = categoryFor(tenantId, kind);
        SubjectKeyId id = new SubjectKeyId(tenantId, subjectId, category);
        Aead key = keyForSealing(id);
        try {
            byte[] ciphertext = key.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), id.fieldAssociatedData(field));
            return PersonalDataCipher.sealedPrefix(category) + BASE64.encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public String open(String tenantId, String subjectId, String field, String sealed) {
        if (sealed != null && sealed.startsWith(GROUP_PREFIX)) {
            throw new IllegalArgumentException("a value sealed with its siblings (" + GROUP_PREFIX
                    + ") opens only through the serializer");
        }
        if (!PersonalDataCipher.isSealed(sealed)) {
            return sealed;
        }
        int separator = sealed.indexOf(':', PREFIX.length());
        if (separator < 0) {
            return Redaction.VALUE;
        }
        SubjectKeyId id = new SubjectKeyId(tenantId, subjectId, sealed.substring(PREFIX.length(), separator));
        Optional<Aead> key = keys.find(id);
        if (key.isEmpty()) {
            return Redaction.VALUE;
        }
        try {
            byte[] ciphertext = BASE64_DECODER.decode(sealed.substring(separator + 1));
            return new String(key.get().decrypt(ciphertext, id.fieldAssociatedData(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException unopenable) {
            // Wrong field, tampered value or a key re-created after shredding: unreadable is erased.
            log.warn("A sealed field of category {} could not be opened; read as redacted", id.categoryId());
            return Redaction.VALUE;
        }
    }

    /** @throws UndeclaredPersonalDataException when the tenant declared no category for {@code kind} */
    String categoryFor(String tenantId, DataKind kind) {
        return categories.categoryFor(tenantId, kind).orElseThrow(() -> new UndeclaredPersonalDataException(kind));
    }

    /**
     * Seals {@code count} values of one category together ({@code ar2:}). The values must be neither
     * null nor redacted.
     *
     * @param fieldList the fields of the values, in their order, joined by {@code ,}
     * @return the value of the first field; every other field stores {@link #reference(String)}
     */
    String sealTogether(String tenantId, String subjectId, String category, String fieldList,
                        String[] values, int count) {
        requireSubject(subjectId, fieldList);
        SubjectKeyId id = new SubjectKeyId(tenantId, subjectId, category);
        Aead key = keyForSealing(id);
        try {
            byte[] ciphertext = key.encrypt(encode(values, count), id.groupAssociatedData(fieldList));
            return GROUP_PREFIX + category + ':' + fieldList + ':' + BASE64.encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** What the other fields of a group sealed together store: {@code ar2:<category>:=}. */
    static String reference(String category) {
        return GROUP_PREFIX + category + ":=";
    }

    /** An {@code ar2:} value as stored: a group's first field ({@code fieldList} set) or a reference. */
    record GroupValue(String category, String fieldList, String ciphertext) {

        boolean isReference() {
            return fieldList == null;
        }

        /** @return null when {@code value} is no well-formed {@code ar2:} value */
        static GroupValue parse(String value) {
            int categoryEnd = value.indexOf(':', GROUP_PREFIX.length());
            if (categoryEnd < 0) {
                return null;
            }
            String category = value.substring(GROUP_PREFIX.length(), categoryEnd);
            if (value.length() == categoryEnd + 2 && value.charAt(categoryEnd + 1) == '=') {
                return new GroupValue(category, null, null);
            }
            int listEnd = value.indexOf(':', categoryEnd + 1);
            if (listEnd < 0) {
                return null;
            }
            return new GroupValue(category, value.substring(categoryEnd + 1, listEnd), value.substring(listEnd + 1));
        }
    }

    /**
     * Opens the first field of a group sealed together.
     *
     * @param expected how many fields {@code group.fieldList()} names
     * @return the values in the order of the field list, or null when they read as redacted (key
     *         shredded or never created, or the value does not authenticate)
     */
    String[] openTogether(String tenantId, String subjectId, GroupValue group, int expected) {
        SubjectKeyId id = new SubjectKeyId(tenantId, subjectId, group.category());
        Optional<Aead> key = keys.find(id);
        if (key.isEmpty()) {
            return null;
        }
        try {
            byte[] ciphertext = BASE64_DECODER.decode(group.ciphertext());
            String[] values = decode(key.get().decrypt(ciphertext, id.groupAssociatedData(group.fieldList())), expected);
            if (values != null) {
                return values;
            }
        } catch (GeneralSecurityException | IllegalArgumentException unopenable) {
            // handled below
        }
        // Wrong fields, tampered value or a key re-created after shredding: unreadable is erased.
        log.warn("Sealed fields of category {} could not be opened; read as redacted", id.categoryId());
        return null;
    }

    private Aead keyForSealing(SubjectKeyId id) {
        return keys.findOrCreate(id, () -> schedule.collected(id));
    }

    private static void requireSubject(String subjectId, String field) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalStateException("personal data without a data subject in field " + field);
        }
    }

    static byte[] encode(String[] values, int count) {
        byte[][] utf8 = new byte[count][];
        int length = 0;
        for (int i = 0; i < count; i++) {
            utf8[i] = values[i].getBytes(StandardCharsets.UTF_8);
            length += varintLength(utf8[i].length) + utf8[i].length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int n = utf8[i].length;
            while (n >= 0x80) {
                out[at++] = (byte) (n | 0x80);
                n >>>= 7;
            }
            out[at++] = (byte) n;
            System.arraycopy(utf8[i], 0, out, at, utf8[i].length);
            at += utf8[i].length;
        }
        return out;
    }

    /** @return null unless {@code plaintext} holds exactly {@code expected} values */
    static String[] decode(byte[] plaintext, int expected) {
        String[] values = new String[expected];
        int at = 0;
        for (int i = 0; i < expected; i++) {
            int n = 0;
            int shift = 0;
            while (true) {
                if (at >= plaintext.length || shift > 28) {
                    return null;
                }
                byte b = plaintext[at++];
                n |= (b & 0x7f) << shift;
                if (b >= 0) {
                    break;
                }
                shift += 7;
            }
            if (n < 0 || n > plaintext.length - at) {
                return null;
            }
            values[i] = new String(plaintext, at, n, StandardCharsets.UTF_8);
            at += n;
        }
        return at == plaintext.length ? values : null;
    }

    private static int varintLength(int n) {
        int length = 1;
        while (n >= 0x80) {
            n >>>= 7;
            length++;
        }
        return length;
    }
}
