package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;

/**
 * An action on its way to a gateway, under a stable id ({@code <envelopeId>/<n>} for the n-th action an envelope's
 * handler asked for), so that however often it is published or delivered, a gateway executes it at most once.
 */
public record OutboundAction(String id, Action action) {
    public OutboundAction {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("action id is missing");
        if (id.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            // the id travels in a message header, which a line break would end
            throw new IllegalArgumentException("action id must not contain line breaks");
        }
        if (action == null) throw new IllegalArgumentException("action " + id + " is missing its action");
    }
}
