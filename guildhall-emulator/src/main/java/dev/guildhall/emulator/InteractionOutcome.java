package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What the bot did with one interaction.
 *
 * @param response  the first callback the bot posted, {@code {"type": 4|5|6|7|9, "data": {...}}} as sent; empty if none yet
 * @param followups follow-up messages created through the interaction webhook, oldest first
 * @param original  the current original response message (also for ephemeral replies), if there is one
 */
public record InteractionOutcome(String interactionId, Optional<JsonNode> response, List<JsonNode> followups,
        Optional<JsonNode> original) {

    public InteractionOutcome {
        followups = List.copyOf(followups);
    }
}
