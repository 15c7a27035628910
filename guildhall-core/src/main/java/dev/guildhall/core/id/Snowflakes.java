package dev.guildhall.core.id;

/** Parsing and arithmetic shared by the typed snowflake ids. */
public final class Snowflakes {
    private Snowflakes() {}

    static long parse(String what, String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(what + " is missing");
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a snowflake: '" + text + "'", e);
        }
    }

    /** Discord's shard formula: {@code (guild_id >> 22) % num_shards}. */
    public static int shardOf(GuildId guild, int shardCount) {
        if (shardCount < 1) throw new IllegalArgumentException("shard count must be >= 1");
        return (int) ((guild.value() >>> 22) % shardCount);
    }
}
