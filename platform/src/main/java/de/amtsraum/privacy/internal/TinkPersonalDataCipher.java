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

/** AES256-GCM per field; associated data {@code tenant|subject|category|field}. */
class TinkPersonalDataCipher implements PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(TinkPersonalDataCipher.class);

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
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalStateException("personal data without a data subject in field " + field);
        }
        String category = categories.categoryFor(tenantId, kind)
                .orElseThrow(() -> new UndeclaredPersonalDataException(kind));
        SubjectKeyId id = new SubjectKeyId(tenantId, subjectId, category);
        Aead key = keys.findOrCreate(id, () -> schedule.collected(id));
        try {
            byte[] ciphertext = key.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), id.fieldAssociatedData(field));
            return PersonalDataCipher.sealedPrefix(category) + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public String open(String tenantId, String subjectId, String field, String sealed) {
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
            byte[] ciphertext = Base64.getUrlDecoder().decode(sealed.substring(separator + 1));
            return new String(key.get().decrypt(ciphertext, id.fieldAssociatedData(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException unopenable) {
            // Wrong field, tampered value or a key re-created after shredding: unreadable is erased.
            log.warn("A sealed field of category {} could not be opened; read as redacted", id.categoryId());
            return Redaction.VALUE;
        }
    }
}
