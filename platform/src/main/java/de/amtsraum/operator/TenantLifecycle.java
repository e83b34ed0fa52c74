package de.amtsraum.operator;

import de.amtsraum.privacy.TenantErasure;
import de.amtsraum.privacy.TenantKeyRotation;
import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantOffboardedException;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.TenantOperations;
import de.amtsraum.tenancy.TenantStatus;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ManifestProblem;
import de.amtsraum.tenancy.manifest.ManifestReader;
import de.amtsraum.tenancy.manifest.ResolvedManifest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What the operator does to a tenant, for the console and the operator API alike. */
@Service
public class TenantLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantLifecycle.class);

    /** The largest manifest accepted, as for {@code PUT /api/v1/operator/tenants/{id}}. */
    public static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private final TenantOnboarding onboarding;
    private final TenantOperations operations;
    private final TenantDirectory directory;
    private final TenantErasure erasure;
    private final TenantKeyRotation rotation;

    TenantLifecycle(TenantOnboarding onboarding, TenantOperations operations, TenantDirectory directory,
                    TenantErasure erasure, TenantKeyRotation rotation) {
        this.onboarding = onboarding;
        this.operations = operations;
        this.directory = directory;
        this.erasure = erasure;
        this.rotation = rotation;
    }

    /** What an upload did: the tenant and the outcome. */
    public record Applied(String tenantId, ManifestOutcome outcome) {
    }

    /**
     * Onboards (or changes) a tenant from an uploaded manifest, the id taken from the document.
     *
     * @throws InvalidManifestException  with every problem (file, field, reason), nothing applied
     * @throws TenantOffboardedException when the id belongs to an offboarded tenant
     */
    public Applied upload(byte[] body, String fileName, String by) {
        String file = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (body.length > MAX_MANIFEST_BYTES) {
            throw new InvalidManifestException(List.of(new ManifestProblem(file, "",
                    "is larger than " + MAX_MANIFEST_BYTES / 1024 + " KB")));
        }
        ResolvedManifest manifest = ManifestReader.fromUpload(new String(body, StandardCharsets.UTF_8), file);
        return new Applied(manifest.manifest().id(), onboarding.apply(manifest, by));
    }

    /** @return false when already suspended */
    public boolean suspend(String tenantId, String by) {
        return change(tenantId, "suspended", () -> operations.suspend(tenantId, by));
    }

    /** @return false when not suspended */
    public boolean resume(String tenantId, String by) {
        return change(tenantId, "resumed", () -> operations.resume(tenantId, by));
    }

    private boolean change(String tenantId, String what, java.util.function.BooleanSupplier operation) {
        requireKnown(tenantId);
        boolean changed = operation.getAsBoolean();
        if (changed) {
            log.info("Tenant {} {} by the operator", tenantId, what);
        }
        return changed;
    }

    /**
     * Offboards the tenant: records {@code TenantOffboarded}, then erases its keys. Idempotent: a second
     * call records nothing and completes an erasure a crash may have interrupted.
     *
     * @param confirmation must equal the tenant id (typed by the operator)
     * @return false when the tenant was offboarded already
     * @throws ConfirmationMismatchException when the confirmation is not the tenant id
     */
    public boolean offboard(String tenantId, String confirmation, String by) {
        requireKnown(tenantId);
        if (confirmation == null || !tenantId.equals(confirmation.strip())) {
            throw new ConfirmationMismatchException();
        }
        boolean recorded = operations.offboard(tenantId, by);
        int shredded = erasure.erase(tenantId);
        log.warn("Tenant {} offboarded: key-encryption key destroyed, {} data keys shredded{}", tenantId, shredded,
                recorded ? "" : " (was offboarded already)");
        return recorded;
    }

    /**
     * Rotates the tenant's key-encryption key (every data key wrapped anew, old KEK keys removed).
     *
     * @throws TenantOffboardedException when the tenant was offboarded (its KEK is destroyed)
     */
    public TenantKeyRotation.Result rotateKeys(String tenantId, String by) {
        requireKnown(tenantId);
        if (directory.summary(tenantId).map(TenantStatus::of).orElse(null) == TenantStatus.OFFBOARDED) {
            throw new TenantOffboardedException();
        }
        TenantKeyRotation.Result result = rotation.rotate(tenantId);
        log.info("Key-encryption key of tenant {} rotated by the operator", tenantId);
        return result;
    }

    /** Completes the erasure of every offboarded tenant whose keys a crash left behind; run at start. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void completeErasures() {
        for (var tenant : directory.list()) {
            if (TenantStatus.of(tenant) == TenantStatus.OFFBOARDED && !erasure.erased(tenant.id())) {
                log.warn("Tenant {} is offboarded but its keys were not all erased; erasing now", tenant.id());
                erasure.erase(tenant.id());
            }
        }
    }

    private void requireKnown(String tenantId) {
        if (tenantId == null || !directory.exists(tenantId)) {
            throw new UnknownTenantException();
        }
    }
}
