package dev.guildhall.store.ledger;

import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteGuildDataCacheTest extends GuildDataCacheContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }
}
