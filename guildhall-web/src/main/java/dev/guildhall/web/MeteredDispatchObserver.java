package dev.guildhall.web;

import dev.guildhall.core.port.DispatchObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;

/** Turns dispatch notifications into the two Guildhall meters, with bounded label values. */
final class MeteredDispatchObserver implements DispatchObserver {
    static final int MAX_COMMANDS = 200;
    static final int MAX_KINDS = 100;
    static final int MAX_OUTCOMES = 20;

    private final BoundedLabel kinds = new BoundedLabel(MAX_KINDS);
    private final BoundedLabel commands = new BoundedLabel(MAX_COMMANDS);
    private final BoundedLabel outcomes = new BoundedLabel(MAX_OUTCOMES);
    private final Meter.MeterProvider<Counter> handled;
    private final Meter.MeterProvider<Timer> latency;

    MeteredDispatchObserver(MeterRegistry registry) {
        this.handled = Counter.builder(Metrics.EVENTS_HANDLED)
                .description("Events handled by the dispatcher, by event kind and outcome")
                .withRegistry(registry);
        // A histogram (not client-side percentiles) so latencies aggregate across workers with histogram_quantile.
        // The expected range bounds the bucket count.
        this.latency = Timer.builder(Metrics.COMMAND_LATENCY)
                .description("Time to handle a slash command, by command name and outcome")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .withRegistry(registry);
    }

    @Override
    public void handled(String eventKind, Optional<String> command, String outcome, Duration elapsed) {
        String outcomeLabel = outcomes.admit(outcome);
        handled.withTags(Tags.of("kind", kinds.admit(eventKind), "outcome", outcomeLabel)).increment();
        if (command != null && command.isPresent() && elapsed != null && !elapsed.isNegative()) {
            latency.withTags(Tags.of("command", commands.admit(command.get()), "outcome", outcomeLabel)).record(elapsed);
        }
    }
}
