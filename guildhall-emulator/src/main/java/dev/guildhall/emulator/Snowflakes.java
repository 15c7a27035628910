package dev.guildhall.emulator;

import java.time.Clock;

/** Discord-style ids: milliseconds since the Discord epoch shifted left 22 bits, plus a counter in the low bits. */
final class Snowflakes {
    static final long DISCORD_EPOCH = 1420070400000L;

    private final Clock clock;
    private long lastMillis;
    private long counter;

    Snowflakes(Clock clock) {
        this.clock = clock;
    }

    synchronized long next() {
        long millis = Math.max(clock.millis() - DISCORD_EPOCH, lastMillis);
        if (millis == lastMillis) {
            counter++;
            if (counter >= (1 << 22)) {
                // 4M ids in one millisecond: borrow the next millisecond rather than repeat an id
                millis++;
                counter = 0;
            }
        } else {
            counter = 0;
        }
        lastMillis = millis;
        return (millis << 22) | counter;
    }

    static int shardOf(long guildId, int shardTotal) {
        return (int) ((guildId >>> 22) % shardTotal);
    }
}
