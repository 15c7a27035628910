package dev.guildhall.app;

import dev.guildhall.bus.DeadLetterSink;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.port.Bus;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Standalone's hand-off of due timers to its in-process bus. The durable timers delete a timer once its sink returns,
 * and the in-process bus only queues in memory, so a sink that merely published would lose a due timer to a crash
 * before its guild's lane reached it. This sink returns only once the bus is done with the timer's envelope (its units
 * committed, or it went to the dead letters); a process killed before then leaves the timer in the table, to fire
 * again after the restart under the same envelope id, which the ledger recognises if it did commit.
 */
final class AwaitedTimers {
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** The timers' sink: publishes on {@code bus} and waits for {@link #handler} or {@link #deadLetters} to finish. */
    Consumer<Envelope> sink(Bus bus) {
        return envelope -> {
            CompletableFuture<Void> done = waiting.computeIfAbsent(envelope.id(), id -> new CompletableFuture<>());
            try {
                bus.publish(envelope);
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // stopping: the timer stays set and fires again; the ledger recognises it if it committed
                throw new IllegalStateException("stopped while timer envelope " + envelope.id() + " was handled", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("timer envelope " + envelope.id() + " failed", e.getCause());
            } finally {
                waiting.remove(envelope.id(), done);
            }
        };
    }

    /** {@code handler}, telling a waiting sink when it handled that sink's envelope. */
    Bus.EnvelopeHandler handler(Bus.EnvelopeHandler handler) {
        return envelope -> {
            handler.handle(envelope);
            finished(envelope);
        };
    }

    /** {@code sink}, telling a waiting sink when its envelope went to the dead letters (an operator may replay it). */
    DeadLetterSink deadLetters(DeadLetterSink sink) {
        return (envelope, failure, attempts) -> {
            try {
                sink.deadLetter(envelope, failure, attempts);
            } finally {
                finished(envelope);
            }
        };
    }

    private void finished(Envelope envelope) {
        CompletableFuture<Void> done = waiting.get(envelope.id());
        if (done != null) done.complete(null);
    }
}
