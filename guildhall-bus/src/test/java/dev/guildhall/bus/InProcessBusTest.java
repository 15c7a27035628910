package dev.guildhall.bus;

import ch.qos.logback.classic.Level;
import dev.guildhall.core.port.Bus;
import dev.guildhall.core.port.HandlerUnavailable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InProcessBusTest extends BusContract {
    /** Records the backoffs asked for instead of waiting them, so retries cost no real time. */
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    protected Bus createBus(RetryPolicy retry, DeadLetterSink deadLetters) {
        return new InProcessBus(retry, deadLetters, sleeps::add, Duration.ofSeconds(30));
    }

    @Test
    void retriesBackOffExponentiallyFromTheDefaults() {
        AtomicInteger deadAttempts = new AtomicInteger();
        Bus bus = newBus(RetryPolicy.DEFAULT, (envelope, failure, attempts) -> deadAttempts.set(attempts));
        bus.subscribe(envelope -> {
            throw new IllegalStateException("boom");
        });

        bus.publish(envelope(guild(1), 0));
        awaitCondition("dead-lettered", () -> deadAttempts.get() == 5);

        assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600));
    }

    @Test
    void closeGivesUpOnWorkThatOutlastsTheDrainTimeout() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        List<String> deadLetters = new CopyOnWriteArrayList<>();
        InProcessBus bus = new InProcessBus(RetryPolicy.DEFAULT, (envelope, failure, attempts) ->
                deadLetters.add(envelope.id()), sleeps::add, Duration.ofMillis(100));
        bus.subscribe(envelope -> {
            started.countDown();
            never.await(); // a handler stuck on I/O; close() interrupts it after the drain timeout
        });
        bus.publish(envelope(guild(1), 0));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        long begin = System.nanoTime();
        bus.close();

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        awaitCondition("the interrupted envelope dead-lettered", () -> deadLetters.contains(envelope(guild(1), 0).id()));
        assertThat(sleeps).as("no retry once close() gave up").isEmpty();
        assertThatThrownBy(() -> bus.publish(envelope(guild(1), 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOutageWaitsTheUnavailablePauseWithoutBackoffAndLogsOnceWhenItStartsAndOnceWhenItEnds() {
        AtomicInteger outageLeft = new AtomicInteger(3);
        AtomicInteger handled = new AtomicInteger();
        Duration pause = Duration.ofMillis(750);
        try (LogCapture logs = LogCapture.of(InProcessBus.class)) {
            InProcessBus bus = new InProcessBus(RetryPolicy.DEFAULT, failOnDeadLetter(), sleeps::add,
                    Duration.ofSeconds(30), pause);
            try (bus) {
                bus.subscribe(envelope -> {
                    if (outageLeft.getAndDecrement() > 0) throw new HandlerUnavailable("the database is down", null);
                    handled.incrementAndGet();
                });
                bus.publish(envelope(guild(1), 0));
                awaitCondition("handled after the outage", () -> handled.get() == 1);
            }

            assertThat(sleeps).containsExactly(pause, pause, pause);
            assertThat(logs.lines(Level.WARN, "unavailable")).hasSize(1);
            assertThat(logs.lines(Level.INFO, "resumed")).hasSize(1);
        }
    }

    @Test
    void closeDuringAnOutageKeepsTheEnvelopeAsADeadLetterWithNoAttemptCounted() throws InterruptedException {
        CountDownLatch offered = new CountDownLatch(1);
        List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
        InProcessBus bus = new InProcessBus(RetryPolicy.DEFAULT, (envelope, failure, attempts) ->
                deadLetters.add(new DeadLetter(envelope, failure, attempts)), Sleeper.system(),
                Duration.ofMillis(100), Duration.ofMillis(20));
        bus.subscribe(envelope -> {
            offered.countDown();
            throw new HandlerUnavailable("the database is down", null);
        });
        bus.publish(envelope(guild(1), 0));
        assertThat(offered.await(10, TimeUnit.SECONDS)).isTrue();

        bus.close();

        awaitCondition("dead-lettered", () -> deadLetters.size() == 1);
        assertThat(deadLetters.getFirst().attempts()).isZero();
        assertThat(deadLetters.getFirst().failure()).isInstanceOf(HandlerUnavailable.class);
    }

    @Test
    void anUnavailablePauseMustBePositive() {
        assertThatThrownBy(() -> new InProcessBus(RetryPolicy.DEFAULT, failOnDeadLetter(), sleeps::add,
                Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingWithNoHandlerKeepsPublishedEnvelopesAsDeadLetters() {
        List<String> deadLetters = new CopyOnWriteArrayList<>();
        Bus bus = newBus(RetryPolicy.DEFAULT, (envelope, failure, attempts) -> deadLetters.add(envelope.id()));
        bus.publish(envelope(guild(1), 0));
        bus.publish(envelope(guild(2), 0));

        bus.close();

        assertThat(deadLetters).containsExactlyInAnyOrder(envelope(guild(1), 0).id(), envelope(guild(2), 0).id());
    }

    @Test
    void aGuildsLaneGoesAwayOnceItsQueueIsEmpty() {
        AtomicInteger handled = new AtomicInteger();
        InProcessBus bus = (InProcessBus) newBus(RetryPolicy.DEFAULT, failOnDeadLetter());
        bus.subscribe(envelope -> handled.incrementAndGet());

        for (int g = 1; g <= 100; g++) bus.publish(envelope(guild(g), 0));
        awaitCondition("all handled", () -> handled.get() == 100);
        awaitCondition("no lane left", () -> bus.activeLanes() == 0);

        bus.publish(envelope(guild(1), 1)); // a guild that went idle gets a new lane on its next event
        awaitCondition("handled after going idle", () -> handled.get() == 101);
    }

    @Test
    void aSecondHandlerIsRefused() {
        Bus bus = newBus(RetryPolicy.DEFAULT, failOnDeadLetter());
        bus.subscribe(envelope -> {});

        assertThatThrownBy(() -> bus.subscribe(envelope -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void retryPolicyRejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
