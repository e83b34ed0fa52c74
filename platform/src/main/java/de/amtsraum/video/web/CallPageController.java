package de.amtsraum.video.web;

import de.amtsraum.account.CitizenAccounts;
import de.amtsraum.account.CitizenPrincipal;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.video.VideoException;
import de.amtsraum.video.internal.CallService;
import de.amtsraum.video.internal.CallService.CallView;
import de.amtsraum.video.internal.CallService.GuestView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The citizen's call page {@code /{tenant}/video?link=…} (signed link naming the case) and the
 * guest's page {@code /{tenant}/video/gast?…}. They work without JavaScript: a reload button shows
 * the current state, accept/decline/agree are plain forms (CSRF); with JavaScript
 * {@code /assets/video/signal.js} updates them on signals. The room (fragment of the room script)
 * appears only for the citizen of an accepted call and for an admitted guest.
 */
@SiteController
class CallPageController {

    private final TenantSite site;
    private final CallService calls;
    private final CitizenAccounts accounts;
    private final org.springframework.beans.factory.ObjectProvider<de.amtsraum.video.RoomPageHeaders> roomHeaders;

    CallPageController(TenantSite site, CallService calls, CitizenAccounts accounts,
                       org.springframework.beans.factory.ObjectProvider<de.amtsraum.video.RoomPageHeaders> roomHeaders) {
        this.site = site;
        this.calls = calls;
        this.accounts = accounts;
        this.roomHeaders = roomHeaders;
    }

    @GetMapping("/{tenant}/video")
    String citizen(@PathVariable String tenant, @RequestParam(required = false) String link, Model model,
                   HttpServletResponse response) {
        frame(tenant, model);
        String caseId;
        try {
            caseId = calls.caseOf(tenant, link);
        } catch (VideoException invalid) {
            response.setStatus(invalid.status().value());
            model.addAttribute("error", invalid.german());
            return "video/citizen";
        }
        model.addAttribute("link", link);
        model.addAttribute("signalUrl", "/" + tenant + "/video/signale?link=" + UriUtils.encode(link,
                java.nio.charset.StandardCharsets.UTF_8));
        Optional<CallView> call = calls.latestOfCase(tenant, caseId);
        model.addAttribute("call", call.orElse(null));
        if (call.isPresent() && call.get().accepted()) {
            model.addAttribute("ticket", calls.citizenTicket(tenant, caseId, call.get().callId()));
            model.addAttribute("defaultName", citizenName(tenant));
            roomHeaders.ifAvailable(headers -> headers.allowRoom(response));
        }
        return "video/citizen";
    }

    @PostMapping(path = "/{tenant}/video/antwort", consumes = "application/x-www-form-urlencoded")
    String answer(@PathVariable String tenant, @RequestParam(required = false) String link,
                  @RequestParam(required = false) String callId, @RequestParam(required = false) String answer,
                  RedirectAttributes redirect) {
        return act(tenant, link, redirect, caseId -> calls.answer(tenant, caseId, callId, "accept".equals(answer)));
    }

    @PostMapping(path = "/{tenant}/video/zustimmung", consumes = "application/x-www-form-urlencoded")
    String consent(@PathVariable String tenant, @RequestParam(required = false) String link,
                   @RequestParam(required = false) String callId, @RequestParam(required = false) String guestId,
                   @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        return act(tenant, link, redirect, caseId -> calls.consent(tenant, caseId, callId, guestId, "agree".equals(answer)));
    }

    private String act(String tenant, String link, RedirectAttributes redirect, java.util.function.Consumer<String> action) {
        site.resolve(tenant);
        try {
            action.accept(calls.caseOf(tenant, link));
        } catch (VideoException refused) {
            redirect.addFlashAttribute("error", refused.german());
        }
        return "redirect:/" + tenant + "/video?link=" + UriUtils.encode(link == null ? "" : link,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/{tenant}/video/gast")
    String guest(@PathVariable String tenant, @RequestParam(required = false) String einladung,
                 @RequestParam(required = false) String gast, Model model, HttpServletResponse response) {
        frame(tenant, model);
        try {
            if (gast != null) {
                GuestView guest = calls.guest(tenant, gast);
                model.addAttribute("guest", guest);
                model.addAttribute("gast", gast);
                model.addAttribute("call", calls.find(tenant, guest.callId()).orElse(null));
                model.addAttribute("signalUrl", "/" + tenant + "/video/signale?gast="
                        + UriUtils.encode(gast, java.nio.charset.StandardCharsets.UTF_8));
                if ("ADMITTED".equals(guest.status())) {
                    model.addAttribute("ticket", calls.guestTicket(tenant, gast));
                    model.addAttribute("defaultName", guest.displayName());
                    roomHeaders.ifAvailable(headers -> headers.allowRoom(response));
                }
            } else {
                calls.invitedTo(tenant, einladung);
                model.addAttribute("einladung", einladung);
            }
        } catch (VideoException invalid) {
            response.setStatus(invalid.status().value());
            model.addAttribute("error", invalid.german());
        }
        return "video/guest";
    }

    @PostMapping(path = "/{tenant}/video/gast", consumes = "application/x-www-form-urlencoded")
    String arrive(@PathVariable String tenant, @RequestParam(required = false) String einladung,
                  @RequestParam(required = false) String displayName, Model model, HttpServletResponse response) {
        frame(tenant, model);
        try {
            String gast = calls.arrive(tenant, einladung, displayName);
            return "redirect:/" + tenant + "/video/gast?gast=" + UriUtils.encode(gast, java.nio.charset.StandardCharsets.UTF_8);
        } catch (VideoException refused) {
            response.setStatus(refused.reason() == VideoException.Reason.INVALID_INPUT ? 422 : refused.status().value());
            model.addAttribute(refused.reason() == VideoException.Reason.INVALID_INPUT ? "nameError" : "error",
                    refused.german());
            model.addAttribute("einladung", einladung);
            model.addAttribute("displayName", displayName);
            return "video/guest";
        }
    }

    private void frame(String tenant, Model model) {
        if (!site.frame(tenant, model).features().video()) {
            throw new PageNotFoundException();
        }
    }

    /** The signed-in citizen's username (the default display name), else empty. */
    private String citizenName(String tenant) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal citizen
                && citizen.tenantId().equals(tenant)) {
            try {
                return accounts.view(citizen).username();
            } catch (RuntimeException closed) {
                return "";
            }
        }
        return "";
    }
}
