package dev.guildhall.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for a condition that another process or thread makes true, checked every few milliseconds. */
public final class Conditions {
    private static final Duration CHECK_EVERY = Duration.ofMillis(50);

    private Conditions() {}

    /** Returns once {@code done} holds; fails naming {@code what} when it still does not after {@code timeout}. */
    public static void awaitUntil(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not so after " + timeout + ": " + what);
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
