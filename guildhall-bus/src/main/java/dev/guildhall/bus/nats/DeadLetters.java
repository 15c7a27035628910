package dev.guildhall.bus.nats;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.id.GuildId;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An operator's view of one environment's dead-letter stream: list, show and replay the envelopes whose last delivery
 * failed. It opens its own connection and runs no consumer, so a CLI process can use it beside running workers. It
 * never creates streams: opening fails, naming the stream, when no bus of the environment has started yet.
 */
public final class DeadLetters implements AutoCloseable {
    /** JetStream API error codes: the stream does not exist; no message matches the request. */
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int NO_MESSAGE_FOUND = 10037;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Topology topology;
    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    private DeadLetters(Topology topology, Connection connection) throws IOException {
        this.topology = topology;
        this.connection = connection;
        this.jetStream = connection.jetStream();
        this.management = connection.jetStreamManagement();
    }

    /** Connects to the settings' NATS and checks that the environment's inbound and dead-letter streams exist. */
    public static DeadLetters open(JetStreamSettings settings) {
        Topology topology = new Topology(settings.environment(), settings.partitions());
        Connection connection = NatsConnections.connect(settings.natsUrl(),
                "guildhall-" + settings.environment() + "-dead-letters", Options.DEFAULT_MAX_RECONNECT);
        try {
            DeadLetters letters = new DeadLetters(topology, connection);
            letters.requireStream(topology.deadLetterStream(), settings);
            letters.requireStream(topology.inboundStream(), settings);
            return letters;
        } catch (IOException e) {
            closeQuietly(connection);
            throw new UncheckedIOException("could not read the streams of environment '" + settings.environment()
                    + "' at " + NatsConnections.redacted(settings.natsUrl()), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private void requireStream(String stream, JetStreamSettings settings) throws IOException {
        try {
            management.getStreamInfo(stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
                throw new IllegalStateException("NATS at " + NatsConnections.redacted(settings.natsUrl()) + " has no stream '" + stream
                        + "': no gateway or worker of environment '" + settings.environment() + "' has started there");
            }
            throw new IllegalStateException("could not read stream '" + stream + "': " + e.getMessage(), e);
        }
    }

    /** Every dead letter, or one guild's, oldest first. */
    public List<DeadLetter> list(Optional<GuildId> guild) {
        String subject = guild.map(id -> topology.deadLetterSubject(id.toString()))
                .orElse(topology.deadLetterSubjects());
        List<DeadLetter> found = new ArrayList<>();
        long from = 1;
        while (true) {
            long start = from;
            Optional<MessageInfo> message = read(() ->
                    management.getNextMessage(topology.deadLetterStream(), start, subject));
            if (message.isEmpty()) return found;
            DeadLetter letter = toDeadLetter(message.get());
            found.add(letter);
            from = letter.sequence() + 1;
        }
    }

    /** The dead letter at this sequence of the dead-letter stream, if there is one. */
    public Optional<DeadLetter> show(long sequence) {
        if (sequence < 1) return Optional.empty();
        return read(() -> management.getMessage(topology.deadLetterStream(), sequence)).map(this::toDeadLetter);
    }

    /**
     * Puts dead letters back on the inbound stream and removes them from the dead letters, oldest first: the one at
     * {@code sequence} if given (and of {@code guild} if given too), else all of {@code guild}'s, else all. Each goes
     * back with its original envelope bytes under a new message id, since JetStream may still remember the original
     * one as a duplicate. Returns what was replayed.
     */
    public List<DeadLetter> replay(Optional<GuildId> guild, OptionalLong sequence) {
        List<DeadLetter> selected = sequence.isPresent()
                ? show(sequence.getAsLong()).filter(letter -> guild.map(id -> id.toString().equals(letter.guild()))
                        .orElse(true)).stream().toList()
                : list(guild);
        List<DeadLetter> replayed = new ArrayList<>();
        for (DeadLetter letter : selected) {
            Optional<GuildId> owner = parseGuild(letter.guild());
            if (owner.isEmpty()) {
                log.warn("dead letter {} names no valid guild ('{}'); left in place", letter.sequence(), letter.guild());
                continue;
            }
            republish(letter, owner.get());
            replayed.add(letter);
        }
        return replayed;
    }

    private void republish(DeadLetter letter, GuildId guild) {
        PublishOptions options = PublishOptions.builder()
                .messageId(letter.envelopeId() + "#replay-" + letter.sequence())
                .expectedStream(topology.inboundStream())
                .build();
        try {
            jetStream.publish(topology.inboundSubject(guild), letter.envelopeJson().getBytes(StandardCharsets.UTF_8),
                    options);
            // deleted only once stored again: a failure in between replays it twice, which the new id de-duplicates
            management.deleteMessage(topology.deadLetterStream(), letter.sequence(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not replay dead letter " + letter.sequence(), e);
        } catch (JetStreamApiException e) {
            throw new IllegalStateException("could not replay dead letter " + letter.sequence() + ": "
                    + e.getMessage(), e);
        }
        log.info("replayed dead letter {}: envelope {} of guild {}", letter.sequence(), letter.envelopeId(), guild);
    }

    private DeadLetter toDeadLetter(MessageInfo message) {
        byte[] data = message.getData() == null ? new byte[0] : message.getData();
        Headers headers = message.getHeaders() == null ? new Headers() : message.getHeaders();
        String envelopeId = "";
        String type = "undecodable";
        try {
            Envelope envelope = codec.decode(data);
            envelopeId = envelope.id();
            type = envelope.type();
        } catch (IllegalArgumentException e) {
            // kept as the bytes that failed: an operator sees them in envelopeJson
        }
        String subject = message.getSubject();
        String guild = Optional.ofNullable(headers.getFirst(JetStreamBus.GUILD_HEADER))
                .orElse(subject.substring(subject.lastIndexOf('.') + 1));
        return new DeadLetter(message.getSeq(), envelopeId, guild, type,
                parseAttempts(headers.getFirst(JetStreamBus.ATTEMPTS_HEADER)),
                Optional.ofNullable(headers.getFirst(JetStreamBus.ERROR_HEADER)).orElse(""),
                message.getTime().toInstant(), new String(data, StandardCharsets.UTF_8));
    }

    private static int parseAttempts(String header) {
        try {
            return header == null ? 0 : Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<GuildId> parseGuild(String guild) {
        try {
            return Optional.of(GuildId.parse(guild));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One message-get request; empty when no message matches. */
    private Optional<MessageInfo> read(MessageRead request) {
        try {
            return Optional.of(request.get());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE_FOUND) return Optional.empty();
            throw new IllegalStateException("could not read stream '" + topology.deadLetterStream() + "': "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stream '" + topology.deadLetterStream() + "'", e);
        }
    }

    @FunctionalInterface
    private interface MessageRead {
        MessageInfo get() throws IOException, JetStreamApiException;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One envelope on the dead-letter stream: its stream {@code sequence} (what show and replay take), the envelope's
     * id, guild and event type, the attempts it failed, the last error, when it was dead-lettered, and its JSON. An
     * envelope that could not be decoded has an empty id and the type {@code undecodable}.
     */
    public record DeadLetter(long sequence, String envelopeId, String guild, String type, int attempts, String error,
                             Instant deadLetteredAt, String envelopeJson) {}
}
