package dev.guildhall.store;

import com.github.benmanes.caffeine.cache.Cache;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Caffeine cache filled by reads that run outside its locks. A load holding the entry's lock while it waits for a
 * database connection deadlocks with a transaction that holds the connection (SQLite's pool has one) and waits for
 * that lock to store what it wrote. So a miss loads without any lock and keeps the value only if no write or
 * invalidation happened meanwhile (a counter of changes tells), so a stale load never lands over a newer write.
 */
public final class ReadThroughCache<K, V> {
    private final Cache<K, V> cache;
    private final AtomicLong changes = new AtomicLong();

    public ReadThroughCache(Cache<K, V> cache) {
        this.cache = cache;
    }

    /** The cached value, or one loaded now (kept unless something changed while it loaded). */
    public V get(K key, Function<K, V> load) {
        V cached = cache.getIfPresent(key);
        if (cached != null) return cached;
        long before = changes.get();
        V loaded = load.apply(key);
        if (changes.get() == before) cache.asMap().putIfAbsent(key, loaded);
        return loaded;
    }

    public void put(K key, V value) {
        changes.incrementAndGet();
        cache.put(key, value);
    }

    public void invalidate(K key) {
        changes.incrementAndGet();
        cache.invalidate(key);
    }

    public void invalidateIf(Predicate<K> which) {
        changes.incrementAndGet();
        cache.asMap().keySet().removeIf(which);
    }

    /** How many entries it holds, after pending evictions ran. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    public void invalidateAll() {
        changes.incrementAndGet();
        cache.invalidateAll();
    }
}
