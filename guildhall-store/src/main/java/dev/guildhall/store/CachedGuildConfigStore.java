package dev.guildhall.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.GuildConfigStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Read-through, write-through cache in front of a {@link GuildConfigStore}: every event of a guild needs its config,
 * so reads hit memory. Absence is cached too (most events come from guilds never set up). Bounded in size and
 * expired after a while, so a change written by another process is seen at the latest then, or at once when the
 * entry is invalidated.
 */
final class CachedGuildConfigStore implements GuildConfigStore {
    static final long DEFAULT_MAX_GUILDS = 10_000;
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

    private final GuildConfigStore delegate;
    private final Cache<GuildId, Optional<GuildConfig>> cache;

    CachedGuildConfigStore(GuildConfigStore delegate, long maxGuilds, Duration expireAfterWrite, Ticker ticker) {
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxGuilds)
                .expireAfterWrite(expireAfterWrite)
                .ticker(ticker)
                .build();
    }

    @Override
    public Optional<GuildConfig> find(GuildId guild) {
        // the load runs under the entry's lock, so a concurrent save's put lands after it and wins
        return cache.get(guild, delegate::find);
    }

    @Override
    public void save(GuildConfig config) {
        try {
            delegate.save(config);
        } catch (RuntimeException e) {
            // the row may or may not have changed: forget the entry rather than guess
            cache.invalidate(config.guild());
            throw e;
        }
        cache.put(config.guild(), Optional.of(StoredInstants.normalized(config)));
    }

    @Override
    public int purgeDeletedBefore(Instant cutoff) {
        int purged = delegate.purgeDeletedBefore(cutoff);
        // which guilds went is not returned; purges are rare, so start afresh
        if (purged > 0) cache.invalidateAll();
        return purged;
    }

    void invalidate(GuildId guild) {
        cache.invalidate(guild);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
