package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One gateway DISPATCH the emulator emitted. {@code seq} is emulator-wide and increasing (each session also numbers
 * its own dispatches for RESUME); {@code shard} is the shard the event was routed to.
 */
public record DispatchedEvent(long seq, String type, Optional<Long> guildId, int shard, JsonNode data) {
}
