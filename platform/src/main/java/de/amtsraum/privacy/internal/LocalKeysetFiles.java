package de.amtsraum.privacy.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded-mode KEKs: one Tink AES256-GCM keyset per tenant in {@code <data-dir>/kek/<tenant>.json},
 * created on first use, readable by the owner only. Whoever holds these files and a database copy
 * can read everything not yet shredded: keep them out of database backups (docs/privacy-model.md).
 *
 * <p>With a master key ({@code amtsraum.privacy.kek-master-key}, 32 random bytes in base64, from a
 * secret store) the keysets are stored as Tink encrypted keysets, AES256-GCM under the master key with
 * the tenant id as associated data (a file copied to another tenant's name does not open). Plaintext
 * keysets written before are still read, and rewritten encrypted on first use. Without the master key
 * an encrypted keyset cannot be read: the start of any use of that tenant's data fails loudly.
 */
final class LocalKeysetFiles implements KeyEncryptionKeys {

    private static final String ASSOCIATED_DATA_PREFIX = "amtsraum-kek:";

    private final Path directory;
    private final Aead masterKey;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /** A tenant's KEK as read from its file at one modification time. */
    private record Loaded(Aead aead, FileTime modified) {
    }

    LocalKeysetFiles(Path directory) {
        this(directory, null);
    }

    /** @param masterKey wraps the keyset files; null stores them in plaintext (the earlier format) */
    LocalKeysetFiles(Path directory, Aead masterKey) {
        this.directory = directory;
        this.masterKey = masterKey;
    }

    /**
     * The master key from its configured form: 32 bytes in standard base64 (e.g. {@code openssl rand
     * -base64 32}); blank means none.
     */
    static Aead masterKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("amtsraum.privacy.kek-master-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("amtsraum.privacy.kek-master-key must be 32 bytes (base64 of 32 random bytes)");
        }
        try {
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            return AesGcmJce.create(AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("amtsraum.privacy.kek-master-key is unusable", e);
        }
    }

    @Override
    public Aead forTenant(String tenantId) {
        if (Files.exists(destroyedMark(tenantId))) {
            // Offboarded: a new KEK would let new personal data of an erased tenant be written.
            throw new IllegalStateException("the key-encryption key of this tenant was destroyed at offboarding");
        }
        Loaded current = loaded.get(tenantId);
        // Another instance (or this one) rotated the keyset: read it again.
        if (current == null || !current.modified().equals(modified(file(tenantId)))) {
            current = loadOrCreate(tenantId);
            loaded.put(tenantId, current);
        }
        return current.aead();
    }

    @Override
    public synchronized void rotate(String tenantId) {
        forTenant(tenantId);
        try {
            KeysetHandle.Builder keys = KeysetHandle.newBuilder(read(tenantId));
            keys.addEntry(KeysetHandle.generateEntryFromParametersName("AES256_GCM").withRandomId().makePrimary());
            replace(file(tenantId), serialize(keys.build(), tenantId));
            loaded.remove(tenantId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the key-encryption key of a tenant", e);
        }
    }

    @Override
    public synchronized int retireOldKeys(String tenantId) {
        forTenant(tenantId);
        try {
            KeysetHandle.Builder keys = KeysetHandle.newBuilder(read(tenantId));
            int retired = 0;
            for (int i = keys.size() - 1; i >= 0; i--) {
                if (!keys.getAt(i).isPrimary()) {
                    keys.removeAt(i);
                    retired++;
                }
            }
            if (retired > 0) {
                replace(file(tenantId), serialize(keys.build(), tenantId));
                loaded.remove(tenantId);
            }
            return retired;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not retire old key-encryption keys of a tenant", e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (java.nio.file.NoSuchFileException missing) {
            return FileTime.fromMillis(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String tenantId) {
        return loaded.containsKey(tenantId) || Files.exists(file(tenantId));
    }

    @Override
    public void destroy(String tenantId) {
        loaded.remove(tenantId);
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (!Files.exists(destroyedMark(tenantId))) {
                Files.writeString(destroyedMark(tenantId), "destroyed at offboarding; no key material\n");
            }
            Files.deleteIfExists(file(tenantId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Loaded loadOrCreate(String tenantId) {
        Path file = file(tenantId);
        try {
            if (!Files.exists(file)) {
                create(file, tenantId);
            }
            KeysetHandle keyset = read(tenantId);
            if (masterKey != null && !isEncrypted(Files.readString(file, StandardCharsets.UTF_8))) {
                replace(file, serialize(keyset, tenantId));
            }
            return new Loaded(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), modified(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key-encryption key of a tenant is unreadable", e);
        }
    }

    /** The tenant's keyset as stored: encrypted with the master key, or in the earlier plaintext format. */
    private KeysetHandle read(String tenantId) throws IOException, GeneralSecurityException {
        String stored = Files.readString(file(tenantId), StandardCharsets.UTF_8);
        if (isEncrypted(stored)) {
            if (masterKey == null) {
                throw new IllegalStateException("the key-encryption key of a tenant is encrypted, "
                        + "but amtsraum.privacy.kek-master-key is not set");
            }
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored, masterKey, associatedData(tenantId));
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(stored, InsecureSecretKeyAccess.get());
    }

    private static boolean isEncrypted(String stored) {
        return stored.contains("\"encryptedKeyset\"");
    }

    private String serialize(KeysetHandle keyset, String tenantId) throws GeneralSecurityException {
        return masterKey == null
                ? TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
                : TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey, associatedData(tenantId));
    }

    private static byte[] associatedData(String tenantId) {
        return (ASSOCIATED_DATA_PREFIX + tenantId).getBytes(StandardCharsets.UTF_8);
    }

    private Path temporaryWith(String json) throws IOException {
        Path temporary = Files.createTempFile(directory, "kek", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        return temporary;
    }

    /** A new version of the keyset file: an atomic rename, so a reader sees the old or the new file. */
    private void replace(Path file, String json) throws IOException {
        Path temporary = temporaryWith(json);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void create(Path file, String tenantId) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String json = serialize(KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM")), tenantId);
        Path temporary = temporaryWith(json);
        try {
            // Atomic: of two instances creating the same tenant's KEK at once, the first one wins.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException other) {
            // keep theirs
        } finally {
            Files.delete(temporary);
        }
    }

    /** Left where the KEK was: it holds no key, only the fact that this tenant's KEK must not be created again. */
    private Path destroyedMark(String tenantId) {
        return directory.resolve(tenantId + ".destroyed");
    }

    private Path file(String tenantId) {
        return directory.resolve(tenantId + ".json");
    }
}
