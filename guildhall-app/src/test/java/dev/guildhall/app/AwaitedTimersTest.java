package dev.guildhall.app;

import dev.guildhall.bus.InProcessBus;
import dev.guildhall.bus.RetryPolicy;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standalone's timer sink returns only once the bus is done with the timer's envelope, so the timer is deleted only
 * after its firing was handled (or dead-lettered), never while it waits in memory.
 */
class AwaitedTimersTest {
    private static final GuildId GUILD = GuildId.of(95L << 22);

    @Test
    void theSinkReturnsOnlyOnceTheEnvelopeWasHandledOrDeadLettered() throws Exception {
        AwaitedTimers awaited = new AwaitedTimers();
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (InProcessBus bus = new InProcessBus(new RetryPolicy(2, Duration.ofMillis(1), 1.0),
                awaited.deadLetters((envelope, failure, attempts) -> events.add("dead " + envelope.id())),
                duration -> { }, Duration.ofSeconds(30))) {
            bus.subscribe(awaited.handler(envelope -> {
                if (envelope.id().equals("broken")) throw new IllegalStateException("always fails");
                handling.countDown();
                assertThat(mayFinish.await(30, TimeUnit.SECONDS)).isTrue();
                events.add("handled " + envelope.id());
            }));
            Consumer<Envelope> sink = awaited.sink(bus);

            Thread firing = Thread.ofVirtual().start(() -> {
                sink.accept(timer("due"));
                events.add("sink returned");
            });
            assertThat(handling.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(events).as("the timer is still being handled").isEmpty();
            mayFinish.countDown();
            firing.join();
            assertThat(events).containsExactly("handled due", "sink returned");

            sink.accept(timer("broken"));
            assertThat(events).endsWith("dead broken");
        }
    }

    @Test
    void aSinkInterruptedWhileItWaitsFailsSoTheTimerStaysSet() throws Exception {
        AwaitedTimers awaited = new AwaitedTimers();
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (InProcessBus bus = new InProcessBus(new RetryPolicy(1, Duration.ofMillis(1), 1.0),
                awaited.deadLetters((envelope, failure, attempts) -> { }), duration -> { }, Duration.ofSeconds(30))) {
            bus.subscribe(awaited.handler(envelope -> {
                handling.countDown();
                release.await();
            }));
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            Thread firing = Thread.ofVirtual().start(() -> {
                try {
                    awaited.sink(bus).accept(timer("slow"));
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            assertThat(handling.await(30, TimeUnit.SECONDS)).isTrue();
            firing.interrupt();
            firing.join();
            release.countDown();

            assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("stopped while"));
        }
    }

    private static Envelope timer(String id) {
        return new Envelope(id, GUILD, 0, Instant.EPOCH, new GuildEvent.TimerFired("t", id), Map.of());
    }
}
