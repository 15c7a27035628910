package dev.guildhall.core.id;

/** A Discord channel snowflake; typed so that it cannot be passed where another kind of id is expected. */
public record ChannelId(long value) {
    public ChannelId {
        if (value <= 0) throw new IllegalArgumentException("channel id must be a positive snowflake, got " + value);
    }

    public static ChannelId of(long value) {
        return new ChannelId(value);
    }

    /** Parses the decimal string form Discord uses on the wire. */
    public static ChannelId parse(String text) {
        return new ChannelId(Snowflakes.parse("channel id", text));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
