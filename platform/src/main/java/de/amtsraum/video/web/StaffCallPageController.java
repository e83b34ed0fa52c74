package de.amtsraum.video.web;

import de.amtsraum.notification.PublicUrl;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.video.VideoException;
import de.amtsraum.video.internal.CallCommands;
import de.amtsraum.video.internal.CallService;
import de.amtsraum.video.internal.CallService.CallView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff call pages {@code /{tenant}/mitarbeiter/video…} (OIDC sign-in, see identity): start a call
 * for a case, and per call its status, the citizen's link to pass on, joining (room fragment with a
 * staff ticket), invite links for guests, the waiting room with admit / deny / remove, and ending
 * the call. German; plain forms with CSRF; {@code signal.js} refreshes the status parts. Without
 * video (not configured, off for the tenant) the pages say so instead.
 */
@SiteController
class StaffCallPageController {

    static final Duration CITIZEN_LINK_VALIDITY = Duration.ofDays(7);

    private final TenantSite site;
    private final CallService calls;
    private final PublicUrl publicUrl;
    private final org.springframework.beans.factory.ObjectProvider<de.amtsraum.video.RoomPageHeaders> roomHeaders;

    StaffCallPageController(TenantSite site, CallService calls, PublicUrl publicUrl,
                            org.springframework.beans.factory.ObjectProvider<de.amtsraum.video.RoomPageHeaders> roomHeaders) {
        this.site = site;
        this.calls = calls;
        this.publicUrl = publicUrl;
        this.roomHeaders = roomHeaders;
    }

    @GetMapping("/{tenant}/mitarbeiter/video")
    String startPage(@PathVariable String tenant, Model model, HttpServletResponse response) {
        site.frame(tenant, model);
        if (!calls.available(tenant)) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("unavailable", true);
        }
        return "video/staff-start";
    }

    @PostMapping(path = "/{tenant}/mitarbeiter/video", consumes = "application/x-www-form-urlencoded")
    String start(@PathVariable String tenant, @RequestParam(required = false) String caseId, Model model,
                 HttpServletResponse response) {
        site.frame(tenant, model);
        try {
            return "redirect:/" + tenant + "/mitarbeiter/video/" + calls.start(tenant, caseId == null ? null : caseId.strip());
        } catch (VideoException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("unavailable", !calls.available(tenant));
            model.addAttribute("error", refused.reason() == VideoException.Reason.INVALID_INPUT
                    ? "Bitte geben Sie die Nummer des Beratungsfalls an." : refused.german());
            return "video/staff-start";
        }
    }

    @GetMapping("/{tenant}/mitarbeiter/video/{callId}")
    String call(@PathVariable String tenant, @PathVariable String callId, Model model, HttpServletResponse response) {
        site.frame(tenant, model);
        if (!calls.configured() || !calls.available(tenant)) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("unavailable", true);
            return "video/staff-start";
        }
        CallView call = calls.find(tenant, callId).orElseThrow(PageNotFoundException::new);
        model.addAttribute("call", call);
        model.addAttribute("citizenLink", publicUrl.of(calls.citizenPage(tenant, call.caseId(), CITIZEN_LINK_VALIDITY)));
        model.addAttribute("signalUrl", "/" + tenant + "/mitarbeiter/video/" + callId + "/signale");
        if (!call.ended()) {
            model.addAttribute("ticket", calls.staffTicket(tenant, callId));
            roomHeaders.ifAvailable(headers -> headers.allowRoom(response));
        }
        return "video/staff-call";
    }

    @PostMapping(path = "/{tenant}/mitarbeiter/video/{callId}/einladen", consumes = "application/x-www-form-urlencoded")
    String invite(@PathVariable String tenant, @PathVariable String callId, RedirectAttributes redirect) {
        return act(tenant, callId, redirect, () -> {
            CallService.Invite invite = calls.invite(tenant, callId);
            redirect.addFlashAttribute("inviteLink", publicUrl.of(invite.path()));
            redirect.addFlashAttribute("inviteExpiresAt", invite.expiresAt());
        });
    }

    @PostMapping(path = "/{tenant}/mitarbeiter/video/{callId}/gaeste/{guestId}/{action}",
            consumes = "application/x-www-form-urlencoded")
    String decide(@PathVariable String tenant, @PathVariable String callId, @PathVariable String guestId,
                  @PathVariable String action, RedirectAttributes redirect) {
        CallCommands.Decision decision = switch (action) {
            case "zulassen" -> CallCommands.Decision.ADMIT;
            case "abweisen" -> CallCommands.Decision.DENY;
            case "entfernen" -> CallCommands.Decision.REMOVE;
            default -> throw new PageNotFoundException();
        };
        return act(tenant, callId, redirect, () -> {
            calls.decide(tenant, callId, guestId, decision);
            redirect.addFlashAttribute("notice", switch (decision) {
                case ADMIT -> "Die Person ist zugelassen und kann jetzt beitreten.";
                case DENY -> "Die Person ist abgewiesen.";
                case REMOVE -> "Die Person ist aus dem Anruf entfernt.";
            });
        });
    }

    @PostMapping(path = "/{tenant}/mitarbeiter/video/{callId}/beenden", consumes = "application/x-www-form-urlencoded")
    String end(@PathVariable String tenant, @PathVariable String callId, RedirectAttributes redirect) {
        return act(tenant, callId, redirect, () -> {
            calls.end(tenant, callId);
            redirect.addFlashAttribute("notice", "Der Anruf ist beendet; der Raum ist gelöscht.");
        });
    }

    private String act(String tenant, String callId, RedirectAttributes redirect, Runnable action) {
        site.resolve(tenant);
        if (calls.find(tenant, callId).isEmpty()) {
            throw new PageNotFoundException();
        }
        try {
            action.run();
        } catch (VideoException refused) {
            redirect.addFlashAttribute("error", refused.german());
        }
        return "redirect:/" + tenant + "/mitarbeiter/video/" + callId;
    }
}
