package dev.guildhall.store.timers;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How often the timers table is polled for due timers, and the name this process writes on the timers it picks.
 * A timer fires at most one polling interval after its time.
 */
public record TimerSettings(Duration pollingInterval, String workerName) {
    public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofSeconds(1);

    public TimerSettings {
        Objects.requireNonNull(workerName, "workerName");
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("the timers' polling interval must be positive: " + pollingInterval);
        }
    }

    /** Polls every second (an indexed query of due rows, cheap) under a name unique to this process. */
    public static TimerSettings defaults() {
        return new TimerSettings(DEFAULT_POLLING_INTERVAL, "guildhall-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public TimerSettings withPollingInterval(Duration interval) {
        return new TimerSettings(interval, workerName);
    }

    public TimerSettings withWorkerName(String name) {
        return new TimerSettings(pollingInterval, name);
    }
}
