package de.amtsraum.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that LISTENs on a PostgreSQL channel on a connection of its own and hands each
 * notification's payload to a consumer, reconnecting (after one second) when the connection drops.
 * For signals between the instances that share the database (a NOTIFY is delivered only when its
 * transaction commits). The channel name must be a plain identifier.
 */
public final class PostgresListener {

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> onNotification;
    private final Runnable onConnectionLost;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param onConnectionLost called when the listening connection broke (notifications may have been
     *                         missed), before reconnecting
     */
    public PostgresListener(DataSource dataSource, String channel, Consumer<String> onNotification,
                            Runnable onConnectionLost) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name");
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.onNotification = onNotification;
        this.onConnectionLost = onConnectionLost;
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            thread = Thread.ofPlatform().daemon().name(channel + "-listener").start(this::listen);
        }
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            onNotification.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException broken) {
                if (running) {
                    log.warn("Listener on {} lost its connection ({}); reconnecting", channel,
                            broken.getClass().getSimpleName());
                    onConnectionLost.run();
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000); // back-off before reconnecting, not a test wait
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
