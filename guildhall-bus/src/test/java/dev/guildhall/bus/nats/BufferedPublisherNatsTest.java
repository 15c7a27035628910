package dev.guildhall.bus.nats;

import dev.guildhall.bus.BufferedPublisher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The gateway's buffer in front of a real JetStream bus whose nats-server is killed and restarted. */
class BufferedPublisherNatsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final GuildId GUILD = GuildId.of(1_000_042L);

    @Test
    void envelopesOfferedWhileNatsIsDownAreAllInTheStreamInOrderOnceItIsBack() throws Exception {
        List<Envelope> overflowed = new CopyOnWriteArrayList<>();
        try (NatsServer nats = NatsServer.launch()) {
            JetStreamSettings settings = JetStreamSettings.of(nats.url(), "buffered");
            try (JetStreamBus bus = JetStreamBus.start(settings);
                 BufferedPublisher buffer = BufferedPublisher.start(bus::publish, 1000, overflowed::add)) {
                for (int n = 0; n < 5; n++) buffer.offer(envelope(n));
                awaitCondition("published while NATS is up", () -> buffer.published() == 5);

                nats.kill();
                awaitCondition("the bus noticed the outage", () -> !bus.isConnected());
                for (int n = 5; n < 25; n++) assertThat(buffer.offer(envelope(n))).isTrue();
                nats.start();

                awaitCondition("everything published after the restart", () -> buffer.published() == 25);
                assertThat(buffer.dropped()).isZero();
            }

            assertThat(storedIds(nats, settings)).containsExactlyElementsOf(
                    IntStream.range(0, 25).mapToObj(n -> envelope(n).id()).toList());
        }
        assertThat(overflowed).isEmpty();
    }

    /** Every envelope id in the inbound stream, in stream order; re-published duplicates would show up here. */
    private static List<String> storedIds(NatsServer nats, JetStreamSettings settings) throws Exception {
        Topology topology = new Topology(settings.environment(), settings.partitions());
        EnvelopeCodec codec = new EnvelopeCodec();
        List<String> ids = new ArrayList<>();
        try (Connection connection = Nats.connect(nats.url())) {
            JetStreamManagement management = connection.jetStreamManagement();
            long last = management.getStreamInfo(topology.inboundStream()).getStreamState().getLastSequence();
            for (long sequence = 1; sequence <= last; sequence++) {
                ids.add(codec.decode(management.getMessage(topology.inboundStream(), sequence).getData()).id());
            }
        }
        return ids;
    }

    private static Envelope envelope(int sequence) {
        return new Envelope(GUILD + ":" + sequence, GUILD, 0, Instant.EPOCH.plusSeconds(sequence),
                new GuildEvent.MemberJoined(UserId.of(sequence + 1L)), Map.of());
    }

    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out after " + DEADLINE + " waiting for: " + what);
            try {
                Thread.sleep(20); // polling interval of the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
