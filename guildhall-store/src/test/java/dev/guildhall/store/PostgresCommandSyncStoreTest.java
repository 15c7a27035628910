package dev.guildhall.store;

import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresCommandSyncStoreTest extends CommandSyncStoreContract {
    private final PostgresServer server;

    PostgresCommandSyncStoreTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
    }
}
