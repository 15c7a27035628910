package dev.guildhall.core.id;

/** A Discord role snowflake; typed so that it cannot be passed where another kind of id is expected. */
public record RoleId(long value) {
    public RoleId {
        if (value <= 0) throw new IllegalArgumentException("role id must be a positive snowflake, got " + value);
    }

    public static RoleId of(long value) {
        return new RoleId(value);
    }

    /** Parses the decimal string form Discord uses on the wire. */
    public static RoleId parse(String text) {
        return new RoleId(Snowflakes.parse("role id", text));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
