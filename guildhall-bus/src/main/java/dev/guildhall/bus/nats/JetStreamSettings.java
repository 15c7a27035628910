package dev.guildhall.bus.nats;

import dev.guildhall.bus.RetryPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the JetStream bus connects and consumes. {@code environment} isolates streams, subjects and consumers, so that
 * several deployments can share one NATS. {@code backoff.get(i)} is the wait after failed delivery {@code i + 1}; the
 * last entry repeats. After {@code maxDeliveries} failed deliveries an envelope goes to the dead-letter stream.
 * {@code ackWait} must exceed the slowest handler: past it, NATS assumes the worker died and redelivers.
 * {@code unavailablePause} is the wait before offering an envelope again to a handler that answered
 * {@link dev.guildhall.core.port.HandlerUnavailable}; such waits count no delivery.
 */
public record JetStreamSettings(String natsUrl, String environment, int partitions, Duration ackWait,
                                int maxDeliveries, List<Duration> backoff, Duration unavailablePause) {
    public static final int DEFAULT_PARTITIONS = 16;
    public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_UNAVAILABLE_PAUSE = Duration.ofSeconds(1);
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public JetStreamSettings {
        if (natsUrl == null || natsUrl.isBlank()) throw new IllegalArgumentException("NATS URL is missing");
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            // it becomes part of subjects and stream names, where '.', '*', '>' and spaces mean something else
            throw new IllegalArgumentException("environment must match " + ENVIRONMENT + ", got '" + environment + "'");
        }
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("partitions must be within 1..1024, got " + partitions);
        }
        if (ackWait == null || ackWait.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ackWait must be at least 1 s, got " + ackWait);
        }
        if (maxDeliveries < 1) throw new IllegalArgumentException("maxDeliveries must be >= 1, got " + maxDeliveries);
        backoff = List.copyOf(backoff);
        if (backoff.isEmpty() || backoff.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("backoff needs at least one non-negative duration, got " + backoff);
        }
        if (unavailablePause == null || unavailablePause.isNegative() || unavailablePause.isZero()) {
            throw new IllegalArgumentException("unavailablePause must be positive, got " + unavailablePause);
        }
    }

    /** As the canonical constructor, with {@link #DEFAULT_UNAVAILABLE_PAUSE} as the pause. */
    public JetStreamSettings(String natsUrl, String environment, int partitions, Duration ackWait, int maxDeliveries,
                             List<Duration> backoff) {
        this(natsUrl, environment, partitions, ackWait, maxDeliveries, backoff, DEFAULT_UNAVAILABLE_PAUSE);
    }

    /**
     * Defaults for everything but the URL and environment: 16 partitions, 30 s ack wait, the default retry policy, a 1 s
     * pause while the handler is unavailable.
     */
    /** As the record's, with the URL's credentials left out. */
    @Override
    public String toString() {
        return "JetStreamSettings[natsUrl=" + NatsConnections.redacted(natsUrl) + ", environment=" + environment
                + ", partitions=" + partitions + ", ackWait=" + ackWait + ", maxDeliveries=" + maxDeliveries
                + ", backoff=" + backoff + ", unavailablePause=" + unavailablePause + "]";
    }

    public static JetStreamSettings of(String natsUrl, String environment) {
        return new JetStreamSettings(natsUrl, environment, DEFAULT_PARTITIONS, DEFAULT_ACK_WAIT, 1,
                List.of(Duration.ZERO)).withRetry(RetryPolicy.DEFAULT);
    }

    /** The same settings with deliveries and backoff taken from a {@link RetryPolicy}, as the in-process bus uses. */
    public JetStreamSettings withRetry(RetryPolicy retry) {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt < retry.maxAttempts(); attempt++) waits.add(retry.backoffAfter(attempt));
        if (waits.isEmpty()) waits.add(retry.initialBackoff());
        return new JetStreamSettings(natsUrl, environment, partitions, ackWait, retry.maxAttempts(), waits,
                unavailablePause);
    }

    public JetStreamSettings withPartitions(int count) {
        return new JetStreamSettings(natsUrl, environment, count, ackWait, maxDeliveries, backoff, unavailablePause);
    }

    public JetStreamSettings withAckWait(Duration wait) {
        return new JetStreamSettings(natsUrl, environment, partitions, wait, maxDeliveries, backoff, unavailablePause);
    }

    public JetStreamSettings withUnavailablePause(Duration pause) {
        return new JetStreamSettings(natsUrl, environment, partitions, ackWait, maxDeliveries, backoff, pause);
    }

    /** The wait before redelivering after failed delivery {@code delivery} (1-based). */
    public Duration backoffAfter(long delivery) {
        int index = (int) Math.min(Math.max(delivery - 1, 0), backoff.size() - 1);
        return backoff.get(index);
    }
}
