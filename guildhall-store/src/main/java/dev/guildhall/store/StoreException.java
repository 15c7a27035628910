package dev.guildhall.store;

/** A failure of the store; {@link #kind()} says whose problem it is. Messages never carry passwords. */
public final class StoreException extends RuntimeException {

    public enum Kind {
        /** The settings are wrong (an operator's mistake): fix the configuration. */
        BAD_SETTINGS,
        /** The database could not be reached or refused the connection. */
        UNREACHABLE,
        /** A migration failed; the schema is as the last successful migration left it. */
        MIGRATION_FAILED,
        /** A query failed. */
        QUERY_FAILED,
        /** A stored row could not be read back into a value (written by a newer or broken version). */
        CORRUPT_DATA
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
