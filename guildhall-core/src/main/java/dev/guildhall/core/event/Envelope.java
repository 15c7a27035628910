package dev.guildhall.core.event;

import dev.guildhall.core.id.GuildId;

import java.time.Instant;
import java.util.Map;

/**
 * One event on its way from the gateway to the modules. {@code id} is stable: the interaction id, or one derived from
 * the Discord event, so that a redelivery can be recognised. {@code trace} carries trace context across the bus.
 */
public record Envelope(String id, GuildId guild, int shard, Instant occurredAt, GuildEvent event,
                       Map<String, String> trace) {
    public Envelope {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("envelope id is missing");
        trace = Map.copyOf(trace);
    }

    public String type() {
        return event.kind();
    }
}
