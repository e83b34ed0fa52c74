package de.amtsraum.video.web;

import de.amtsraum.video.JoinToken;
import de.amtsraum.video.internal.CallService;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /{tenant}/video/token} (form: {@code ticket}, {@code displayName}; CSRF from the page):
 * a LiveKit token for the holder of a ticket who may join now, as
 * {@code {"serverUrl": "ws://…", "token": "…"}}; otherwise a problem (403 not admitted / not allowed,
 * 410 call over, 503 video unavailable). Staff tickets need the signed-in staff session of the tenant.
 * The answer is never cached; the token is never logged.
 */
@RestController
class CallTokenController {

    private final CallService calls;

    CallTokenController(CallService calls) {
        this.calls = calls;
    }

    @PostMapping(path = "/{tenant}/video/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> token(@PathVariable String tenant, @RequestParam(required = false) String ticket,
                                              @RequestParam(required = false) String displayName) {
        JoinToken token = calls.token(tenant, ticket, displayName, StaffSession.isStaffOf(tenant));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("serverUrl", token.serverUrl(), "token", token.token()));
    }
}
