package dev.guildhall.core.id;

/** A Discord guild snowflake; typed so that it cannot be passed where another kind of id is expected. */
public record GuildId(long value) {
    public GuildId {
        if (value <= 0) throw new IllegalArgumentException("guild id must be a positive snowflake, got " + value);
    }

    public static GuildId of(long value) {
        return new GuildId(value);
    }

    /** Parses the decimal string form Discord uses on the wire. */
    public static GuildId parse(String text) {
        return new GuildId(Snowflakes.parse("guild id", text));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
