package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A gateway's end of {@link RemoteDiscord}: executes the actions workers send, through the gateway's own
 * {@link DiscordPort}, each action id at most once across all gateways of the environment.
 * <ul>
 *   <li>Requests on {@code gh.<env>.act.*} (actions whose result a worker waits for) and {@code gh.<env>.guild.*}
 *       (guild snapshots), in the queue group {@code gh_<env>_gateways}, each on its own virtual thread.</li>
 *   <li>The stream {@code gh_<env>_out} through the durable consumer {@code gh_<env>_out_gateway}: per guild in
 *       order, guilds in parallel ({@link OutboundLanes}).</li>
 *   <li>The KV bucket {@code gh_<env>_actions} remembers executed ids and their results for 24 h
 *       ({@link ActionLedger}): a repeated id is answered from it, not executed again.</li>
 * </ul>
 * Several relays may run on one environment: each request is answered by one of them, and the stream's messages are
 * shared between them. Only one relay keeps a guild's stream actions in order, though; two relays on one consumer may
 * interleave a guild's actions.
 */
public final class ActionRelay implements AutoCloseable {
    /** How long an id that another execution holds is waited for before answering that it cannot be had now. */
    static final Duration PENDING_PATIENCE = Duration.ofSeconds(30);
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(250);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ActionRelay.class);

    /** What the relay did, for metrics. */
    record Counters(LongAdder executed, LongAdder deduplicated, LongAdder failed) {
        Counters() {
            this(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private final Connection nats;
    private final Topology topology;
    private final DiscordPort discord;
    private final ActionCodec codec = new ActionCodec();
    private final ActionLedger ledger;
    private final Counters counters = new Counters();
    private final OutboundLanes lanes;
    private final ExecutorService requests = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("action-request-", 0).factory());
    private final Dispatcher dispatcher;

    private ActionRelay(Connection nats, ActionSettings settings, DiscordPort discord, Duration patience,
                        Duration initialBackoff) throws IOException {
        this.nats = nats;
        this.topology = settings.topology();
        this.discord = discord;
        this.ledger = ActionLedger.open(nats, topology, codec, patience);
        this.lanes = new OutboundLanes(nats, topology, ledger, discord, codec, counters, initialBackoff);
        this.dispatcher = nats.createDispatcher();
    }

    /**
     * Creates or updates the stream, consumer and bucket of the environment, then starts serving requests and
     * consuming the stream. The connection stays the caller's to close.
     */
    public static ActionRelay start(Connection nats, ActionSettings settings, DiscordPort discord) {
        return start(nats, settings, discord, PENDING_PATIENCE, INITIAL_BACKOFF);
    }

    /** As {@link #start(Connection, ActionSettings, DiscordPort)}, with shorter waits for tests. */
    static ActionRelay start(Connection nats, ActionSettings settings, DiscordPort discord, Duration patience,
                             Duration initialBackoff) {
        ActionRelay relay;
        try {
            ActionStreams.ensureGateway(nats, settings.topology());
            relay = new ActionRelay(nats, settings, discord, patience, initialBackoff);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("could not set up the action stream and ledger of environment '"
                    + settings.environment() + "': " + e.getMessage(), e);
        }
        try {
            relay.dispatcher.subscribe(relay.topology.actionRequestSubjects(), relay.topology.gatewayQueue(),
                    message -> relay.serve(() -> relay.answerAction(message)));
            relay.dispatcher.subscribe(relay.topology.guildRequestSubjects(), relay.topology.gatewayQueue(),
                    message -> relay.serve(() -> relay.answerGuild(message)));
            relay.lanes.start();
            return relay;
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    private void serve(Runnable answer) {
        try {
            requests.execute(answer);
        } catch (RejectedExecutionException e) {
            log.debug("closing: a request is left unanswered; its worker will time out and retry");
        }
    }

    /** Actions this relay executed. */
    public long executed() {
        return counters.executed().sum();
    }

    /** Actions this relay answered or acknowledged from the ledger, without executing them again. */
    public long deduplicated() {
        return counters.deduplicated().sum();
    }

    /** Actions that ended in an error: answered to a worker as one, or given up from the stream. */
    public long failed() {
        return counters.failed().sum();
    }

    private void answerAction(Message request) {
        String id = request.getHeaders() == null ? null : request.getHeaders().getFirst(RemoteDiscord.ACTION_ID_HEADER);
        if (id == null || id.isBlank()) {
            replyError(request, DiscordCallException.Kind.INVALID_REQUEST, "the request has no action id");
            return;
        }
        Action action;
        try {
            action = codec.decodeAction(request.getData());
        } catch (IllegalArgumentException e) {
            replyError(request, DiscordCallException.Kind.INVALID_REQUEST, "action " + id + ": " + e.getMessage());
            return;
        }
        try {
            switch (ledger.runOnce(id, action, discord)) {
                case ActionLedger.Outcome.Executed executed -> {
                    counters.executed().increment();
                    reply(request, executed.result());
                }
                case ActionLedger.Outcome.Deduplicated deduplicated -> {
                    counters.deduplicated().increment();
                    reply(request, deduplicated.result());
                }
                case ActionLedger.Outcome.StillPending pending -> replyError(request,
                        DiscordCallException.Kind.UNAVAILABLE, "action " + id + " is still being executed elsewhere");
            }
        } catch (DiscordCallException e) {
            log.warn("action {} ({}) of guild {} failed: {} {}", id, ActionCodec.typeName(action), action.guild(),
                    e.kind(), e.getMessage());
            replyError(request, e.kind(), e.getMessage());
        } catch (IOException | JetStreamApiException e) {
            // without the ledger an execution could repeat one: refuse, the worker retries
            replyError(request, DiscordCallException.Kind.UNAVAILABLE, "the action ledger is unavailable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replyError(request, DiscordCallException.Kind.UNAVAILABLE, "the gateway is shutting down");
        } catch (RuntimeException e) {
            log.error("action {} ({}) of guild {} failed unexpectedly", id, ActionCodec.typeName(action),
                    action.guild(), e);
            replyError(request, DiscordCallException.Kind.SERVER_ERROR, "the gateway failed: " + e.getClass().getName());
        }
    }

    private void answerGuild(Message request) {
        GuildId guild;
        try {
            guild = GuildId.parse(new String(request.getData(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            replyError(request, DiscordCallException.Kind.INVALID_REQUEST, e.getMessage());
            return;
        }
        try {
            Optional<GuildSnapshot> snapshot = discord.guild(guild);
            publishReply(request, null, snapshot.map(codec::encode).orElse(new byte[0]));
        } catch (DiscordCallException e) {
            replyError(request, e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("the snapshot of guild {} failed unexpectedly", guild, e);
            replyError(request, DiscordCallException.Kind.SERVER_ERROR, "the gateway failed: " + e.getClass().getName());
        }
    }

    private void reply(Message request, ActionResult result) {
        publishReply(request, null, codec.encode(result));
    }

    private void replyError(Message request, DiscordCallException.Kind kind, String message) {
        counters.failed().increment();
        publishReply(request, new Headers().put(RemoteDiscord.ERROR_KIND_HEADER, kind.name()),
                (message == null ? kind.name() : message).getBytes(StandardCharsets.UTF_8));
    }

    private void publishReply(Message request, Headers headers, byte[] body) {
        String replyTo = request.getReplyTo();
        if (replyTo == null || replyTo.isEmpty()) return; // a publish without a reply subject expects no answer
        try {
            nats.publish(replyTo, headers, body);
        } catch (RuntimeException e) {
            log.warn("could not answer a request on {}: {}", request.getSubject(), e.toString());
        }
    }

    /** Stops serving and consuming; requests in flight are answered first. The connection stays open. */
    @Override
    public void close() {
        try {
            nats.closeDispatcher(dispatcher);
        } catch (RuntimeException e) {
            log.debug("closing the request dispatcher: {}", e.toString());
        }
        lanes.close();
        requests.shutdown();
        try {
            if (!requests.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) requests.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.shutdownNow();
        }
    }
}
