package dev.guildhall.modules.frolf.storage;

import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteFrolfTagStoreTest extends FrolfTagStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }
}
