package dev.guildhall.bus.nats;

import dev.guildhall.bus.DeadLetterSink;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.Bus;
import dev.guildhall.core.port.HandlerUnavailable;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.impl.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;

/**
 * The bus of distributed mode, on NATS JetStream. Per environment it keeps (and creates or updates at start-up):
 * <ul>
 *   <li>stream {@code gh_<env>_in} on {@code gh.<env>.in.>}: an envelope goes to
 *       {@code gh.<env>.in.<partition>.<guild_id>} with {@code Nats-Msg-Id} = its id, so a repeated publish of the same
 *       envelope is stored once;</li>
 *   <li>one durable pull consumer {@code gh_<env>_in_p<N>} per partition, explicit acks and {@code max_ack_pending = 1}:
 *       a partition has one envelope in flight across all workers, so a guild's envelopes are handled in order while
 *       partitions run in parallel, each on its own virtual thread;</li>
 *   <li>stream {@code gh_<env>_dlq} on {@code gh.<env>.dlq.<guild_id>}: envelopes whose last delivery failed, with
 *       {@value #ERROR_HEADER}, {@value #GUILD_HEADER} and {@value #ATTEMPTS_HEADER} headers.</li>
 * </ul>
 * A handler that throws is nak'd with the settings' backoff; the next delivery of the partition is the same envelope,
 * so later envelopes never overtake it. A handler that throws {@link HandlerUnavailable} (its database is down) costs
 * no delivery: the partition keeps the message, tells JetStream it is in progress, and offers it again after the
 * settings' pause until the handler takes it. The partition count must stay the same for an environment's whole life:
 * it decides which consumer owns a guild.
 */
public final class JetStreamBus implements Bus {
    public static final String ERROR_HEADER = "Guildhall-Error";
    public static final String GUILD_HEADER = "Guildhall-Guild";
    public static final String ATTEMPTS_HEADER = "Guildhall-Attempts";
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** How long JetStream remembers a message id: a gateway re-publishing after a reconnect is well inside it. */
    static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int MAX_ERROR_HEADER = 500;
    private static final Logger log = LoggerFactory.getLogger(JetStreamBus.class);

    private final JetStreamSettings settings;
    private final Topology topology;
    private final DeadLetterSink deadLetters;
    private final Duration drainTimeout;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final ExecutorService consumers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("bus-nats-partition-", 0).factory());
    /** Told of each envelope acknowledged and the delivery that succeeded; tests watch it, production ignores it. */
    private final ObjLongConsumer<Envelope> acknowledged;
    private final OutagePause outages;
    private volatile EnvelopeHandler handler;
    private volatile boolean accepting = true;
    private volatile boolean consuming;

    private JetStreamBus(JetStreamSettings settings, DeadLetterSink deadLetters, Duration drainTimeout,
                         ObjLongConsumer<Envelope> acknowledged, Connection connection) throws IOException {
        this.settings = settings;
        this.topology = new Topology(settings.environment(), settings.partitions());
        this.deadLetters = deadLetters;
        this.drainTimeout = drainTimeout;
        this.acknowledged = acknowledged;
        this.outages = new OutagePause(settings.unavailablePause(), settings.ackWait());
        this.connection = connection;
        this.jetStream = connection.jetStream();
        this.management = connection.jetStreamManagement();
    }

    /** Connects, and creates or updates the environment's streams and consumers; dead letters are logged too. */
    public static JetStreamBus start(JetStreamSettings settings) {
        return start(settings, DeadLetterSink.logging(), DEFAULT_DRAIN_TIMEOUT);
    }

    /** As {@link #start(JetStreamSettings)}; {@code deadLetters} hears of each envelope put on the dead-letter stream. */
    public static JetStreamBus start(JetStreamSettings settings, DeadLetterSink deadLetters, Duration drainTimeout) {
        return start(settings, deadLetters, drainTimeout, (envelope, delivery) -> {});
    }

    /** As above; {@code acknowledged} hears of each envelope acknowledged and the delivery count it succeeded at. */
    static JetStreamBus start(JetStreamSettings settings, DeadLetterSink deadLetters, Duration drainTimeout,
                              ObjLongConsumer<Envelope> acknowledged) {
        // a broker restart must not end the process's bus
        Connection connection = NatsConnections.connect(settings.natsUrl(), "guildhall-" + settings.environment(), -1);
        try {
            JetStreamBus bus = new JetStreamBus(settings, deadLetters, drainTimeout, acknowledged, connection);
            BusStreams.ensure(bus.management, bus.topology, settings);
            return bus;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not set up the JetStream topology of environment '"
                    + settings.environment() + "': " + e.getMessage(), e);
        }
    }

    /** Stores the envelope in the inbound stream; returns once JetStream has acknowledged it. */
    @Override
    public void publish(Envelope envelope) {
        if (!accepting) throw new IllegalStateException("the bus is closed; envelope " + envelope.id() + " refused");
        PublishOptions options = PublishOptions.builder()
                .messageId(envelope.id())
                .expectedStream(topology.inboundStream())
                .build();
        try {
            jetStream.publish(topology.inboundSubject(envelope.guild()), codec.encode(envelope), options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish envelope " + envelope.id() + " of guild "
                    + envelope.guild(), e);
        } catch (JetStreamApiException e) {
            throw new IllegalStateException("JetStream refused envelope " + envelope.id() + " of guild "
                    + envelope.guild() + ": " + e.getMessage(), e);
        }
    }

    /** Sets the one handler of this bus and starts one consuming virtual thread per partition. */
    @Override
    public void subscribe(EnvelopeHandler newHandler) {
        synchronized (this) {
            if (handler != null) throw new IllegalStateException("this bus already has a handler");
            if (!accepting) throw new IllegalStateException("the bus is closed");
            handler = newHandler;
            consuming = true;
        }
        for (int partition = 0; partition < settings.partitions(); partition++) {
            int p = partition;
            consumers.execute(() -> consume(p));
        }
    }

    private void consume(int partition) {
        String consumer = topology.consumer(partition);
        while (consuming) {
            try {
                ConsumerContext context = connection.getConsumerContext(topology.inboundStream(), consumer);
                try (IterableConsumer messages = context.iterate(BusStreams.PULLS)) {
                    while (consuming) {
                        Message message = messages.nextMessage(POLL);
                        if (message != null) process(message, partition);
                    }
                    messages.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!consuming) return;
                // a broker restart or a lost connection: start a fresh pull after a pause, never give up
                log.warn("consumer {} failed, resuming: {}", consumer, e.toString());
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void process(Message message, int partition) {
        long delivery = message.metaData().deliveredCount();
        Envelope envelope;
        try {
            envelope = codec.decode(message.getData());
        } catch (IllegalArgumentException e) {
            // no retry can make these bytes an envelope: keep them for an operator straight away
            deadLetter(message, null, guildOf(message), e, delivery);
            return;
        }
        if (delivery > settings.maxDeliveries()) {
            deadLetter(message, envelope, envelope.guild().toString(), new IllegalStateException(
                    "delivered " + delivery + " times; the worker handling the last attempt was lost"), delivery - 1);
            return;
        }
        boolean handled;
        Throwable failure;
        try {
            handled = outages.handle(handler, message, envelope, partition);
            failure = null;
        } catch (Throwable e) {
            // Errors too: the partition must move on, and only the dead letters may end an envelope's retries
            handled = false;
            failure = e;
        }
        if (handled) {
            message.ack();
            acknowledged.accept(envelope, delivery);
        } else if (failure == null) {
            // closing during an outage: the message stays unacknowledged, and after the ack wait the next worker gets
            // it. A nak would hand it at once to this consumer's pull, which closes with it undelivered.
            log.debug("envelope {} of guild {} left for the next worker", envelope.id(), envelope.guild());
        } else if (delivery >= settings.maxDeliveries()) {
            deadLetter(message, envelope, envelope.guild().toString(), failure, delivery);
        } else {
            log.debug("envelope {} of guild {} failed delivery {}, retrying", envelope.id(), envelope.guild(), delivery);
            message.nakWithDelay(settings.backoffAfter(delivery));
        }
    }

    /** Publishes to the dead-letter stream, then terms the message; if that publish fails the message comes back. */
    private void deadLetter(Message message, Envelope envelope, String guild, Throwable failure, long attempts) {
        Headers headers = new Headers()
                .put(ERROR_HEADER, describe(failure))
                .put(GUILD_HEADER, guild)
                .put(ATTEMPTS_HEADER, Long.toString(attempts));
        // the inbound sequence makes a retried dead-lettering a duplicate, but not a replayed envelope failing again
        PublishOptions options = PublishOptions.builder()
                .expectedStream(topology.deadLetterStream())
                .messageId((envelope == null ? "undecodable" : envelope.id()) + "#in-"
                        + message.metaData().streamSequence())
                .build();
        try {
            jetStream.publish(topology.deadLetterSubject(guild), headers, message.getData(), options);
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            log.error("could not dead-letter a message of guild {}; it will be delivered again: {}", guild, e.toString());
            message.nakWithDelay(settings.backoffAfter(attempts));
            return;
        }
        message.term();
        if (envelope == null) {
            log.error("undecodable message of guild {} dead-lettered: {}", guild, describe(failure));
            return;
        }
        try {
            deadLetters.deadLetter(envelope, failure, (int) attempts);
        } catch (Throwable e) {
            log.error("dead-letter sink failed for envelope {} of guild {}", envelope.id(), envelope.guild(), e);
        }
    }

    private static String guildOf(Message message) {
        String subject = message.getSubject();
        return subject.substring(subject.lastIndexOf('.') + 1);
    }

    /** One header line: no line breaks (they would end the header), bounded in size. */
    private static String describe(Throwable failure) {
        String text = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        text = text.replaceAll("[\\r\\n\\t]+", " ");
        return text.length() > MAX_ERROR_HEADER ? text.substring(0, MAX_ERROR_HEADER) + "…" : text;
    }

    /** The bus's connection, shared with the process's other NATS users; closing the bus closes it. */
    public Connection connection() {
        return connection;
    }

    /** Whether the connection to NATS is up right now (not reconnecting or closed), for readiness checks. */
    public boolean isConnected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** The partition that owns a guild's envelopes in this environment. */
    public int partitionOf(GuildId guild) {
        return topology.partitionOf(guild);
    }

    public String inboundStream() {
        return topology.inboundStream();
    }

    public String deadLetterStream() {
        return topology.deadLetterStream();
    }

    /**
     * Refuses further envelopes; when a handler is subscribed, waits up to the drain timeout until every partition
     * has nothing pending or unacknowledged, then stops consuming and closes the connection. What is left stays in the
     * stream for the next worker. A partition waiting for an unavailable handler cannot drain, so close stops waiting
     * as soon as one does.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (!accepting) return;
            accepting = false;
        }
        if (handler != null) awaitDrained();
        consuming = false;
        outages.stop();
        consumers.shutdown();
        try {
            if (!consumers.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) consumers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            consumers.shutdownNow();
        }
        closeQuietly(connection);
    }

    private void awaitDrained() {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (!drained()) {
            int paused = outages.waitingPartitions();
            if (paused > 0) {
                log.warn("JetStream bus of environment '{}' closing while {} partition(s) wait for an unavailable"
                        + " handler; their envelopes stay in the stream", settings.environment(), paused);
                return;
            }
            if (System.nanoTime() >= deadline) {
                log.warn("JetStream bus of environment '{}' closed before its partitions were drained (timeout {})",
                        settings.environment(), drainTimeout);
                return;
            }
            try {
                Thread.sleep(20); // polling interval of the drain check
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean drained() {
        try {
            for (int partition = 0; partition < settings.partitions(); partition++) {
                ConsumerInfo info = management.getConsumerInfo(topology.inboundStream(), topology.consumer(partition));
                if (info.getNumPending() > 0 || info.getNumAckPending() > 0) return false;
            }
            return true;
        } catch (IOException | JetStreamApiException e) {
            log.warn("could not read consumer state while draining: {}", e.toString());
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
