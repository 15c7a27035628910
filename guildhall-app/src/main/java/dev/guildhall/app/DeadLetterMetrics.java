package dev.guildhall.app;

import dev.guildhall.bus.DeadLetterSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code guildhall_dead_letters_total}: envelopes given up on after their last attempt, in every mode that handles
 * envelopes. No labels: the log line of each dead letter names its guild and kind, and {@code guildhall dlq list}
 * shows them; the counter is there to alert on.
 */
final class DeadLetterMetrics {
    static final String DEAD_LETTERS = "guildhall.dead.letters";

    private DeadLetterMetrics() {}

    /** Counts each dead letter, then logs it as {@link DeadLetterSink#logging()} does. */
    static DeadLetterSink countingAndLogging(MeterRegistry metrics) {
        Counter counter = Counter.builder(DEAD_LETTERS)
                .description("Envelopes moved to the dead letters after their last attempt").register(metrics);
        DeadLetterSink log = DeadLetterSink.logging();
        return (envelope, failure, attempts) -> {
            counter.increment();
            log.deadLetter(envelope, failure, attempts);
        };
    }
}
