package dev.guildhall.bus;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.port.Bus;
import dev.guildhall.core.port.HandlerUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every {@link Bus} must do, run against each implementation by a subclass. Retry waits are kept short (a few
 * milliseconds) so that implementations that really wait still finish quickly.
 */
public abstract class BusContract {
    protected static final Duration DEADLINE = Duration.ofSeconds(30);
    protected static final RetryPolicy QUICK_RETRY = new RetryPolicy(3, Duration.ofMillis(5), 2.0);

    private final List<Bus> opened = new ArrayList<>();
    private final List<String> unexpectedDeadLetters = new CopyOnWriteArrayList<>();

    /** A new, empty bus with the given retry policy and dead-letter sink. */
    protected abstract Bus createBus(RetryPolicy retry, DeadLetterSink deadLetters);

    protected final Bus newBus(RetryPolicy retry, DeadLetterSink deadLetters) {
        Bus bus = createBus(retry, deadLetters);
        opened.add(bus);
        return bus;
    }

    @AfterEach
    void closeBuses() {
        opened.forEach(Bus::close);
        assertThat(unexpectedDeadLetters).as("unexpected dead letters").isEmpty();
    }

    @Test
    void eachGuildsEventsAreHandledOnceInPublishOrderWhileGuildsRunInParallel() {
        int guilds = 50;
        int perGuild = 200;
        Map<GuildId, List<Integer>> seen = new ConcurrentHashMap<>();
        Set<String> handledIds = ConcurrentHashMap.newKeySet();
        Map<GuildId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        Bus bus = newBus(QUICK_RETRY, failOnDeadLetter());
        bus.subscribe(envelope -> {
            AtomicInteger running = inFlight.computeIfAbsent(envelope.guild(), g -> new AtomicInteger());
            if (running.incrementAndGet() > 1) overlaps.incrementAndGet();
            try {
                seen.computeIfAbsent(envelope.guild(), g -> Collections.synchronizedList(new ArrayList<>()))
                        .add(sequenceOf(envelope));
                if (!handledIds.add(envelope.id())) duplicates.incrementAndGet();
                if (sequenceOf(envelope) % 17 == 0) Thread.yield(); // vary timing between guilds
            } finally {
                running.decrementAndGet();
                handled.incrementAndGet();
            }
        });

        for (int n = 0; n < perGuild; n++) {
            for (int g = 1; g <= guilds; g++) bus.publish(envelope(guild(g), n));
        }
        awaitCondition("all events handled", () -> handled.get() >= guilds * perGuild);

        assertThat(handled.get()).isEqualTo(guilds * perGuild);
        assertThat(handledIds).hasSize(guilds * perGuild);
        assertThat(duplicates.get()).isZero();
        assertThat(overlaps.get()).as("handlers running at once for one guild").isZero();
        assertThat(seen).hasSize(guilds);
        List<Integer> expected = IntStream.range(0, perGuild).boxed().toList();
        seen.forEach((guild, sequence) -> assertThat(sequence).as("order of guild %s", guild).isEqualTo(expected));
    }

    @Test
    void differentGuildsAreHandledConcurrently() throws InterruptedException {
        CountDownLatch otherGuildHandled = new CountDownLatch(1);
        AtomicInteger waitedAndSawOther = new AtomicInteger();
        Bus bus = newBus(QUICK_RETRY, failOnDeadLetter());
        bus.subscribe(envelope -> {
            if (envelope.guild().equals(guild(1))) {
                // guild 1 can only finish if guild 2 is handled while guild 1's handler still runs
                if (otherGuildHandled.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) waitedAndSawOther.incrementAndGet();
            } else {
                otherGuildHandled.countDown();
            }
        });

        bus.publish(envelope(guild(1), 0));
        bus.publish(envelope(guild(2), 0));

        awaitCondition("guild 1 saw guild 2 handled", () -> waitedAndSawOther.get() == 1);
    }

    @Test
    void aFailingHandlerIsRetriedThenDeadLetteredWithoutLaterEventsOvertakingIt() {
        List<String> log = new CopyOnWriteArrayList<>();
        List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
        Bus bus = newBus(QUICK_RETRY, (envelope, failure, attempts) -> {
            log.add("dead " + sequenceOf(envelope));
            deadLetters.add(new DeadLetter(envelope, failure, attempts));
        });
        bus.subscribe(envelope -> {
            int n = sequenceOf(envelope);
            log.add("try " + n);
            if (n == 0) throw new IllegalStateException("always fails");
        });

        bus.publish(envelope(guild(7), 0));
        bus.publish(envelope(guild(7), 1));
        awaitCondition("the later event handled", () -> log.contains("try 1"));

        assertThat(log).containsExactly("try 0", "try 0", "try 0", "dead 0", "try 1");
        assertThat(deadLetters).singleElement().satisfies(dead -> {
            assertThat(dead.envelope().id()).isEqualTo(envelope(guild(7), 0).id());
            assertThat(dead.attempts()).isEqualTo(QUICK_RETRY.maxAttempts());
            assertThat(dead.failure()).isInstanceOf(IllegalStateException.class).hasMessage("always fails");
        });
    }

    @Test
    void aHandlerThatRecoversIsNotDeadLettered() {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        Bus bus = newBus(QUICK_RETRY, failOnDeadLetter());
        bus.subscribe(envelope -> {
            int n = sequenceOf(envelope);
            log.add("try " + n);
            if (n == 0 && failuresLeft.getAndDecrement() > 0) throw new IllegalStateException("transient");
            log.add("done " + n);
        });

        bus.publish(envelope(guild(3), 0));
        bus.publish(envelope(guild(3), 1));
        awaitCondition("both handled", () -> log.contains("done 1"));

        assertThat(log).containsExactly("try 0", "try 0", "try 0", "done 0", "try 1", "done 1");
    }

    @Test
    void anUnavailableHandlerHoldsTheEnvelopeWithoutCountingAttemptsAndLaterEventsWaitBehindIt() {
        RetryPolicy twoTries = new RetryPolicy(2, Duration.ofMillis(5), 2.0);
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger outageLeft = new AtomicInteger(5);
        Bus bus = newBus(twoTries, failOnDeadLetter());
        bus.subscribe(envelope -> {
            int n = sequenceOf(envelope);
            if (n == 0 && outageLeft.getAndDecrement() > 0) {
                log.add("unavailable " + n);
                throw new HandlerUnavailable("the database is unreachable", null);
            }
            log.add("done " + n);
        });

        for (int n = 0; n < 3; n++) bus.publish(envelope(guild(6), n));
        awaitCondition("all handled", () -> log.contains("done 2"));
        bus.close(); // nothing may come back after close: every envelope was handled exactly once

        assertThat(log).containsExactly("unavailable 0", "unavailable 0", "unavailable 0", "unavailable 0",
                "unavailable 0", "done 0", "done 1", "done 2");
    }

    @Test
    void aFailingGuildDoesNotBlockAnother() throws InterruptedException {
        CountDownLatch releaseFailingGuild = new CountDownLatch(1);
        AtomicInteger healthyHandled = new AtomicInteger();
        List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
        Bus bus = newBus(QUICK_RETRY, (envelope, failure, attempts) ->
                deadLetters.add(new DeadLetter(envelope, failure, attempts)));
        bus.subscribe(envelope -> {
            if (envelope.guild().equals(guild(1))) {
                releaseFailingGuild.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                throw new IllegalStateException("guild 1 is broken");
            }
            healthyHandled.incrementAndGet();
        });

        bus.publish(envelope(guild(1), 0));
        for (int n = 0; n < 100; n++) bus.publish(envelope(guild(2), n));
        awaitCondition("guild 2 handled while guild 1 is stuck", () -> healthyHandled.get() == 100);
        assertThat(deadLetters).isEmpty();

        releaseFailingGuild.countDown();
        awaitCondition("guild 1 dead-lettered", () -> deadLetters.size() == 1);
        assertThat(deadLetters.getFirst().envelope().guild()).isEqualTo(guild(1));
    }

    @Test
    void envelopesPublishedBeforeSubscribeAreDeliveredOnceAHandlerArrives() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Bus bus = newBus(QUICK_RETRY, failOnDeadLetter());
        for (int n = 0; n < 10; n++) bus.publish(envelope(guild(4), n));

        bus.subscribe(envelope -> seen.add(sequenceOf(envelope)));

        awaitCondition("all delivered", () -> seen.size() == 10);
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void closeDrainsWhatWasPublishedThenRefusesMore() {
        AtomicInteger handled = new AtomicInteger();
        Bus bus = newBus(QUICK_RETRY, failOnDeadLetter());
        bus.subscribe(envelope -> {
            Thread.sleep(1); // keep work in the lanes when close() starts
            handled.incrementAndGet();
        });
        for (int n = 0; n < 50; n++) {
            for (int g = 1; g <= 4; g++) bus.publish(envelope(guild(g), n));
        }

        bus.close();

        assertThat(handled.get()).isEqualTo(200);
        assertThatThrownBy(() -> bus.publish(envelope(guild(1), 99))).isInstanceOf(IllegalStateException.class);
    }

    protected record DeadLetter(Envelope envelope, Throwable failure, int attempts) {}

    /** A sink for tests where nothing may fail: what reaches it fails the test after the bus is closed. */
    protected final DeadLetterSink failOnDeadLetter() {
        return (envelope, failure, attempts) -> unexpectedDeadLetters.add(envelope.id() + ": " + failure);
    }

    protected static GuildId guild(int n) {
        return GuildId.of(1_000_000L + n);
    }

    /** An envelope whose id carries the guild and a sequence number, as {@code guildId:n}. */
    protected static Envelope envelope(GuildId guild, int sequence) {
        return new Envelope(guild + ":" + sequence, guild, 0, Instant.EPOCH.plusSeconds(sequence),
                new GuildEvent.MemberJoined(UserId.of(sequence + 1L)), Map.of());
    }

    protected static int sequenceOf(Envelope envelope) {
        return Integer.parseInt(envelope.id().substring(envelope.id().indexOf(':') + 1));
    }

    protected static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out after " + DEADLINE + " waiting for: " + what);
            Thread.onSpinWait();
            try {
                Thread.sleep(2); // polling interval of the wait, not a guess at how long the work takes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
