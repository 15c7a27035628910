package dev.guildhall.modules.frolf.seasons;

import java.time.Instant;
import java.util.Optional;

/** A named stretch of time in which finalized rounds award points; at most one per guild is active. */
public record Season(long id, String name, Instant startedAt, Optional<Instant> endedAt) {
    public boolean isActive() {
        return endedAt.isEmpty();
    }
}
