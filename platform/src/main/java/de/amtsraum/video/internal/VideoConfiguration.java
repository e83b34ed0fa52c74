package de.amtsraum.video.internal;

import de.amtsraum.identity.SecurityChains;
import de.amtsraum.video.RoomPageHeaders;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The video module's beans, present only when {@code amtsraum.livekit.url} is set. Without it the
 * platform runs without video: no {@link de.amtsraum.video.Rooms}, and the webhook answers 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "amtsraum.livekit", name = "url")
@EnableConfigurationProperties(LiveKitProperties.class)
class VideoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VideoConfiguration.class);

    @Bean
    RoomServiceClient liveKitRoomService(LiveKitProperties properties) {
        log.info("Video consultation on: LiveKit at {}", properties.url());
        return RoomServiceClient.create(properties.url().toString(), properties.apiKey(), properties.apiSecret(), false,
                okhttp -> okhttp.connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                        .callTimeout(Duration.ofSeconds(15)));
    }

    @Bean
    LiveKitRooms liveKitRooms(RoomServiceClient client, DSLContext db, LiveKitProperties properties, Clock clock) {
        return new LiveKitRooms(client, new RoomRecords(db), properties, clock);
    }

    @Bean
    RoomPageHeaders roomPageHeaders(LiveKitProperties properties) {
        return response -> SecurityChains.allowVideoRoom(response, properties.clientUrl());
    }

    @Bean
    LiveKitWebhooks liveKitWebhooks(LiveKitProperties properties, LiveKitRooms rooms, MeterRegistry meters,
                                    CallService calls) {
        return new LiveKitWebhooks(new WebhookReceiver(properties.apiKey(), properties.apiSecret()), rooms, meters,
                calls);
    }
}
