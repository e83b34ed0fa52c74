package de.amtsraum.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ports on 127.0.0.1 for servers a test starts, and waiting for a platform started as a child process. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** A port free on 127.0.0.1 at this moment. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@code /actuator/health} of a platform process until it answers 200; fails at once when
     * the process dies, or after the timeout. Returns how long it took.
     */
    public static Duration awaitUp(Process platform, int port, Duration timeout) {
        Api api = new Api(port);
        long begun = System.nanoTime();
        long deadline = begun + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!platform.isAlive()) {
                throw new AssertionError("platform process exited while starting (" + platform.exitValue() + ")");
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - begun);
                }
            } catch (RuntimeException notYetListening) {
                // connection refused until Tomcat listens
            }
            platform.onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError("platform not UP within " + timeout);
    }
}
