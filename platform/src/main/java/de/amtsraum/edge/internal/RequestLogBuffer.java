package de.amtsraum.edge.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records between the request thread and the batch writer: bounded, never blocking a request. A
 * full buffer drops the record and counts the drop.
 */
final class RequestLogBuffer {

    /**
     * A request as the filter saw it. {@code path} is the raw path (query string never included) and
     * lives only in memory until the writer turns it into a template; {@code ip} is already anonymised.
     */
    record Entry(Instant at, String method, String path, String route, int status, int durationMs, String ip,
                 String browser, String os) {
    }

    private final BlockingQueue<Entry> queue;
    private final AtomicLong dropped = new AtomicLong();

    RequestLogBuffer(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void offer(Entry entry) {
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    List<Entry> drain(int max) {
        List<Entry> entries = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(entries, max);
        return entries;
    }

    long takeDropped() {
        return dropped.getAndSet(0);
    }
}
