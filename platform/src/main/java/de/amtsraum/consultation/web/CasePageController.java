package de.amtsraum.consultation.web;

import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.consultation.ConsultationCases.CaseView;
import de.amtsraum.consultation.ConsultationCases.Filter;
import de.amtsraum.consultation.ConsultationException;
import de.amtsraum.consultation.IdentityDocumentKind;
import de.amtsraum.consultation.InvalidCaseInputException;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.video.Calls;
import de.amtsraum.video.VideoException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages {@code /{tenant}/mitarbeiter/faelle…} (signed in like the appointment pages, see
 * identity): the cases (open or closed), one case with its notes, adding a note (optionally marked
 * for the specialist system), noting a shown ID document, the outcome, archiving and the one
 * handover (each after a confirmation page), opening a case, and starting a video call where video
 * is available. German and English; plain forms with CSRF and error summaries, no JavaScript.
 */
@SiteController
class CasePageController {

    private static final String PAGES = "/mitarbeiter/faelle";

    private final TenantSite site;
    private final ConsultationCases cases;
    private final ObjectProvider<Calls> calls;
    private final MessageSource messages;

    CasePageController(TenantSite site, ConsultationCases cases, ObjectProvider<Calls> calls,
                       MessageSource messages) {
        this.site = site;
        this.cases = cases;
        this.calls = calls;
        this.messages = messages;
    }

    @GetMapping("/{tenant}" + PAGES)
    String list(@PathVariable String tenant, @RequestParam(name = "status", required = false) String status,
                Model model) {
        TenantManifest manifest = frame(tenant, model);
        boolean closed = "abgeschlossen".equals(status);
        model.addAttribute("closed", closed);
        model.addAttribute("cases", cases.list(tenant, closed ? Filter.CLOSED : Filter.OPEN));
        model.addAttribute("services", manifest.services());
        return "consultation/staff-cases";
    }

    @PostMapping(path = "/{tenant}" + PAGES, consumes = "application/x-www-form-urlencoded")
    String open(@PathVariable String tenant, @RequestParam(name = "serviceId", required = false) String serviceId,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        TenantManifest manifest = frame(tenant, model);
        String caseId;
        try {
            caseId = cases.open(tenant, serviceId);
        } catch (ConsultationException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("closed", false);
            model.addAttribute("cases", cases.list(tenant, Filter.OPEN));
            model.addAttribute("services", manifest.services());
            model.addAttribute("errors", Map.of("serviceId", text(refused.messageKey())));
            return "consultation/staff-cases";
        }
        redirect.addFlashAttribute("notice", text("case.opened"));
        return "redirect:/" + tenant + PAGES + "/" + caseId;
    }

    @GetMapping("/{tenant}" + PAGES + "/{caseId}")
    String detail(@PathVariable String tenant, @PathVariable String caseId, Model model) {
        frame(tenant, model);
        show(tenant, caseId, model);
        return "consultation/staff-case";
    }

    @PostMapping(path = "/{tenant}" + PAGES + "/{caseId}/notiz", consumes = "application/x-www-form-urlencoded")
    String addNote(@PathVariable String tenant, @PathVariable String caseId,
                   @RequestParam(required = false) String text, @RequestParam(required = false) String marked,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, caseId, model, redirect, response, "case.note.added", Map.of("text", text == null ? "" : text,
                "marked", marked == null ? "" : marked), () -> cases.addNote(tenant, caseId, text, marked != null));
    }

    @PostMapping(path = "/{tenant}" + PAGES + "/{caseId}/ausweis", consumes = "application/x-www-form-urlencoded")
    String identityDocument(@PathVariable String tenant, @PathVariable String caseId,
                            @RequestParam(name = "documentKind", required = false) String kind,
                            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, caseId, model, redirect, response, "case.document.recorded", Map.of(),
                () -> cases.recordIdentityDocument(tenant, caseId, kind));
    }

    @PostMapping(path = "/{tenant}" + PAGES + "/{caseId}/ergebnis", consumes = "application/x-www-form-urlencoded")
    String outcome(@PathVariable String tenant, @PathVariable String caseId,
                   @RequestParam(required = false) String outcome, @RequestParam(required = false) String summary,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, caseId, model, redirect, response, "case.outcome.recorded",
                Map.of("summary", summary == null ? "" : summary),
                () -> cases.recordOutcome(tenant, caseId, outcome, summary));
    }

    @GetMapping("/{tenant}" + PAGES + "/{caseId}/archivieren")
    String confirmArchive(@PathVariable String tenant, @PathVariable String caseId, Model model) {
        return confirmation(tenant, caseId, "archive", model);
    }

    @PostMapping(path = "/{tenant}" + PAGES + "/{caseId}/archivieren", consumes = "application/x-www-form-urlencoded")
    String archive(@PathVariable String tenant, @PathVariable String caseId, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, caseId, model, redirect, response, "case.archived", Map.of(),
                () -> cases.archive(tenant, caseId));
    }

    @GetMapping("/{tenant}" + PAGES + "/{caseId}/uebergeben")
    String confirmHandover(@PathVariable String tenant, @PathVariable String caseId, Model model) {
        return confirmation(tenant, caseId, "handover", model);
    }

    @PostMapping(path = "/{tenant}" + PAGES + "/{caseId}/uebergeben", consumes = "application/x-www-form-urlencoded")
    String handOver(@PathVariable String tenant, @PathVariable String caseId, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, caseId, model, redirect, response, "case.handedOver", Map.of(),
                () -> cases.handOver(tenant, caseId));
    }

    /** Starts a video call of an open case; the staff call page is the video module's. */
    @PostMapping(path = "/{tenant}" + PAGES + "/{caseId}/videoanruf", consumes = "application/x-www-form-urlencoded")
    String call(@PathVariable String tenant, @PathVariable String caseId, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        frame(tenant, model);
        CaseView view = find(tenant, caseId);
        Calls video = calls.getIfAvailable();
        if (!view.open()) {
            return refused(tenant, caseId, text("case.problem.case-closed"), Map.of(), model, response);
        }
        if (video == null || !video.available(tenant)) {
            return refused(tenant, caseId, text("case.video.unavailable"), Map.of(), model, response);
        }
        try {
            String callId = video.start(tenant, caseId);
            return "redirect:/" + tenant + "/mitarbeiter/video/" + callId;
        } catch (VideoException failed) {
            String key = failed.reason() == VideoException.Reason.VIDEO_UNAVAILABLE ? "case.video.failed"
                    : "case.video.unavailable";
            return refused(tenant, caseId, text(key), Map.of(), model, response);
        }
    }

    private String act(String tenant, String caseId, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, String done, Map<String, String> values, Runnable action) {
        frame(tenant, model);
        find(tenant, caseId);
        try {
            action.run();
        } catch (InvalidCaseInputException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(p -> errors.put(p.field(), text("case.error." + p.code())));
            return refused(tenant, caseId, null, errors, model, response, values);
        } catch (ConsultationException refused) {
            return refused(tenant, caseId, text(refused.messageKey()), Map.of(), model, response, values);
        }
        redirect.addFlashAttribute("notice", text(done));
        return "redirect:/" + tenant + PAGES + "/" + caseId;
    }

    private String refused(String tenant, String caseId, String error, Map<String, String> errors, Model model,
                           HttpServletResponse response) {
        return refused(tenant, caseId, error, errors, model, response, Map.of());
    }

    private String refused(String tenant, String caseId, String error, Map<String, String> errors, Model model,
                           HttpServletResponse response, Map<String, String> values) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        show(tenant, caseId, model);
        model.addAttribute("error", error);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "consultation/staff-case";
    }

    private String confirmation(String tenant, String caseId, String action, Model model) {
        frame(tenant, model);
        show(tenant, caseId, model);
        model.addAttribute("action", action);
        return "consultation/staff-case-confirm";
    }

    private void show(String tenant, String caseId, Model model) {
        CaseView view = find(tenant, caseId);
        boolean conversation = cases.conversationDeclared(tenant);
        Calls video = calls.getIfAvailable();
        model.addAttribute("case", view);
        model.addAttribute("conversation", conversation);
        model.addAttribute("canHandOver", conversation && view.open() && view.handoverId() == null);
        model.addAttribute("videoAvailable", video != null && video.available(tenant));
        model.addAttribute("documentKinds", IdentityDocumentKind.values());
        model.addAttribute("documentLabel", documentLabel(view.identityDocument()));
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of());
    }

    /** The kind's name in the page's language; the redaction value as it is. */
    private String documentLabel(String kind) {
        boolean known = kind != null && java.util.Arrays.stream(IdentityDocumentKind.values())
                .anyMatch(k -> k.name().equals(kind));
        return known ? text("case.document." + kind) : kind;
    }

    private CaseView find(String tenant, String caseId) {
        try {
            return cases.get(tenant, caseId);
        } catch (ConsultationException unknown) {
            throw new PageNotFoundException();
        }
    }

    private TenantManifest frame(String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        model.addAttribute("zone", manifest.timeZone());
        return manifest;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
