package dev.guildhall.store;

import dev.guildhall.core.guild.GuildConfig;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps are stored as epoch milliseconds, so values are cut to the millisecond before they are written; the cache
 * holds the cut value too, so a cached read equals a database read.
 */
final class StoredInstants {
    private StoredInstants() {}

    static GuildConfig normalized(GuildConfig config) {
        return new GuildConfig(config.guild(), config.status(), config.settings(), config.channels(), config.roles(),
                config.enabledModules(),
                config.deletedAt().map(at -> at.truncatedTo(ChronoUnit.MILLIS)),
                config.updatedAt().truncatedTo(ChronoUnit.MILLIS));
    }

    static long toMillis(Instant instant) {
        return instant.toEpochMilli();
    }

    /** The smallest millisecond value that is not before {@code instant}, for "stored value < instant" filters. */
    static long ceilMillis(Instant instant) {
        long floor = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? floor : floor + 1;
    }
}
