package de.amtsraum.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The video room's headers open the strict policy for exactly the configured LiveKit origin and the worker. */
class SecurityChainsTest {

    @Test
    void roomPolicyAddsTheLiveKitOriginWorkerAndMediaAndNothingElse() {
        String policy = SecurityChains.videoRoomPolicy(URI.create("wss://video.example.de"));

        assertThat(policy).isEqualTo(SecurityChains.CONTENT_SECURITY_POLICY.replace("connect-src 'self';",
                "connect-src 'self' wss://video.example.de https://video.example.de; worker-src 'self';"));
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*", "blob:", "media-src");
    }

    @Test
    void plainWebSocketWithPortMapsToPlainHttpOfTheSameAuthority() {
        assertThat(SecurityChains.videoRoomPolicy(URI.create("ws://127.0.0.1:7880")))
                .contains("connect-src 'self' ws://127.0.0.1:7880 http://127.0.0.1:7880;");
        assertThat(SecurityChains.videoRoomPolicy(URI.create("wss://video.example.de:8443/livekit")))
                .as("origin only, no path").contains("connect-src 'self' wss://video.example.de:8443 https://video.example.de:8443;");
    }

    @Test
    void anythingButAWebSocketOrHttpUrlIsRefused() {
        for (String url : new String[] {"ftp://video.example.de", "javascript:alert(1)", "/relative"}) {
            assertThatThrownBy(() -> SecurityChains.videoRoomPolicy(URI.create(url)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void roomHeadersAllowCameraAndMicrophoneForThisOriginOnly() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        SecurityChains.allowVideoRoom(response, URI.create("wss://video.example.de"));

        assertThat(response.getHeader("Content-Security-Policy")).contains("wss://video.example.de");
        assertThat(response.getHeader("Permissions-Policy")).startsWith("camera=(self), microphone=(self), geolocation=()")
                .contains("display-capture=()");
        assertThat(SecurityChains.PERMISSIONS_POLICY).startsWith("camera=(), microphone=()");
    }
}
