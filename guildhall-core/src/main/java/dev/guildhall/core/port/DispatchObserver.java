package dev.guildhall.core.port;

import java.time.Duration;
import java.util.Optional;

/** Told about each handled event, for metrics: kind, the command if it was one, outcome, and time taken. */
public interface DispatchObserver {
    DispatchObserver NONE = (kind, command, outcome, elapsed) -> { };

    /** {@code outcome} is one of {@code ok}, {@code refused}, {@code ignored}, {@code error}, {@code replayed} (each part of
     * the event was handled before, so nothing ran). */
    void handled(String eventKind, Optional<String> command, String outcome, Duration elapsed);
}
