package dev.guildhall.core.event;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;

import java.util.Optional;

/**
 * Names one pending interaction so that an action can answer it. It deliberately carries no interaction token:
 * the token is a secret that stays with the Discord adapter, which looks the interaction up by its id.
 */
public record InteractionRef(String id, ChannelId channel, Optional<MessageId> sourceMessage) {
    public InteractionRef {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("interaction id is missing");
    }
}
