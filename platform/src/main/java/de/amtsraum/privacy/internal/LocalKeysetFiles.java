package de.amtsraum.privacy.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded-mode KEKs: one Tink AES256-GCM keyset per tenant in {@code <data-dir>/kek/<tenant>.json},
 * created on first use, readable by the owner only. Whoever holds these files and a database copy
 * can read everything not yet shredded: keep them out of database backups (docs/privacy-model.md).
 */
final class LocalKeysetFiles implements KeyEncryptionKeys {

    private final Path directory;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /** A tenant's KEK as read from its file at one modification time. */
    private record Loaded(Aead aead, FileTime modified) {
    }

    LocalKeysetFiles(Path directory) {
        this.directory = directory;
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
            replace(tenantId, keys.build());
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
                replace(tenantId, keys.build());
            }
            return retired;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not retire old key-encryption keys of a tenant", e);
        }
    }

    private KeysetHandle read(String tenantId) throws GeneralSecurityException {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file(tenantId), StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the keyset to a new owner-only file and moves it over the old one in one step. */
    private void replace(String tenantId, KeysetHandle keyset) throws GeneralSecurityException {
        try {
            Path temporary = Files.createTempFile(directory, "kek", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                    StandardCharsets.UTF_8);
            Files.move(temporary, file(tenantId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            loaded.remove(tenantId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                create(file);
            }
            FileTime modified = modified(file);
            return new Loaded(read(tenantId).getPrimitive(RegistryConfiguration.get(), Aead.class), modified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key-encryption key of a tenant is unreadable", e);
        }
    }

    private void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM")), InsecureSecretKeyAccess.get());
        Path temporary = Files.createTempFile(directory, "kek", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
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
