package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A worker's {@link DiscordPort}: actions go over NATS to whichever gateway holds the Discord connection.
 *
 * <p>While a {@link Batch} is open on the calling thread ({@link #begin}), the n-th action the handler asks for gets
 * the id {@code <unit id>/<n>}, the unit being the envelope's handling by one module ({@code <envelope id>@<module>}). Actions whose result the handler needs (created channels, roles, messages, threads
 * and scheduled events) are executed at once by request/reply on {@code gh.<env>.act.<shard>}; the others are only
 * collected in the batch and answer {@link ActionResult#NONE}, to be {@link #publish published} after the handler's
 * transaction commits. A re-run of the same envelope asks with the same ids, and gateways execute an id at most once.
 *
 * <p>Without an open batch (work outside an envelope, or on another thread than the handler's), every action is a
 * request under a random id: executed at once, and never deduplicated against anything.
 */
public final class RemoteDiscord implements DiscordPort {
    /** The action id on requests and outbound messages; the gateway executes an id at most once. */
    public static final String ACTION_ID_HEADER = "Guildhall-Action-Id";
    /** On an error reply: the {@link DiscordCallException.Kind} name; the body holds the message. */
    public static final String ERROR_KIND_HEADER = "Guildhall-Error-Kind";

    private final Connection nats;
    private final ActionSettings settings;
    private final Topology topology;
    private final JetStream jetStream;
    private final ActionCodec codec = new ActionCodec();
    private final ThreadLocal<Batch> batches = new ThreadLocal<>();

    private RemoteDiscord(Connection nats, ActionSettings settings) throws IOException {
        this.nats = nats;
        this.settings = settings;
        this.topology = settings.topology();
        this.jetStream = nats.jetStream();
    }

    /**
     * Creates or updates the outbound stream (a worker may start before any gateway) and returns the port. The
     * connection stays the caller's to close.
     */
    public static RemoteDiscord on(Connection nats, ActionSettings settings) {
        try {
            ActionStreams.ensureOutbound(nats, settings.topology());
            return new RemoteDiscord(nats, settings);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("could not set up the outbound action stream of environment '"
                    + settings.environment() + "': " + e.getMessage(), e);
        }
    }

    /** Opens the batch of one envelope's handling on the calling thread; closing it unbinds it. */
    public Batch begin(Envelope envelope) {
        return begin(envelope.id());
    }

    /**
     * Opens the batch of one exactly-once unit of an envelope ({@code <envelope id>@<module id>}, or the envelope's
     * own id for an interaction) on the calling thread; its actions are numbered {@code <unit id>/<n>}, so two units
     * of one envelope never share an action id.
     */
    public Batch begin(String unitId) {
        if (unitId == null || unitId.isBlank()) throw new IllegalArgumentException("the unit id is missing");
        Batch open = batches.get();
        if (open != null) {
            throw new IllegalStateException("envelope " + open.envelopeId() + " still has a batch open on this thread");
        }
        Batch batch = new Batch(unitId);
        batches.set(batch);
        return batch;
    }

    @Override
    public ActionResult execute(Action action) throws DiscordCallException {
        Batch batch = batches.get();
        if (batch == null) return request(new OutboundAction("direct/" + UUID.randomUUID(), action));
        OutboundAction outbound = batch.next(action);
        if (needsResult(action)) return request(outbound);
        batch.actions.add(outbound);
        return ActionResult.NONE;
    }

    /** Whether the handler waits for what the action created; a new action type must decide here. */
    public static boolean needsResult(Action action) {
        return switch (action) {
            case Action.CreateTextChannel create -> true;
            case Action.CreateRole create -> true;
            case Action.SendMessage send -> true;
            case Action.StartThread start -> true;
            case Action.CreateScheduledEvent create -> true;
            case Action.Reply reply -> false;
            case Action.ShowModal modal -> false;
            case Action.UpdateSourceMessage update -> false;
            case Action.DeleteChannel delete -> false;
            case Action.DeleteRole delete -> false;
            case Action.AddReaction add -> false;
            case Action.EditMessage edit -> false;
            case Action.DeleteMessage delete -> false;
            case Action.EditScheduledEvent edit -> false;
            case Action.DeleteScheduledEvent delete -> false;
            case Action.AddMemberRole add -> false;
            case Action.RemoveMemberRole remove -> false;
            case Action.SyncGuildCommands sync -> false;
        };
    }

    /** Asks a gateway; an empty answer means the bot is not in the guild. */
    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        Message reply = call(NatsMessage.builder()
                .subject(topology.guildRequestSubject(settings.shardOf(guild)))
                .data(guild.toString().getBytes(StandardCharsets.UTF_8))
                .build(), "the snapshot of guild " + guild);
        byte[] body = reply.getData();
        if (body == null || body.length == 0) return Optional.empty();
        return Optional.of(decoded(() -> codec.decodeSnapshot(body), "the snapshot of guild " + guild));
    }

    /**
     * Stores the actions in the outbound stream in order, waiting for each acknowledgement, under
     * {@code gh.<env>.out.<shard>.<guild>} with {@code Nats-Msg-Id} = the action id. Throws when any is not stored;
     * publishing again is safe, as gateways execute an id once.
     */
    public void publish(GuildId guild, List<OutboundAction> actions) {
        String subject = topology.outboundSubject(settings.shardOf(guild), guild);
        for (OutboundAction action : actions) {
            PublishOptions options = PublishOptions.builder()
                    .messageId(action.id())
                    .expectedStream(topology.outboundStream())
                    .build();
            try {
                jetStream.publish(subject, new Headers().put(ACTION_ID_HEADER, action.id()),
                        codec.encode(action.action()), options);
            } catch (IOException e) {
                throw new UncheckedIOException("could not publish action " + action.id() + " of guild " + guild, e);
            } catch (JetStreamApiException e) {
                throw new IllegalStateException("JetStream refused action " + action.id() + " of guild " + guild
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private ActionResult request(OutboundAction outbound) {
        String what = "action " + outbound.id() + " (" + ActionCodec.typeName(outbound.action()) + ")";
        Message reply = call(NatsMessage.builder()
                .subject(topology.actionRequestSubject(settings.shardOf(outbound.action().guild())))
                .headers(new Headers().put(ACTION_ID_HEADER, outbound.id()))
                .data(codec.encode(outbound.action()))
                .build(), what);
        return decoded(() -> codec.decodeResult(reply.getData()), "the result of " + what);
    }

    private Message call(Message request, String what) {
        Message reply;
        try {
            reply = nats.request(request, settings.requestTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordCallException(DiscordCallException.Kind.UNAVAILABLE,
                    "interrupted while waiting for a gateway to answer " + what, e);
        } catch (RuntimeException e) {
            // a closed connection, or a client configured to report "no responders" as an exception
            throw new DiscordCallException(DiscordCallException.Kind.UNAVAILABLE,
                    "no gateway answered " + what + ": " + e.getMessage(), e);
        }
        if (reply == null) {
            throw new DiscordCallException(DiscordCallException.Kind.UNAVAILABLE,
                    "no gateway answered " + what + " within " + settings.requestTimeout());
        }
        if (reply.isStatusMessage()) { // the server's "no responders": no gateway runs in this environment
            throw new DiscordCallException(DiscordCallException.Kind.UNAVAILABLE,
                    "no gateway answered " + what + ": none is running (" + reply.getStatus().getMessage() + ")");
        }
        String kind = reply.getHeaders() == null ? null : reply.getHeaders().getFirst(ERROR_KIND_HEADER);
        if (kind != null) {
            throw new DiscordCallException(kindNamed(kind), new String(reply.getData(), StandardCharsets.UTF_8));
        }
        return reply;
    }

    private static DiscordCallException.Kind kindNamed(String name) {
        try {
            return DiscordCallException.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return DiscordCallException.Kind.SERVER_ERROR; // a newer gateway's kind: at least a retryable failure
        }
    }

    private static <T> T decoded(Supplier<T> decode, String what) {
        try {
            return decode.get();
        } catch (IllegalArgumentException e) {
            throw new DiscordCallException(DiscordCallException.Kind.SERVER_ERROR,
                    "a gateway answered " + what + " with something unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * The actions of one envelope's handling, bound to the thread that opened it. Only actions that were not executed
     * at once are listed; they carry their ids in the order the handler asked.
     */
    public final class Batch implements AutoCloseable {
        private final String envelopeId;
        private final List<OutboundAction> actions = new ArrayList<>();
        private int asked;
        private boolean closed;

        private Batch(String envelopeId) {
            this.envelopeId = envelopeId;
        }

        public String envelopeId() {
            return envelopeId;
        }

        /** The actions to publish after the commit, in the order they were asked for. */
        public List<OutboundAction> actions() {
            return List.copyOf(actions);
        }

        private OutboundAction next(Action action) {
            if (closed) throw new IllegalStateException("the batch of envelope " + envelopeId + " is closed");
            asked++;
            return new OutboundAction(envelopeId + "/" + asked, action);
        }

        @Override
        public void close() {
            closed = true;
            if (batches.get() == this) batches.remove();
        }
    }
}
