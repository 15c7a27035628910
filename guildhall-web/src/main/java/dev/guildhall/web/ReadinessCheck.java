package dev.guildhall.web;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One thing the process needs before it can take traffic (the Discord connection, the database, the bus).
 * {@code /ready} asks every check on each call, so an implementation should answer from state it already holds.
 * The server still guards against a slow or throwing check: it counts as not ready, with its message.
 */
public interface ReadinessCheck {
    /** A short stable key for the {@code checks} object of {@code /ready}, e.g. {@code discord}. */
    String name();

    /** Empty when ready; otherwise why not, e.g. {@code unreachable: connection refused}. Never a secret. */
    Optional<String> problem();

    /** A check built from a name and a function, for wiring code and tests. */
    static ReadinessCheck of(String name, Supplier<Optional<String>> problem) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() {
                return problem.get();
            }
        };
    }
}
