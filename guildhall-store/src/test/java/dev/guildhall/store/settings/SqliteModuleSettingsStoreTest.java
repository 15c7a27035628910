package dev.guildhall.store.settings;

import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteModuleSettingsStoreTest extends ModuleSettingsStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }
}
