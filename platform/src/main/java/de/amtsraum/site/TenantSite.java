package de.amtsraum.site;

import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Resolves the tenant of a citizen page (the first path segment) and puts its frame into the model. */
@Component
public class TenantSite {

    private final TenantDirectory tenants;

    TenantSite(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /** The tenant's manifest, or a German 404 page. */
    public TenantManifest resolve(String tenantId) {
        return tenants.manifest(tenantId).orElseThrow(PageNotFoundException::new);
    }

    /** Resolves the tenant and adds {@code site} (name, logo, links) to the model. */
    public TenantManifest frame(String tenantId, Model model) {
        TenantManifest manifest = resolve(tenantId);
        model.addAttribute("site", new Frame(manifest.id(), manifest.name(), manifest.branding().logo(),
                manifest.features().contactForm(), manifest.features().booking() && manifest.booking() != null,
                TermsOfUse.offered(manifest), manifest.features().citizenAccounts()));
        return manifest;
    }

    /** What the page frame shows. */
    public record Frame(String tenantId, String name, String logo, boolean contactForm, boolean booking,
                        boolean termsOfUse, boolean accounts) {
    }
}
