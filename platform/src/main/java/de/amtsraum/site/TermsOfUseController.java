package de.amtsraum.site;

import de.amtsraum.tenancy.manifest.TenantManifest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /{tenant}/nutzungsbedingungen}: the tenant's terms of use with their version. */
@SiteController
class TermsOfUseController {

    private final TenantSite site;

    TermsOfUseController(TenantSite site) {
        this.site = site;
    }

    @GetMapping("/{tenant}/nutzungsbedingungen")
    String terms(@PathVariable String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        String version = TermsOfUse.version(manifest).orElseThrow(PageNotFoundException::new);
        model.addAttribute("version", version);
        model.addAttribute("terms", Markdown.toHtml(manifest.texts().termsOfUse()));
        return "site/nutzungsbedingungen";
    }
}
