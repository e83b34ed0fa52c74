package de.amtsraum.operator.web;

import de.amtsraum.operator.ConfirmationMismatchException;
import de.amtsraum.operator.TenantLifecycle;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.tenancy.ManifestOutcome;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantOffboardedException;
import de.amtsraum.tenancy.TenantStatus;
import de.amtsraum.tenancy.TenantSummary;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ManifestProblem;
import de.amtsraum.tenancy.manifest.TenantManifest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console ({@code /betrieb}): tenants with status, manifest revision and features;
 * onboarding by upload; suspend and resume; offboarding after typing the tenant id. Signed-in
 * operators only (identity's operator chain). Works without JavaScript.
 */
@SiteController
class OperatorConsoleController {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final TenantLifecycle lifecycle;
    private final TenantDirectory directory;

    OperatorConsoleController(TenantLifecycle lifecycle, TenantDirectory directory) {
        this.lifecycle = lifecycle;
        this.directory = directory;
    }

    /** A row of the tenant list. */
    record TenantRow(String id, String name, TenantStatus status, int revision, java.time.ZonedDateTime manifestDate,
                     List<String> features) {
    }

    @GetMapping("/betrieb")
    String tenants(Model model) {
        List<TenantRow> rows = new ArrayList<>();
        for (TenantSummary tenant : directory.list()) {
            List<String> features = directory.manifest(tenant.id()).map(OperatorConsoleController::features)
                    .orElse(List.of());
            rows.add(new TenantRow(tenant.id(), tenant.name(), TenantStatus.of(tenant), tenant.manifestRevision(),
                    tenant.updatedAt().atZoneSameInstant(ZONE), features));
        }
        model.addAttribute("tenants", rows);
        return "operator/tenants";
    }

    @GetMapping("/betrieb/aufnehmen")
    String uploadPage(Model model) {
        model.addAttribute("problems", List.of());
        return "operator/upload";
    }

    @PostMapping(path = "/betrieb/aufnehmen", consumes = "multipart/form-data")
    String upload(@RequestParam(name = "manifest", required = false) MultipartFile file, Principal operator,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, response, "missing", List.of());
        }
        try {
            TenantLifecycle.Applied applied = lifecycle.upload(file.getBytes(), file.getOriginalFilename(),
                    operator.getName());
            redirect.addFlashAttribute("notice", applied.outcome() == ManifestOutcome.ONBOARDED ? "onboarded"
                    : applied.outcome() == ManifestOutcome.CHANGED ? "changed" : "unchanged");
            redirect.addFlashAttribute("noticeTenant", applied.tenantId());
            return "redirect:/betrieb";
        } catch (InvalidManifestException invalid) {
            return refused(model, response, "invalid", invalid.problems());
        } catch (TenantOffboardedException offboarded) {
            return refused(model, response, "offboarded", List.of());
        }
    }

    private static String refused(Model model, HttpServletResponse response, String error, List<ManifestProblem> problems) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("error", error);
        model.addAttribute("problems", problems);
        return "operator/upload";
    }

    @PostMapping("/betrieb/mandanten/{tenant}/sperren")
    String suspend(@PathVariable String tenant, Principal operator, RedirectAttributes redirect) {
        if (status(tenant) == TenantStatus.OFFBOARDED) {
            return statusChanged(tenant, "refusedOffboarded", redirect);
        }
        return statusChanged(tenant, lifecycle.suspend(tenant, operator.getName()) ? "suspended" : "unchanged", redirect);
    }

    @PostMapping("/betrieb/mandanten/{tenant}/entsperren")
    String resume(@PathVariable String tenant, Principal operator, RedirectAttributes redirect) {
        if (status(tenant) == TenantStatus.OFFBOARDED) {
            return statusChanged(tenant, "refusedOffboarded", redirect);
        }
        return statusChanged(tenant, lifecycle.resume(tenant, operator.getName()) ? "resumed" : "unchanged", redirect);
    }

    private TenantStatus status(String tenant) {
        return TenantStatus.of(summary(tenant));
    }

    private TenantSummary summary(String tenant) {
        return directory.summary(tenant).orElseThrow(PageNotFoundException::new);
    }

    @GetMapping("/betrieb/mandanten/{tenant}/ausscheiden")
    String offboardPage(@PathVariable String tenant, Model model) {
        model.addAttribute("tenant", summary(tenant));
        model.addAttribute("failed", false);
        return "operator/offboard";
    }

    @PostMapping("/betrieb/mandanten/{tenant}/ausscheiden")
    String offboard(@PathVariable String tenant, @RequestParam(required = false) String confirm, Principal operator,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TenantSummary summary = summary(tenant);
        try {
            boolean recorded = lifecycle.offboard(tenant, confirm, operator.getName());
            return statusChanged(tenant, recorded ? "offboarded" : "unchanged", redirect);
        } catch (ConfirmationMismatchException mismatch) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("tenant", summary);
            model.addAttribute("failed", true);
            return "operator/offboard";
        }
    }

    private static String statusChanged(String tenant, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeTenant", tenant);
        return "redirect:/betrieb";
    }

    /** Message keys of the features a tenant offers. */
    private static List<String> features(TenantManifest manifest) {
        var f = manifest.features();
        List<String> keys = new ArrayList<>();
        if (f.booking()) {
            keys.add("operator.feature.booking");
        }
        if (f.video()) {
            keys.add("operator.feature.video");
        }
        if (f.contactForm()) {
            keys.add("operator.feature.contactForm");
        }
        if (f.citizenAccounts()) {
            keys.add("operator.feature.accounts");
        }
        if (f.termsOfUse()) {
            keys.add("operator.feature.terms");
        }
        return keys;
    }
}
