package dev.guildhall.bus;

import java.time.Duration;

/**
 * How often a failing handler is tried and how long to wait between tries: {@code initialBackoff} before the second
 * attempt, multiplied by {@code multiplier} before each further one. After {@code maxAttempts} the envelope goes to the
 * dead letters.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), 2.0);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be zero or positive, got " + initialBackoff);
        }
        if (!(multiplier >= 1.0)) throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
    }

    /** The wait after failed attempt {@code attempt} (1-based) and before the next one. */
    public Duration backoffAfter(int attempt) {
        if (attempt < 1) throw new IllegalArgumentException("attempt is 1-based, got " + attempt);
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, Long.MAX_VALUE / 2.0));
    }
}
