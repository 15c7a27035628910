package dev.guildhall.bus;

import dev.guildhall.core.event.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives an envelope whose handler still failed after the last retry, so that an operator can see and replay it. */
@FunctionalInterface
public interface DeadLetterSink {

    void deadLetter(Envelope envelope, Throwable failure, int attempts);

    /**
     * Logs each dead letter once at ERROR with the guild id, envelope id and event kind. The payload is never logged:
     * it may carry an interaction token or a member's message.
     */
    static DeadLetterSink logging() {
        Logger log = LoggerFactory.getLogger(DeadLetterSink.class);
        return (envelope, failure, attempts) -> log.error("dead letter: envelope {} of guild {} ({}) failed {} time(s)",
                envelope.id(), envelope.guild(), envelope.type(), attempts, failure);
    }
}
