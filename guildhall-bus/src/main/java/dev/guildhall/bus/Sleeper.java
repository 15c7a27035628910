package dev.guildhall.bus;

import java.time.Duration;

/** Waits between retries; injected so that tests replace real waiting with a record of the waits asked for. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration);
    }
}
