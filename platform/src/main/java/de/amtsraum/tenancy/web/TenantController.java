package de.amtsraum.tenancy.web;

import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public tenant API: which authorities are here and who they are. */
@RestController
@RequestMapping(path = "/api/v1/tenants", produces = "application/json")
class TenantController {

    private final TenantDirectory directory;
    TenantController(TenantDirectory directory) {
        this.directory = directory;
    }

    record TenantListItem(String id, String name) {
    }

    @GetMapping
    @Operation(summary = "List the tenants (authorities)")
    List<TenantListItem> list() {
        return directory.list().stream().map(t -> new TenantListItem(t.id(), t.name())).toList();
    }

    @GetMapping("/{tenant}")
    @Operation(summary = "Public profile of a tenant: address, contacts, DPO, supervisory authority, services")
    TenantProfile profile(@PathVariable String tenant) {
        return directory.manifest(tenant).map(TenantProfile::of).orElseThrow(UnknownTenantException::new);
    }

    @GetMapping("/{tenant}/manifest")
    @Operation(summary = "The tenant's current manifest (tenant-admin of this tenant)",
            security = @SecurityRequirement(name = "bearer"))
    CurrentManifest manifest(@PathVariable String tenant) {
        return CurrentManifest.of(directory, tenant);
    }
}
