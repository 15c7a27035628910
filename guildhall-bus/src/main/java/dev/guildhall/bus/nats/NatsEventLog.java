package dev.guildhall.bus.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.support.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The NATS client's connection events and errors in Guildhall's own log (the client would otherwise write them to
 * java.util.logging, outside the JSON lines). One line when a connection is lost and one when it is back; the
 * socket errors around a loss, and each failed reconnect attempt, are logged at debug only. Server URLs appear without credentials.
 */
final class NatsEventLog implements ErrorListener, ConnectionListener {
    private static final Logger log = LoggerFactory.getLogger(NatsEventLog.class);

    private final String name;
    /** Set while connected: the client reports a loss more than once, and a failed first connect as a loss too. */
    private final AtomicBoolean up = new AtomicBoolean();

    NatsEventLog(String name) {
        this.name = name;
    }

    private static String server(Connection connection) {
        String url = connection.getConnectedUrl();
        return url == null ? "(no server)" : NatsConnections.redacted(url);
    }

    @Override
    public void connectionEvent(Connection connection, Events event) {
        switch (event) {
            case CONNECTED -> {
                up.set(true);
                log.info("NATS connection {} connected to {}", name, server(connection));
            }
            case DISCONNECTED -> {
                if (up.compareAndSet(true, false)) log.warn("NATS connection {} lost its server; reconnecting", name);
            }
            case RECONNECTED -> {
                up.set(true);
                log.info("NATS connection {} reconnected to {}", name, server(connection));
            }
            case LAME_DUCK -> log.warn("NATS connection {}: the server is shutting down (lame duck mode)", name);
            case CLOSED -> log.info("NATS connection {} closed", name);
            default -> log.debug("NATS connection {}: {}", name, event.getEvent());
        }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        log.warn("NATS connection {}: the server reported an error: {}", name, NatsConnections.redacted(error));
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        String what = exception.getClass().getSimpleName() + ": " + NatsConnections.redacted(String.valueOf(exception.getMessage()));
        if (exception instanceof IOException || !up.get()) {
            // the socket's failures come with the loss of the server, which is logged once
            log.debug("NATS connection {}: {}", name, what);
        } else {
            log.warn("NATS connection {}: {}", name, what);
        }
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
        log.warn("NATS connection {}: a subscriber is too slow and messages are being dropped for it", name);
    }

    @Override
    public void heartbeatAlarm(Connection connection, JetStreamSubscription subscription, long lastStreamSequence,
                               long lastConsumerSequence) {
        log.info("NATS connection {}: missed heartbeats on a JetStream consumer (the server restarted or is overloaded)", name);
    }

    @Override
    public void pullStatusError(Connection connection, JetStreamSubscription subscription, Status status) {
        log.warn("NATS connection {}: pull request failed: {} {}", name, status.getCode(), status.getMessage());
    }

    @Override
    public void socketWriteTimeout(Connection connection) {
        log.warn("NATS connection {}: writing to the server timed out", name);
    }
}
