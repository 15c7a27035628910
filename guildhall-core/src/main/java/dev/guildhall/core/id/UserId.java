package dev.guildhall.core.id;

/** A Discord user snowflake; typed so that it cannot be passed where another kind of id is expected. */
public record UserId(long value) {
    public UserId {
        if (value <= 0) throw new IllegalArgumentException("user id must be a positive snowflake, got " + value);
    }

    public static UserId of(long value) {
        return new UserId(value);
    }

    /** Parses the decimal string form Discord uses on the wire. */
    public static UserId parse(String text) {
        return new UserId(Snowflakes.parse("user id", text));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
