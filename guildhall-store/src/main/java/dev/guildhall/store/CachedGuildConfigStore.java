package dev.guildhall.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.store.ledger.LedgerTransactions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read-through, write-through cache in front of a {@link GuildConfigStore}: every event of a guild needs its config,
 * so reads hit memory. Absence is cached too (most events come from guilds never set up). Bounded in size and
 * expired after a while, so a change written by another process is seen at the latest then, or at once when the
 * entry is invalidated.
 *
 * <p>Inside a ledger transaction a save is not cached (it may still roll back): the entry is dropped, reads of that
 * guild go to the database until the transaction ends, and the ledger drops the entry again at the end.
 */
final class CachedGuildConfigStore implements GuildConfigStore {
    static final long DEFAULT_MAX_GUILDS = 10_000;
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

    private final GuildConfigStore delegate;
    private final ReadThroughCache<GuildId, Optional<GuildConfig>> cache;
    private final LedgerTransactions transactions;

    CachedGuildConfigStore(GuildConfigStore delegate, long maxGuilds, Duration expireAfterWrite, Ticker ticker,
                           LedgerTransactions transactions) {
        this.delegate = delegate;
        this.transactions = transactions;
        this.cache = new ReadThroughCache<>(Caffeine.newBuilder()
                .maximumSize(maxGuilds)
                .expireAfterWrite(expireAfterWrite)
                .ticker(ticker)
                .<GuildId, Optional<GuildConfig>>build());
    }

    @Override
    public Optional<GuildConfig> find(GuildId guild) {
        if (transactions.hasUncommittedWrite(guild)) return delegate.find(guild);
        // loaded outside the cache's locks; a save meanwhile keeps the load from being cached
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
        if (transactions.isOpen()) cache.invalidate(config.guild());
        else cache.put(config.guild(), Optional.of(StoredInstants.normalized(config)));
        transactions.written(config.guild());
    }

    @Override
    public int purgeDeletedBefore(Instant cutoff) {
        int purged = delegate.purgeDeletedBefore(cutoff);
        // which guilds went is not returned; purges are rare, so start afresh
        if (purged > 0) cache.invalidateAll();
        return purged;
    }

    /** Not cached: asked only when the module set changes. */
    @Override
    public List<GuildId> enabling(String moduleId) {
        return delegate.enabling(moduleId);
    }

    void invalidate(GuildId guild) {
        cache.invalidate(guild);
    }

    long size() {
        return cache.size();
    }
}
