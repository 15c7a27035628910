package dev.guildhall.store.timers;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Collects the envelopes timers deliver, and waits for them with a deadline rather than a fixed sleep. */
final class Fired implements Consumer<Envelope> {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private final List<Envelope> envelopes = new CopyOnWriteArrayList<>();

    @Override
    public void accept(Envelope envelope) {
        envelopes.add(envelope);
    }

    List<Envelope> all() {
        return List.copyOf(envelopes);
    }

    long count(String name, String key) {
        return envelopes.stream().filter(e -> e.event() instanceof GuildEvent.TimerFired t
                && t.name().equals(name) && t.key().equals(key)).count();
    }

    /** Waits until {@code name}/{@code key} fired at least once; fails after the deadline. */
    void awaitFired(String name, String key) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (count(name, key) == 0) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + "/" + key + " did not fire; fired: " + all());
            pause();
        }
    }

    /** One short step of a wait on a condition. */
    static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
