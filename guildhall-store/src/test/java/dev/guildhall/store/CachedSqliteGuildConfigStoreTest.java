package dev.guildhall.store;

import dev.guildhall.core.port.GuildConfigStore;

/** The same contract on the same SQLite set-up, through the cache that {@link Store#guildConfigs()} hands out. */
class CachedSqliteGuildConfigStoreTest extends SqliteGuildConfigStoreTest {
    @Override
    protected GuildConfigStore configsOf(Store store) {
        return store.guildConfigs();
    }
}
