package dev.guildhall.store;

import dev.guildhall.core.port.GuildConfigStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The same contract through the cache that {@link Store#guildConfigs()} hands out. */
class CachedSqliteGuildConfigStoreTest extends GuildConfigStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }

    @Override
    protected GuildConfigStore configsOf(Store store) {
        return store.guildConfigs();
    }
}
