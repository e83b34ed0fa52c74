package de.amtsraum.rights.web;

import de.amtsraum.privacy.LegalHolds;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RightsRequestException;
import de.amtsraum.rights.RightsRequests;
import de.amtsraum.rights.RightsRequests.Opening;
import de.amtsraum.rights.RightsRequests.RequestView;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages {@code /{tenant}/mitarbeiter/anfragen…} (OIDC staff sign-in, see identity): the inbox
 * of data-subject requests with deadlines (overdue marked), a form for a request received by mail,
 * letter or phone, and one request with verify / extend / close and legal hold forms. Plain forms
 * with CSRF, no JavaScript; refusals in a German error summary with status 422 and nothing stored.
 */
@SiteController
class RightsInboxPageController {

    private static final String BASE = "/{tenant}/mitarbeiter/anfragen";

    private final TenantSite site;
    private final RightsRequests requests;
    private final LegalHolds holds;
    private final MessageSource messages;

    RightsInboxPageController(TenantSite site, RightsRequests requests, LegalHolds holds, MessageSource messages) {
        this.site = site;
        this.requests = requests;
        this.holds = holds;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(@PathVariable String tenant, Model model) {
        site.frame(tenant, model);
        model.addAttribute("requests", requests.list(tenant));
        model.addAttribute("types", RightsRequests.Type.values());
        model.addAttribute("channels", RequestChannel.values());
        return "rights/inbox";
    }

    @PostMapping(path = BASE, consumes = "application/x-www-form-urlencoded")
    String open(@PathVariable String tenant, @RequestParam Map<String, String> form, Authentication staff,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        site.frame(tenant, model);
        String id;
        try {
            id = requests.open(tenant, new Opening(parse(form.get("type"), RightsRequests.Type.class),
                    parse(form.get("channel"), RequestChannel.class), date(form.get("receivedOn")),
                    form.get("requesterName"), form.get("requesterContact"), form.get("description"),
                    form.get("subjectId")), staff.getName());
        } catch (RightsRequestException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("error", refused.reason().problem().german());
            model.addAttribute("form", form);
            return list(tenant, model);
        }
        redirect.addFlashAttribute("notice", text("rights.inbox.opened"));
        return "redirect:/" + tenant + "/mitarbeiter/anfragen/" + id;
    }

    @GetMapping(BASE + "/{id}")
    String detail(@PathVariable String tenant, @PathVariable String id, Model model) {
        site.frame(tenant, model);
        RequestView request;
        try {
            request = requests.get(tenant, id);
        } catch (RightsRequestException unknown) {
            throw new PageNotFoundException();
        }
        model.addAttribute("request", request);
        model.addAttribute("hold", request.subjectId() == null ? null
                : holds.holdOf(tenant, request.subjectId()).orElse(null));
        model.addAttribute("methods", RightsRequests.VerificationMethod.values());
        model.addAttribute("outcomes", RightsRequests.Outcome.values());
        model.addAttribute("refusalReasons", RightsRequests.REFUSAL_REASONS.stream().sorted().toList());
        model.addAttribute("holdReasons", LegalHolds.Reason.values());
        return "rights/request";
    }

    @PostMapping(path = BASE + "/{id}/identitaet", consumes = "application/x-www-form-urlencoded")
    String verify(@PathVariable String tenant, @PathVariable String id, @RequestParam Map<String, String> form,
                  Authentication staff, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, id, model, redirect, response, "rights.inbox.verified", () -> {
            requests.verifyIdentity(tenant, id, parse(form.get("method"), RightsRequests.VerificationMethod.class),
                    form.get("note"), staff.getName());
            return null;
        });
    }

    @PostMapping(path = BASE + "/{id}/verlaengerung", consumes = "application/x-www-form-urlencoded")
    String extend(@PathVariable String tenant, @PathVariable String id, @RequestParam Map<String, String> form,
                  Authentication staff, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, id, model, redirect, response, "rights.inbox.extended", () -> {
            int months;
            try {
                months = Integer.parseInt(form.getOrDefault("months", ""));
            } catch (NumberFormatException bad) {
                months = 0;
            }
            requests.extend(tenant, id, months, form.get("reason"), "true".equals(form.get("citizenInformed")),
                    staff.getName());
            return null;
        });
    }

    @PostMapping(path = BASE + "/{id}/abschluss", consumes = "application/x-www-form-urlencoded")
    String close(@PathVariable String tenant, @PathVariable String id, @RequestParam Map<String, String> form,
                 Authentication staff, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, id, model, redirect, response, "rights.inbox.closed", () -> {
            requests.close(tenant, id, parse(form.get("outcome"), RightsRequests.Outcome.class),
                    form.get("reasonCode"), form.get("note"), staff.getName());
            return null;
        });
    }

    @PostMapping(path = BASE + "/{id}/sperre", consumes = "application/x-www-form-urlencoded")
    String hold(@PathVariable String tenant, @PathVariable String id, @RequestParam Map<String, String> form,
                Authentication staff, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(tenant, id, model, redirect, response, "rights.inbox.holdChanged", () -> {
            RequestView request = requests.get(tenant, id);
            if (request.subjectId() == null) {
                throw new PageNotFoundException();
            }
            if ("lift".equals(form.get("action"))) {
                holds.lift(tenant, request.subjectId(), staff.getName());
            } else {
                LegalHolds.Reason reason = parse(form.get("reason"), LegalHolds.Reason.class);
                String reference = form.get("reference");
                if (reason == null || reference == null || reference.isBlank() || reference.length() > 120) {
                    throw new IllegalArgumentException("legal hold");
                }
                holds.place(tenant, request.subjectId(), reason, reference.strip(), staff.getName());
            }
            return null;
        });
    }

    private String act(String tenant, String id, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, String done, Supplier<Void> action) {
        site.frame(tenant, model);
        try {
            action.get();
        } catch (RightsRequestException refused) {
            if (refused.reason() == RightsRequestException.Reason.UNKNOWN) {
                throw new PageNotFoundException();
            }
            return refused(tenant, id, refused.reason().problem().german(), model, response);
        } catch (IllegalArgumentException bad) {
            return refused(tenant, id, text("rights.inbox.invalid"), model, response);
        }
        redirect.addFlashAttribute("notice", text(done));
        return "redirect:/" + tenant + "/mitarbeiter/anfragen/" + id;
    }

    private String refused(String tenant, String id, String message, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        String view = detail(tenant, id, model);
        model.addAttribute("error", message);
        return view;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** A value that is not one of the enum's names (or blank) is null, refused by the inbox as invalid. */
    private static <E extends Enum<E>> E parse(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException bad) {
            return null;
        }
    }
}
