package de.amtsraum.admin.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.admin.internal.AdminDrafts;
import de.amtsraum.notice.NoticeProblem;
import de.amtsraum.notice.NoticeRefusedException;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.site.SiteController;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's start page, discarding the draft, the staff overview, preview and publication,
 * and the audit log ({@code /{tenant}/verwaltung/protokoll}).
 */
@SiteController
class AdminController {

    static final int AUDIT_PAGE_SIZE = 20;

    private final AdminPages pages;
    private final AdminDrafts drafts;

    AdminController(AdminPages pages) {
        this.pages = pages;
        this.drafts = pages.drafts();
    }

    @GetMapping("/{tenant}/verwaltung")
    String overview(@PathVariable String tenant, Authentication admin, Model model) {
        pages.frame(tenant, "overview", model);
        model.addAttribute("admin", AdminPages.actor(admin));
        return "admin/overview";
    }

    @PostMapping(path = "/{tenant}/verwaltung/verwerfen", consumes = "application/x-www-form-urlencoded")
    String discard(@PathVariable String tenant, Authentication admin, Model model, RedirectAttributes redirect) {
        pages.frame(tenant, "overview", model);
        if (drafts.changed(tenant)) {
            drafts.discard(tenant, AdminPages.actor(admin));
        }
        redirect.addFlashAttribute("notice", pages.text("admin.discarded"));
        return "redirect:/" + tenant + "/verwaltung";
    }

    @GetMapping("/{tenant}/verwaltung/personal")
    String staff(@PathVariable String tenant, Model model) {
        ObjectNode draft = pages.frame(tenant, "staff", model);
        String issuer = draft.path("identity").path("staffIssuer").asText("");
        model.addAttribute("externalIssuer", issuer.isEmpty() ? null : issuer);
        model.addAttribute("demoUsers", issuer.isEmpty()
                ? List.of(new DemoUser(tenant + ".sachbearbeitung", "STAFF"),
                          new DemoUser(tenant + ".verwaltung", "STAFF, TENANT_ADMIN"))
                : List.of());
        return "admin/staff";
    }

    /** A demo user of the embedded issuer, shown read-only. */
    record DemoUser(String username, String roles) {
    }

    @GetMapping("/{tenant}/verwaltung/veroeffentlichen")
    String preview(@PathVariable String tenant, Model model) {
        ObjectNode draft = pages.frame(tenant, "publish", model);
        showProblemsAndPreview(tenant, draft, drafts.notices().check(tenant, draft), model);
        return "admin/publish";
    }

    /** The problems, the current version, and the preview (only of a publishable draft: there is none of another). */
    private void showProblemsAndPreview(String tenant, ObjectNode draft, List<NoticeProblem> problems, Model model) {
        model.addAttribute("problems", problems);
        String preview = null;
        if (problems.isEmpty()) {
            try {
                preview = drafts.notices().preview(tenant, draft);
            } catch (NoticeRefusedException refused) {
                model.addAttribute("problems", refused.problems());
            }
        }
        model.addAttribute("preview", preview);
        model.addAttribute("current", drafts.notices().current(tenant).map(PublishedNotice::number).orElse(null));
    }

    @PostMapping(path = "/{tenant}/verwaltung/veroeffentlichen", consumes = "application/x-www-form-urlencoded")
    String publish(@PathVariable String tenant, Authentication admin, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        pages.frame(tenant, "publish", model);
        PublishedNotice published;
        try {
            published = drafts.publish(tenant, AdminPages.actor(admin));
        } catch (NoticeRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            ObjectNode draft = pages.frame(tenant, "publish", model);
            showProblemsAndPreview(tenant, draft, refused.problems(), model);
            model.addAttribute("refused", true);
            return "admin/publish";
        }
        redirect.addFlashAttribute("notice", pages.text("admin.published", published.number()));
        return "redirect:/" + tenant + "/verwaltung";
    }

    @GetMapping("/{tenant}/verwaltung/protokoll")
    String audit(@PathVariable String tenant, @RequestParam(name = "seite", required = false) String page,
                 Model model) {
        ObjectNode draft = pages.frame(tenant, "audit", model);
        model.addAttribute("zone", java.time.ZoneId.of(draft.path("timeZone").asText("Europe/Berlin")));
        int number = 1;
        try {
            number = page == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(page)));
        } catch (NumberFormatException malformed) {
            // the first page
        }
        AdminDrafts.AuditPage entries = drafts.audit(tenant, number - 1, AUDIT_PAGE_SIZE);
        model.addAttribute("audit", entries);
        model.addAttribute("pageNumber", number);
        return "admin/audit";
    }
}
