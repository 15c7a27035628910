package dev.guildhall.core.id;

/** A Discord message snowflake; typed so that it cannot be passed where another kind of id is expected. */
public record MessageId(long value) {
    public MessageId {
        if (value <= 0) throw new IllegalArgumentException("message id must be a positive snowflake, got " + value);
    }

    public static MessageId of(long value) {
        return new MessageId(value);
    }

    /** Parses the decimal string form Discord uses on the wire. */
    public static MessageId parse(String text) {
        return new MessageId(Snowflakes.parse("message id", text));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
