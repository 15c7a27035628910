package dev.guildhall.modules.frolf.storage;

import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteRoundRepositoryTest extends RoundRepositoryContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }
}
