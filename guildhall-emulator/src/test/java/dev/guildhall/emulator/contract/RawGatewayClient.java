package dev.guildhall.emulator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The smallest gateway v10 client that proves a real socket works: waits for HELLO, sends IDENTIFY (token, intents,
 * optional shard), heartbeats at HELLO's interval, and records every payload received, in order.
 */
final class RawGatewayClient implements AutoCloseable {
    /** GUILDS | GUILD_MEMBERS | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS | MESSAGE_CONTENT. */
    static final int INTENTS = 1 | 2 | 512 | 1024 | 32768;

    private final List<JsonNode> received = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "raw-gateway-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final String token;
    private final int intents;
    private final Optional<int[]> shard;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile WebSocket socket;
    private volatile long lastSeq = -1;
    private volatile Optional<Integer> closeCode = Optional.empty();

    private RawGatewayClient(URI gateway, String token, int intents, Optional<int[]> shard) {
        this.token = token;
        this.intents = intents;
        this.shard = shard;
        URI uri = URI.create(gateway + (gateway.getQuery() == null ? "?" : "&") + "v=10&encoding=json");
        // The listener's onOpen sets the socket: HELLO may arrive before buildAsync's future completes.
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener())
                .join();
    }

    /** Connects and identifies once HELLO arrives; READY is awaited by the caller. */
    static RawGatewayClient connect(URI gateway, String token) {
        return new RawGatewayClient(gateway, token, INTENTS, Optional.empty());
    }

    static RawGatewayClient connectShard(URI gateway, String token, int shardId, int shardCount) {
        return new RawGatewayClient(gateway, token, INTENTS, Optional.of(new int[] {shardId, shardCount}));
    }

    /** Waits for the first payload matching {@code match}, including ones already received. */
    JsonNode await(Predicate<JsonNode> match, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (true) {
                for (JsonNode payload : received) {
                    if (match.test(payload)) {
                        return payload;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("raw gateway client did not receive " + what + " within " + timeout
                            + "; close code " + closeCode.map(String::valueOf).orElse("none") + "; received ops/types "
                            + summary());
                }
                try {
                    received.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }

    JsonNode awaitDispatch(String type, Predicate<JsonNode> data, Duration timeout) {
        return await(p -> p.path("op").asInt() == 0 && type.equals(p.path("t").asText()) && data.test(p.path("d")),
                timeout, type);
    }

    /** Waits until the server closes the socket and returns its close code. */
    int awaitClose(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (closeCode.isEmpty()) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("gateway did not close the socket within " + timeout + "; received "
                            + summary());
                }
                try {
                    received.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for close", e);
                }
            }
            return closeCode.get();
        }
    }

    List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<JsonNode> dispatches() {
        return received().stream().filter(p -> p.path("op").asInt() == 0).toList();
    }

    private String summary() {
        return received().stream()
                .map(p -> p.path("op").asInt() == 0 ? p.path("t").asText() : "op" + p.path("op").asInt())
                .toList()
                .toString();
    }

    private void onPayload(JsonNode payload) {
        if (payload.hasNonNull("s")) {
            lastSeq = payload.get("s").asLong();
        }
        switch (payload.path("op").asInt()) {
            case 10 -> {
                long interval = payload.path("d").path("heartbeat_interval").asLong(41_250);
                heartbeats.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
                identify();
            }
            case 1 -> heartbeat();
            default -> { }
        }
        synchronized (received) {
            received.add(payload);
            received.notifyAll();
        }
    }

    private void identify() {
        ObjectNode d = OpenApiContract.JSON.createObjectNode()
                .put("token", token)
                .put("intents", intents);
        d.putObject("properties").put("os", "linux").put("browser", "guildhall-contract").put("device", "guildhall-contract");
        shard.ifPresent(s -> d.putArray("shard").add(s[0]).add(s[1]));
        ObjectNode payload = OpenApiContract.JSON.createObjectNode().put("op", 2);
        payload.set("d", d);
        sendText(payload.toString());
    }

    /** Sends one heartbeat now (the scheduled ones follow HELLO's interval, too slow for a test to wait on). */
    void heartbeat() {
        ObjectNode payload = OpenApiContract.JSON.createObjectNode().put("op", 1);
        if (lastSeq < 0) {
            payload.putNull("d");
        } else {
            payload.put("d", lastSeq);
        }
        sendText(payload.toString());
    }

    private synchronized void sendText(String text) {
        // WebSocket allows one outstanding send; joining keeps heartbeats and identify from overlapping.
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        WebSocket open = socket;
        if (open != null) {
            if (!open.isOutputClosed()) {
                open.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
            }
            open.abort();
        }
        http.shutdownNow();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode = Optional.of(-1);
            synchronized (received) {
                received.notifyAll();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onPayload(OpenApiContract.JSON.readTree(text));
                } catch (IOException e) {
                    throw new IllegalStateException("gateway sent a frame that is not JSON", e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = Optional.of(statusCode);
            synchronized (received) {
                received.notifyAll();
            }
            return null;
        }
    }
}
