package de.amtsraum.operator.web;

import de.amtsraum.operator.TenantLifecycle;
import de.amtsraum.privacy.TenantKeyRotation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: rotate a tenant's key-encryption key (docs/operations.md "Key rotation"). */
@RestController
@RequestMapping(path = "/api/v1/operator/tenants/{tenant}", produces = "application/json")
@SecurityRequirement(name = "bearer")
class OperatorKeyRotationController {

    private final TenantLifecycle lifecycle;

    OperatorKeyRotationController(TenantLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/key-rotation")
    @Operation(summary = "Rotate the tenant's key-encryption key: a new KEK key wraps every data key anew and the "
            + "old KEK keys are removed, so KEK copies from before no longer open the wrapped keys. "
            + "409 for an offboarded tenant.")
    TenantKeyRotation.Result rotate(@PathVariable String tenant, Principal operator) {
        return lifecycle.rotateKeys(tenant, operator.getName());
    }
}
