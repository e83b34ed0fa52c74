package de.amtsraum.tenancy.web;

import de.amtsraum.shared.TenantId;
import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.TenantSummary;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ManifestProblem;
import de.amtsraum.tenancy.manifest.ManifestReader;
import de.amtsraum.tenancy.manifest.ResolvedManifest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: onboard a tenant or change its manifest, idempotently; list tenants with status. */
@RestController
@RequestMapping(path = "/api/v1/operator/tenants", produces = "application/json")
@SecurityRequirement(name = "bearer")
class OperatorTenantController {

    static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private final TenantOnboarding onboarding;
    private final TenantDirectory directory;

    OperatorTenantController(TenantOnboarding onboarding, TenantDirectory directory) {
        this.onboarding = onboarding;
        this.directory = directory;
    }

    record ApplyResult(String tenantId, ManifestOutcome outcome, int revision, String manifestHash) {
    }

    @PutMapping(path = "/{tenant}", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            "application/json"})
    @Operation(summary = "Onboard a tenant from a manifest, or change its manifest (idempotent)",
            description = "Body: the manifest as YAML or JSON, texts and logo inline. 201 when onboarded, "
                    + "200 when changed or unchanged, 422 with every problem when invalid (nothing applied).")
    ResponseEntity<ApplyResult> apply(@PathVariable String tenant, @RequestBody byte[] body, Principal operator) {
        if (!TenantId.isValid(tenant)) {
            throw new InvalidManifestException(List.of(new ManifestProblem("request path", "id",
                    "must match " + TenantId.REGEX + " and not be one of the reserved words " + TenantId.RESERVED)));
        }
        if (body.length > MAX_MANIFEST_BYTES) {
            throw new InvalidManifestException(List.of(new ManifestProblem("request body", "",
                    "is larger than " + MAX_MANIFEST_BYTES / 1024 + " KB")));
        }
        ResolvedManifest manifest = ManifestReader.fromRequest(new String(body, StandardCharsets.UTF_8), tenant);
        ManifestOutcome outcome = onboarding.apply(manifest, operator.getName());
        TenantSummary summary = directory.summary(tenant).orElseThrow();
        var result = new ApplyResult(tenant, outcome, summary.manifestRevision(), summary.manifestHash());
        return ResponseEntity.status(outcome == ManifestOutcome.ONBOARDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }

    @GetMapping
    @Operation(summary = "All tenants with status, manifest revision and dates")
    List<TenantSummary> list() {
        return directory.list();
    }

    @GetMapping("/{tenant}")
    @Operation(summary = "A tenant's current manifest")
    CurrentManifest manifest(@PathVariable String tenant) {
        return CurrentManifest.of(directory, tenant);
    }
}
