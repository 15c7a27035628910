package dev.guildhall.core.port;

/** A Discord call that failed; the message never contains a token. */
public final class DiscordCallException extends RuntimeException {
    public enum Kind { NOT_FOUND, FORBIDDEN, RATE_LIMITED, INVALID_REQUEST, SERVER_ERROR, UNAVAILABLE, INTERACTION_EXPIRED }

    private final Kind kind;

    public DiscordCallException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public DiscordCallException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
