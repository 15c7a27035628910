package dev.guildhall.bus;

import ch.qos.logback.classic.Level;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class BufferedPublisherTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** Stands in for the bus: stores what it is given while up, throws while down. */
    private final FakeBus bus = new FakeBus();
    /** Records the backoffs asked for; waits a millisecond so a failing drainer does not spin. */
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        Thread.sleep(1);
    };
    private final List<Envelope> overflowed = new CopyOnWriteArrayList<>();
    private final List<BufferedPublisher> opened = new ArrayList<>();

    @AfterEach
    void closeBuffers() {
        opened.forEach(buffer -> buffer.close(Duration.ZERO));
    }

    private BufferedPublisher start(int capacity) {
        BufferedPublisher buffer = BufferedPublisher.start(bus, capacity, overflowed::add, sleeper);
        opened.add(buffer);
        return buffer;
    }

    @Test
    void envelopesOfferedWhilePublishingFailsArePublishedInOrderOnceItWorksAgain() {
        try (LogCapture logs = LogCapture.of(BufferedPublisher.class)) {
            BufferedPublisher buffer = start(1000);
            for (int n = 0; n < 5; n++) assertThat(buffer.offer(envelope(n))).isTrue();
            awaitCondition("the first envelopes published", () -> buffer.published() == 5);

            bus.down.set(true);
            for (int n = 5; n < 30; n++) assertThat(buffer.offer(envelope(n))).isTrue();
            awaitCondition("several failed tries", () -> bus.failures.get() >= 7);
            bus.down.set(false);
            for (int n = 30; n < 40; n++) assertThat(buffer.offer(envelope(n))).isTrue();
            awaitCondition("everything published", () -> buffer.published() == 40);

            assertThat(bus.storedIds()).containsExactlyElementsOf(ids(0, 40));
            assertThat(buffer.size()).isZero();
            assertThat(buffer.dropped()).isZero();
            assertThat(overflowed).isEmpty();
            assertThat(sleeps.subList(0, 7)).extracting(Duration::toMillis)
                    .containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L);
            assertThat(logs.lines(Level.WARN, "publishing to NATS fails")).hasSize(1);
            assertThat(logs.lines(Level.INFO, "publishing to NATS recovered")).hasSize(1);
        }
    }

    @Test
    void backoffStartsOverAfterASuccess() {
        BufferedPublisher buffer = start(10);
        bus.failNext.set(3);
        buffer.offer(envelope(0));
        awaitCondition("published after three failures", () -> buffer.published() == 1);
        bus.failNext.set(2);
        buffer.offer(envelope(1));
        awaitCondition("published after two more failures", () -> buffer.published() == 2);

        assertThat(sleeps).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 100L, 200L);
    }

    @Test
    void aFullBufferRefusesTheNewestEnvelopesAndWarnsOncePerOverflowEpisode() {
        try (LogCapture logs = LogCapture.of(BufferedPublisher.class)) {
            bus.down.set(true);
            BufferedPublisher buffer = start(4);
            for (int n = 0; n < 4; n++) assertThat(buffer.offer(envelope(n))).isTrue();

            for (int n = 4; n < 7; n++) assertThat(buffer.offer(envelope(n))).isFalse();

            assertThat(buffer.size()).isEqualTo(4);
            assertThat(buffer.capacity()).isEqualTo(4);
            assertThat(buffer.dropped()).isEqualTo(3);
            assertThat(overflowed).extracting(Envelope::id).containsExactlyElementsOf(ids(4, 7));
            assertThat(logs.lines(Level.WARN, "gateway buffer full (4 envelopes)")).hasSize(1);

            bus.down.set(false);
            awaitCondition("the buffered envelopes published", () -> buffer.published() == 4);
            assertThat(bus.storedIds()).containsExactlyElementsOf(ids(0, 4));

            bus.down.set(true); // a second outage is a second episode
            for (int n = 10; n < 16; n++) buffer.offer(envelope(n));
            assertThat(buffer.dropped()).isEqualTo(5);
            assertThat(logs.lines(Level.WARN, "gateway buffer full")).hasSize(2);
        }
    }

    @Test
    void anOverflowHandlerThatThrowsDoesNotBreakOffering() {
        bus.down.set(true);
        BufferedPublisher buffer = BufferedPublisher.start(bus, 1, envelope -> {
            throw new IllegalStateException("cannot answer");
        }, sleeper);
        opened.add(buffer);
        assertThat(buffer.offer(envelope(0))).isTrue();

        assertThat(buffer.offer(envelope(1))).isFalse();
        assertThat(buffer.dropped()).isEqualTo(1);
    }

    @Test
    void closePublishesWhatIsBufferedThenRefusesMore() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> stored = new CopyOnWriteArrayList<>();
        BufferedPublisher buffer = BufferedPublisher.start(envelope -> {
            awaitLatch(release); // the first publish is slow, so close() finds work buffered
            stored.add(envelope.id());
        }, 100, overflowed::add, sleeper);
        for (int n = 0; n < 20; n++) buffer.offer(envelope(n));

        Thread closing = Thread.ofVirtual().start(() -> buffer.close(DEADLINE));
        awaitCondition("close waits for the buffer to drain", () -> closing.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        closing.join(DEADLINE);

        assertThat(closing.isAlive()).isFalse();
        assertThat(stored).containsExactlyElementsOf(ids(0, 20));
        assertThat(buffer.published()).isEqualTo(20);
        assertThat(buffer.size()).isZero();
        assertThat(buffer.offer(envelope(100))).isFalse();
        assertThat(overflowed).extracting(Envelope::id).contains(envelope(100).id());
    }

    @Test
    void closeGivesUpAfterItsTimeoutAndReportsWhatWasLeft() {
        try (LogCapture logs = LogCapture.of(BufferedPublisher.class)) {
            bus.down.set(true);
            BufferedPublisher buffer = BufferedPublisher.start(bus, 10, overflowed::add, sleeper);
            for (int n = 0; n < 3; n++) buffer.offer(envelope(n));

            buffer.close(Duration.ofMillis(200));

            assertThat(buffer.size()).isEqualTo(3);
            assertThat(buffer.published()).isZero();
            assertThat(logs.lines(Level.WARN, "closed with 3 envelope(s) not published")).hasSize(1);
            int failuresAtClose = bus.failures.get();
            buffer.close(); // a second close is a no-op
            assertThat(bus.failures.get()).isEqualTo(failuresAtClose);
        }
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> BufferedPublisher.start(bus, 0, overflowed::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class FakeBus implements Consumer<Envelope> {
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger failNext = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final List<Envelope> stored = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Envelope envelope) {
            if (down.get() || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failures.incrementAndGet();
                throw new IllegalStateException("NATS is unreachable");
            }
            stored.add(envelope);
        }

        List<String> storedIds() {
            return stored.stream().map(Envelope::id).toList();
        }
    }

    static Envelope envelope(int sequence) {
        GuildId guild = GuildId.of(1_000_001L);
        return new Envelope(guild + ":" + sequence, guild, 0, Instant.EPOCH.plusSeconds(sequence),
                new GuildEvent.MemberJoined(UserId.of(sequence + 1L)), Map.of());
    }

    static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> envelope(n).id()).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out after " + DEADLINE + " waiting for: " + what);
            try {
                Thread.sleep(5); // polling interval of the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
