package de.amtsraum.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveKitPropertiesTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void withoutUrlVideoIsOffAndNothingElseIsRequired() {
        LiveKitProperties off = new LiveKitProperties(null, null, null, null, null, null, null, null, null, null);
        assertThat(off.url()).isNull();
        assertThat(off.tokenTtl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void defaultsAreShortAndTheClientUrlIsDerived() {
        LiveKitProperties on = new LiveKitProperties(URI.create("https://video.example.de"), null, "key", SECRET,
                null, null, null, null, null, null);
        assertThat(on.clientUrl()).isEqualTo(URI.create("wss://video.example.de"));
        assertThat(on.emptyTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(on.departureTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(on.maxParticipants()).isEqualTo(4);
        assertThat(on.roomLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(on.toString()).doesNotContain(SECRET);
    }

    @Test
    void unsafeSettingsAreRefused() {
        URI url = URI.create("http://127.0.0.1:7880");
        assertThatThrownBy(() -> new LiveKitProperties(url, null, "key", "short", null, null, null, null, null, null))
                .hasMessageContaining("api-secret");
        assertThatThrownBy(() -> new LiveKitProperties(url, null, null, SECRET, null, null, null, null, null, null))
                .hasMessageContaining("api-key");
        assertThatThrownBy(() -> new LiveKitProperties(url, null, "key", SECRET, null, null, null, null,
                Duration.ofDays(8), null)).hasMessageContaining("7 days");
        assertThatThrownBy(() -> new LiveKitProperties(url, null, "key", SECRET, null, null, null,
                Duration.ofHours(2), null, null)).hasMessageContaining("token-ttl");
        assertThatThrownBy(() -> new LiveKitProperties(URI.create("ws://x"), null, "key", SECRET, null, null, null,
                null, null, null)).hasMessageContaining("http(s)");
    }
}
