package de.amtsraum.video.web;

import de.amtsraum.video.VideoException;
import de.amtsraum.video.internal.CallService;
import de.amtsraum.video.internal.CallService.GuestView;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for the call pages: the citizen's (by the case of the signed link), a guest's
 * (by the guest link) and staff's (by call, on the signed-in staff path). Each event is named
 * {@code signal} with the kind of change as data ({@code signalled}, {@code accepted},
 * {@code guest-waiting}, {@code ended}, …); {@code /assets/video/signal.js} updates the page.
 */
@RestController
class CallSignalController {

    private final CallService calls;

    CallSignalController(CallService calls) {
        this.calls = calls;
    }

    @GetMapping(path = "/{tenant}/video/signale", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter citizenOrGuest(@PathVariable String tenant, @RequestParam(required = false) String link,
                              @RequestParam(required = false) String gast) {
        if (gast != null) {
            GuestView guest = calls.guest(tenant, gast);
            return calls.signals(List.of("guest:" + guest.guestId(), "guests:" + guest.callId()));
        }
        return calls.signals(List.of("case:" + calls.caseOf(tenant, link)));
    }

    @GetMapping(path = "/{tenant}/mitarbeiter/video/{callId}/signale", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter staff(@PathVariable String tenant, @PathVariable String callId) {
        if (calls.find(tenant, callId).isEmpty()) {
            throw new VideoException(VideoException.Reason.UNKNOWN_CALL);
        }
        return calls.signals(List.of("call:" + callId));
    }

}
