package dev.guildhall.store;

import dev.guildhall.core.port.GuildConfigStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteGuildConfigStoreTest extends GuildConfigStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }

    @Override
    protected GuildConfigStore configsOf(Store store) {
        return store.guildConfigsUncached();
    }
}
