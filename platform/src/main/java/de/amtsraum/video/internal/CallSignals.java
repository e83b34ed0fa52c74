package de.amtsraum.video.internal;

import de.amtsraum.shared.PostgresListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Signals to the open call pages (Server-Sent Events) on every app instance: a change sends a
 * PostgreSQL NOTIFY on {@value #CHANNEL} in the transaction that records it (delivered only if it
 * commits); each instance LISTENs on a connection of its own and forwards the signal to the
 * {@link SseEmitter}s of its pages that subscribed to the key. Keys name random ids only
 * ({@code case:<caseId>}, {@code call:<callId>}, {@code guest:<guestId>}, {@code guests:<callId>});
 * the event's data is the kind of change, never anything personal. A page that misses a signal (the
 * listener reconnecting) still shows the truth on its next reload.
 */
@Component
public class CallSignals implements SmartLifecycle {

    static final String CHANNEL = "amtsraum_video_signal";
    private static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

    private final DSLContext db;
    private final Map<String, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("video-signal-heartbeat").factory());
    private final PostgresListener listener;

    CallSignals(DataSource dataSource, DSLContext db) {
        this.db = db;
        // Signals missed while the connection was down: pages catch up on their next reload.
        this.listener = new PostgresListener(dataSource, CHANNEL, this::deliver, () -> { });
    }

    /** Announces a change to the pages subscribed to the key; delivered when the transaction commits. */
    void announce(String key, String kind) {
        db.execute("select pg_notify({0}, {1})", DSL.inline(CHANNEL), DSL.val(key + "|" + kind));
    }

    /** A Server-Sent Events stream of the signals for these keys. */
    public SseEmitter subscribe(List<String> keys) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        for (String key : keys) {
            subscribers.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(emitter);
        }
        Runnable forget = () -> keys.forEach(key -> {
            Set<SseEmitter> set = subscribers.get(key);
            if (set != null) {
                set.remove(emitter);
                if (set.isEmpty()) {
                    subscribers.remove(key, set);
                }
            }
        });
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(failure -> forget.run());
        try {
            // The stream is open: a test (or the page) knows from here on no signal can be missed.
            emitter.send(SseEmitter.event().name("ready").data("ready"));
        } catch (IOException gone) {
            emitter.completeWithError(gone);
        }
        return emitter;
    }

    int subscribers(String key) {
        Set<SseEmitter> set = subscribers.get(key);
        return set == null ? 0 : set.size();
    }

    private void deliver(String payload) {
        int bar = payload.lastIndexOf('|');
        if (bar < 0) {
            return;
        }
        Set<SseEmitter> emitters = subscribers.get(payload.substring(0, bar));
        if (emitters == null) {
            return;
        }
        String kind = payload.substring(bar + 1);
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("signal").data(kind));
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }
    }

    private void ping() {
        subscribers.values().stream().flatMap(Set::stream).distinct().forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.values().forEach(set -> set.remove(emitter));
            }
        });
    }

    @Override
    public void start() {
        listener.start();
        heartbeat.scheduleWithFixedDelay(this::ping, 25, 25, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        listener.stop();
        heartbeat.shutdownNow();
        subscribers.values().stream().flatMap(Set::stream).distinct().forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }
}
