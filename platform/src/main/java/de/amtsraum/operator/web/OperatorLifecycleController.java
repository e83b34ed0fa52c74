package de.amtsraum.operator.web;

import de.amtsraum.operator.TenantLifecycle;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.security.Principal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API for a tenant's life cycle: suspend, resume, offboard (operator role, see the API chain). */
@RestController
@RequestMapping(path = "/api/v1/operator/tenants/{tenant}", produces = "application/json")
@SecurityRequirement(name = "bearer")
class OperatorLifecycleController {

    private final TenantLifecycle lifecycle;
    private final TenantDirectory directory;

    OperatorLifecycleController(TenantLifecycle lifecycle, TenantDirectory directory) {
        this.lifecycle = lifecycle;
        this.directory = directory;
    }

    /** @param changed false when the tenant already stood there (nothing recorded) */
    record StatusResult(String tenantId, String status, boolean changed) {
    }

    record OffboardingRequest(String confirm) {
    }

    @PostMapping("/suspension")
    @Operation(summary = "Suspend a tenant: its pages and APIs answer 503, nothing is deleted (idempotent)")
    StatusResult suspend(@PathVariable String tenant, Principal operator) {
        return result(tenant, lifecycle.suspend(tenant, operator.getName()));
    }

    @DeleteMapping("/suspension")
    @Operation(summary = "End a tenant's suspension (idempotent)")
    StatusResult resume(@PathVariable String tenant, Principal operator) {
        return result(tenant, lifecycle.resume(tenant, operator.getName()));
    }

    @PostMapping(path = "/offboarding", consumes = "application/json")
    @Operation(summary = "Offboard a tenant: destroys its key-encryption key, so all its personal data becomes "
            + "unreadable for good. Body {\"confirm\": \"<tenant id>\"}. Idempotent: again → 200, changed false.")
    StatusResult offboard(@PathVariable String tenant, @RequestBody(required = false) OffboardingRequest request,
                          Principal operator) {
        return result(tenant, lifecycle.offboard(tenant, request == null ? null : request.confirm(), operator.getName()));
    }

    private StatusResult result(String tenant, boolean changed) {
        String status = directory.summary(tenant).orElseThrow(UnknownTenantException::new).status();
        return new StatusResult(tenant, status, changed);
    }
}
