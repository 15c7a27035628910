package dev.guildhall.core.port;

/**
 * Thrown by an envelope handler that cannot run now for a reason outside the envelope, such as its database being
 * down. A bus keeps the envelope, pauses, and offers it again without counting a failed attempt, so an outage does
 * not burn an envelope's deliveries or send it to the dead letters.
 */
public final class HandlerUnavailable extends RuntimeException {
    public HandlerUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
