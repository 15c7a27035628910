package dev.guildhall.core.port;

import dev.guildhall.core.event.Envelope;

/**
 * Carries envelopes from the gateway to the workers. Events of one guild are handed to the handler one at a time in
 * the order published; different guilds may be handled in parallel.
 */
public interface Bus extends AutoCloseable {

    void publish(Envelope envelope);

    /** Starts delivering to {@code handler}; an envelope counts as handled when the handler returns normally. */
    void subscribe(EnvelopeHandler handler);

    @Override
    void close();

    @FunctionalInterface
    interface EnvelopeHandler {
        void handle(Envelope envelope) throws Exception;
    }
}
