package de.amtsraum.site;

import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /{tenant}/datenschutz}: the privacy notice generated from the manifest — controller, DPO,
 * supervisory authority, each data category with purposes, legal basis, recipients and the retention
 * rules the engine enforces, processors and the third-country statement — around the tenant's own
 * prose. Versioned publishing comes with the admin console (issue 7); this page shows the manifest
 * in force and its date.
 */
@SiteController
class PrivacyNoticeController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final TenantSite site;
    private final TenantDirectory tenants;

    PrivacyNoticeController(TenantSite site, TenantDirectory tenants) {
        this.site = site;
        this.tenants = tenants;
    }

    record CategoryView(String name, String description, List<String> purposes, String legalBasis,
                        List<String> recipients, List<String> retention) {
    }

    @GetMapping("/{tenant}/datenschutz")
    String notice(@PathVariable String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        var summary = tenants.summary(tenant).orElseThrow(PageNotFoundException::new);
        model.addAttribute("manifest", manifest);
        model.addAttribute("changed", DATE.format(summary.updatedAt().atZoneSameInstant(manifest.timeZone())));
        model.addAttribute("version", summary.manifestHash().substring(0, 12));
        model.addAttribute("prose", Markdown.toHtml(manifest.texts().privacyProse()));
        model.addAttribute("categories", manifest.dataCategories().stream()
                .filter(TenantManifest.DataCategory::personal)
                .map(c -> new CategoryView(c.name(), c.description(), c.purposes(), c.legalBasis(), c.recipients(),
                        c.retention().stream().map(RetentionText::of).toList()))
                .toList());
        model.addAttribute("thirdCountry", manifest.processors().stream()
                .filter(processor -> !processor.insideEuEea()).toList());
        return "site/datenschutz";
    }
}
