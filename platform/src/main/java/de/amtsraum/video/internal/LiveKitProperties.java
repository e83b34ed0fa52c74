package de.amtsraum.video.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * LiveKit connection and room policy. Video is on only when {@code url} is set; the other settings
 * are checked then.
 *
 * @param url              HTTP(S) base URL of the LiveKit server as the platform reaches it, e.g.
 *                         {@code http://127.0.0.1:7880} ({@code AMTSRAUM_LIVEKIT_URL})
 * @param clientUrl        WebSocket URL browsers use, e.g. {@code wss://video.example.de}; default:
 *                         {@code url} with {@code http} replaced by {@code ws}
 * @param apiKey           API key, also the key LiveKit signs webhooks with ({@code webhook.api_key})
 * @param apiSecret        API secret (at least 32 characters, as LiveKit demands)
 * @param emptyTimeout     how long a room stays open when nobody joins (default 2 minutes)
 * @param departureTimeout how long a room stays open after the last participant left (default 20 s)
 * @param maxParticipants  participant limit per room (default 4: staff, citizen, interpreter, one more)
 * @param tokenTtl         validity of a join token; it only needs to outlive the join (default 5 minutes)
 * @param roomLifetime     how long the platform keeps a room at most (default and maximum 7 days)
 * @param sweepInterval    how often expired rooms are deleted (default 15 minutes)
 */
@ConfigurationProperties(prefix = "amtsraum.livekit")
record LiveKitProperties(URI url, URI clientUrl, String apiKey, String apiSecret, Duration emptyTimeout,
        Duration departureTimeout, Integer maxParticipants, Duration tokenTtl, Duration roomLifetime,
        Duration sweepInterval) {

    static final Duration MAX_ROOM_LIFETIME = Duration.ofDays(7);

    LiveKitProperties {
        emptyTimeout = emptyTimeout == null ? Duration.ofMinutes(2) : emptyTimeout;
        departureTimeout = departureTimeout == null ? Duration.ofSeconds(20) : departureTimeout;
        maxParticipants = maxParticipants == null ? 4 : maxParticipants;
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(5) : tokenTtl;
        roomLifetime = roomLifetime == null ? MAX_ROOM_LIFETIME : roomLifetime;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(15) : sweepInterval;
        // Without a URL video is off: the bean exists (the application scans for properties) but
        // nothing uses it, so nothing else is required.
        if (url != null) {
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("amtsraum.livekit.url must be an http(s) URL of the LiveKit server");
            }
            if (clientUrl == null) {
                clientUrl = URI.create(url.toString().replaceFirst("^http", "ws"));
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("amtsraum.livekit.api-key is required when amtsraum.livekit.url is set");
            }
            if (apiSecret == null || apiSecret.length() < 32) {
                throw new IllegalArgumentException(
                        "amtsraum.livekit.api-secret is required and must have at least 32 characters");
            }
            requireSeconds("empty-timeout", emptyTimeout);
            requireSeconds("departure-timeout", departureTimeout);
            if (maxParticipants < 2) {
                throw new IllegalArgumentException("amtsraum.livekit.max-participants must be at least 2");
            }
            if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("amtsraum.livekit.token-ttl must be positive and at most 1 hour");
            }
            if (roomLifetime.isNegative() || roomLifetime.isZero() || roomLifetime.compareTo(MAX_ROOM_LIFETIME) > 0) {
                throw new IllegalArgumentException("amtsraum.livekit.room-lifetime must be positive and at most 7 days");
            }
        }
    }

    private static void requireSeconds(String name, Duration value) {
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("amtsraum.livekit." + name + " must be between 1 second and 1 hour");
        }
    }

    @Override
    public String toString() {
        return "LiveKitProperties[url=" + url + ", clientUrl=" + clientUrl + ", apiKey=" + apiKey
                + ", apiSecret=<hidden>, emptyTimeout=" + emptyTimeout + ", departureTimeout=" + departureTimeout
                + ", maxParticipants=" + maxParticipants + ", tokenTtl=" + tokenTtl + "]";
    }
}
