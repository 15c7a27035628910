package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;
import io.nats.client.ConsumerContext;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A gateway's consumption of the outbound action stream: one thread pulls from the durable consumer and hands each
 * message to its guild's lane; a lane runs on a virtual thread, executes its guild's actions one after another in
 * stream order, and acks each only once it is finished. Guilds run in parallel.
 *
 * <p>A transient failure (Discord's 5xx, unavailable, rate limited) is retried in the lane with backoff rather than
 * nak'd: the guild's later actions are already delivered to the lane, and retrying in place keeps them behind it. A
 * failure no retry can fix (4xx) is logged once and acked. After {@value #MAX_ATTEMPTS} attempts, counting earlier
 * deliveries to gateways that died, an action is given up the same way. While the executed-actions ledger is out of
 * reach (NATS restarting) the lane waits without counting attempts: the action is not at fault. Messages waiting in a lane are kept alive
 * ({@code inProgress}) so the server does not redeliver them while their turn comes.
 */
final class OutboundLanes implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration KEEP_ALIVE = ActionStreams.ACK_WAIT.dividedBy(3);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(OutboundLanes.class);

    private final Connection nats;
    private final Topology topology;
    private final ActionLedger ledger;
    private final DiscordPort discord;
    private final ActionCodec codec;
    private final ActionRelay.Counters counters;
    private final Duration initialBackoff;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("action-lane-", 0).factory());
    private final Thread puller;
    private final Thread keeper;
    private volatile boolean running = true;

    OutboundLanes(Connection nats, Topology topology, ActionLedger ledger, DiscordPort discord, ActionCodec codec,
                  ActionRelay.Counters counters, Duration initialBackoff) {
        this.nats = nats;
        this.topology = topology;
        this.ledger = ledger;
        this.discord = discord;
        this.codec = codec;
        this.counters = counters;
        this.initialBackoff = initialBackoff;
        this.puller = Thread.ofVirtual().name("action-puller").unstarted(this::pull);
        this.keeper = Thread.ofVirtual().name("action-keep-alive").unstarted(this::keepAlive);
    }

    void start() {
        puller.start();
        keeper.start();
    }

    private void pull() {
        while (running) {
            try {
                ConsumerContext context = nats.getConsumerContext(topology.outboundStream(), topology.outboundConsumer());
                try (IterableConsumer messages = context.iterate(BusStreams.PULLS)) {
                    while (running) {
                        Message message = messages.nextMessage(POLL);
                        if (message != null) route(message);
                    }
                    messages.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) return;
                // a broker restart or a lost connection: pull again after a pause, never give up
                log.warn("outbound consumer {} failed, resuming: {}", topology.outboundConsumer(), e.toString());
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** The subject ends with the guild id; a lane exists while its guild has actions waiting. */
    private void route(Message message) {
        String subject = message.getSubject();
        String guild = subject.substring(subject.lastIndexOf('.') + 1);
        lanes.compute(guild, (key, lane) -> {
            Lane target = lane == null ? new Lane(key) : lane;
            target.waiting.add(message);
            if (!target.draining) {
                target.draining = true;
                workers.execute(target::drain);
            }
            return target;
        });
    }

    private final class Lane {
        private final String guild;
        private final Queue<Message> waiting = new ConcurrentLinkedQueue<>();
        private volatile Message current;
        private boolean draining; // changed only inside lanes.compute for this guild

        private Lane(String guild) {
            this.guild = guild;
        }

        private void drain() {
            while (running) {
                Message message = waiting.poll();
                if (message == null) {
                    Lane left = lanes.compute(guild, (key, lane) -> {
                        if (lane != this || !waiting.isEmpty()) return lane;
                        draining = false;
                        return null;
                    });
                    if (left == null) return;
                    continue; // a message arrived meanwhile
                }
                current = message;
                try {
                    process(guild, message);
                } catch (InterruptedException e) {
                    message.nak(); // closing: another gateway, or this one restarted, takes it from here
                    return;
                } finally {
                    current = null;
                }
            }
        }

        private List<Message> held() {
            List<Message> held = new ArrayList<>(waiting);
            Message now = current;
            if (now != null) held.add(now);
            return held;
        }
    }

    private void process(String guild, Message message) throws InterruptedException {
        String id = actionId(message);
        Action action;
        try {
            action = codec.decodeAction(message.getData());
        } catch (IllegalArgumentException e) {
            log.error("dropping action {} of guild {}: it cannot be read: {}", id, guild, e.getMessage());
            counters.failed().increment();
            message.ack();
            return;
        }
        long attempt = message.metaData().deliveredCount();
        long outagePauses = 0;
        Throwable failure = null;
        while (attempt <= MAX_ATTEMPTS) {
            try {
                switch (ledger.runOnce(id, action, discord)) {
                    case ActionLedger.Outcome.Executed executed -> counters.executed().increment();
                    case ActionLedger.Outcome.Deduplicated deduplicated -> counters.deduplicated().increment();
                    case ActionLedger.Outcome.StillPending pending -> {
                        // at most once wins: the other execution may have happened; doing it again might repeat it
                        log.error("action {} ({}) of guild {} is still marked in progress elsewhere; not executing it",
                                id, ActionCodec.typeName(action), guild);
                        counters.failed().increment();
                    }
                }
                message.ack();
                return;
            } catch (DiscordCallException e) {
                if (!retryable(e.kind())) {
                    log.warn("action {} ({}) of guild {} failed and cannot succeed: {} {}", id,
                            ActionCodec.typeName(action), guild, e.kind(), e.getMessage());
                    counters.failed().increment();
                    message.ack();
                    return;
                }
                failure = e;
            } catch (InterruptedException e) {
                throw e;
            } catch (IOException | JetStreamApiException e) {
                // the ledger is out of reach (NATS restarting): the action is not at fault, so no attempt is counted
                failure = e;
                outagePauses++;
                if (!running) break;
                log.debug("action {} of guild {} waits for the ledger: {}", id, guild, e.toString());
                message.inProgress();
                pause(backoffAfter(outagePauses));
                continue;
            } catch (Exception e) {
                failure = e; // a bug in the adapter: worth another try, within the attempts
            }
            if (attempt == MAX_ATTEMPTS || !running) break;
            log.debug("action {} of guild {} failed attempt {}, retrying: {}", id, guild, attempt, failure.toString());
            message.inProgress();
            pause(backoffAfter(attempt));
            attempt++;
        }
        if (!running) throw new InterruptedException("closing");
        log.error("giving up action {} ({}) of guild {} after {} attempts: {}", id, ActionCodec.typeName(action), guild,
                attempt, failure == null ? "too many deliveries" : failure.toString());
        counters.failed().increment();
        message.ack();
    }

    /** Sleeps in short slices, so that closing does not wait out a long backoff. */
    private void pause(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 50));
        }
        throw new InterruptedException("closing");
    }

    private static boolean retryable(DiscordCallException.Kind kind) {
        return switch (kind) {
            case SERVER_ERROR, UNAVAILABLE, RATE_LIMITED -> true;
            case NOT_FOUND, FORBIDDEN, INVALID_REQUEST, INTERACTION_EXPIRED -> false;
        };
    }

    private Duration backoffAfter(long attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static String actionId(Message message) {
        String id = message.getHeaders() == null ? null : message.getHeaders().getFirst(RemoteDiscord.ACTION_ID_HEADER);
        if (id != null && !id.isBlank()) return id;
        // a message published without the header: its stream sequence is at least stable across redeliveries
        return "stream/" + message.metaData().streamSequence();
    }

    private void keepAlive() {
        while (running) {
            try {
                Thread.sleep(KEEP_ALIVE);
            } catch (InterruptedException e) {
                return;
            }
            for (Lane lane : lanes.values()) {
                for (Message message : lane.held()) {
                    try {
                        message.inProgress();
                    } catch (RuntimeException e) {
                        log.debug("could not extend the ack wait of a waiting action: {}", e.toString());
                    }
                }
            }
        }
    }

    /** Stops pulling; each lane finishes the action it is on, and what waits is handed back to the server. */
    @Override
    public void close() {
        running = false;
        keeper.interrupt();
        try {
            puller.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        for (Lane lane : lanes.values()) {
            Message message;
            while ((message = lane.waiting.poll()) != null) message.nak();
        }
        lanes.clear();
    }
}
