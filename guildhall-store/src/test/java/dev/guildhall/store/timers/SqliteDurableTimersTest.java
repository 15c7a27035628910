package dev.guildhall.store.timers;

import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteDurableTimersTest extends DurableTimersContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.sqlite(dir.resolve("guildhall.db"));
    }
}
