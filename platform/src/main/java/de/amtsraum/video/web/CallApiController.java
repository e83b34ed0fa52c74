package de.amtsraum.video.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.video.VideoException;
import de.amtsraum.video.internal.CallCommands;
import de.amtsraum.video.internal.CallService;
import de.amtsraum.video.internal.CallService.CallView;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API for calls ({@code /api/v1/tenants/{tenant}/calls…}, a staff token of the tenant, see
 * identity): start for a case, status with the waiting room, invite links, admit / deny / remove a
 * guest, end. Refusals are problem+json ({@link VideoException}).
 */
@RestController
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "bearer")
class CallApiController {

    private final CallService calls;

    CallApiController(CallService calls) {
        this.calls = calls;
    }

    @PostMapping(path = "/api/v1/tenants/{tenant}/calls", consumes = "application/json")
    @Operation(summary = "Start a video call for a consultation case (staff)",
            description = "Body {\"caseId\": \"<uuid>\"}. 201 with the call; 400 invalid-video-input; 404 "
                    + "video-not-configured; 503 video-unavailable when LiveKit is off for the tenant or unreachable.")
    ResponseEntity<Map<String, Object>> start(@PathVariable String tenant, @RequestBody(required = false) JsonNode body) {
        String caseId = body == null || !body.path("caseId").isTextual() ? null : body.get("caseId").asText();
        String callId = calls.start(tenant, caseId);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/calls/" + callId))
                .body(json(tenant, calls.get(tenant, callId)));
    }

    @GetMapping("/api/v1/tenants/{tenant}/calls/{callId}")
    @Operation(summary = "Status of a call with its waiting room (staff)")
    Map<String, Object> status(@PathVariable String tenant, @PathVariable String callId) {
        return json(tenant, calls.get(tenant, callId));
    }

    @PostMapping("/api/v1/tenants/{tenant}/calls/{callId}/invites")
    @Operation(summary = "Create an invite link for an extra person (staff); signed, expires, one call")
    ResponseEntity<Map<String, Object>> invite(@PathVariable String tenant, @PathVariable String callId) {
        CallService.Invite invite = calls.invite(tenant, callId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inviteId", invite.inviteId());
        body.put("path", invite.path());
        body.put("expiresAt", invite.expiresAt().toString());
        return ResponseEntity.status(201).body(body);
    }

    @PostMapping("/api/v1/tenants/{tenant}/calls/{callId}/guests/{guestId}/{action}")
    @Operation(summary = "Admit, deny or remove a guest (staff)",
            description = "action: admit | deny | remove. 204; 404 unknown-guest; 409 guest-consent-missing (the "
                    + "citizen has not agreed yet), guest-consent-refused, guest-not-waiting; 410 call-over.")
    ResponseEntity<Void> decide(@PathVariable String tenant, @PathVariable String callId, @PathVariable String guestId,
                                @PathVariable String action) {
        CallCommands.Decision decision = switch (action) {
            case "admit" -> CallCommands.Decision.ADMIT;
            case "deny" -> CallCommands.Decision.DENY;
            case "remove" -> CallCommands.Decision.REMOVE;
            default -> throw new VideoException(VideoException.Reason.UNKNOWN_GUEST);
        };
        calls.decide(tenant, callId, guestId, decision);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/tenants/{tenant}/calls/{callId}")
    @Operation(summary = "End the call (staff): the room is deleted and the room data with it")
    ResponseEntity<Void> end(@PathVariable String tenant, @PathVariable String callId) {
        calls.end(tenant, callId);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> json(String tenant, CallView call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", call.callId());
        body.put("caseId", call.caseId());
        body.put("status", call.status().name());
        body.put("staffIn", call.staffIn());
        body.put("citizenIn", call.citizenIn());
        body.put("requestedAt", text(call.requestedAt()));
        body.put("startedAt", text(call.startedAt()));
        body.put("endedAt", text(call.endedAt()));
        body.put("outcome", call.outcome());
        body.put("staffPage", "/" + tenant + "/mitarbeiter/video/" + call.callId());
        List<Map<String, Object>> guests = call.guests().stream().map(g -> {
            Map<String, Object> guest = new LinkedHashMap<>();
            guest.put("guestId", g.guestId());
            guest.put("displayName", g.displayName());
            guest.put("status", g.status());
            guest.put("consent", g.consent());
            return guest;
        }).toList();
        body.put("guests", guests);
        return body;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
