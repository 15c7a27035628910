package dev.guildhall.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteCommandSyncStoreTest extends CommandSyncStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }
}
