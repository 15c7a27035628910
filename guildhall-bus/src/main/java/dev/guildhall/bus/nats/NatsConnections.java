package dev.guildhall.bus.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Connections to NATS whose failures never show the URL's credentials. A NATS URL may carry a user and password or
 * a token ({@code nats://user:pass@host:4222}), and the client names the URL, credentials included, in its own
 * exceptions; what leaves here names the server by {@link #redacted(String)} only.
 */
public final class NatsConnections {
    private static final Pattern CREDENTIALS = Pattern.compile("//[^@/,\\s]*@");

    private NatsConnections() {}

    /** The URL (or comma-separated URLs) without user, password or token: for logs, errors and readiness. */
    public static String redacted(String natsUrl) {
        return CREDENTIALS.matcher(natsUrl).replaceAll("//");
    }

    /**
     * Connects; {@code maxReconnects} -1 reconnects forever (a broker restart must not end a long-lived process's
     * connection), 0 never (a one-shot command).
     */
    static Connection connect(String natsUrl, String connectionName, int maxReconnects) {
        NatsEventLog events = new NatsEventLog(connectionName);
        Options options = Options.builder()
                .server(natsUrl)
                .connectionName(connectionName)
                .maxReconnects(maxReconnects)
                .errorListener(events)
                .connectionListener(events)
                .build();
        try {
            return Nats.connect(options);
        } catch (IOException e) {
            // the client's message holds the URL as given; keep what it says, without the credentials
            IOException cause = new IOException(e.getClass().getSimpleName() + ": " + redacted(String.valueOf(e.getMessage())));
            cause.setStackTrace(e.getStackTrace());
            throw new UncheckedIOException("could not connect to NATS at " + redacted(natsUrl), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted connecting to NATS at " + redacted(natsUrl));
        }
    }
}
