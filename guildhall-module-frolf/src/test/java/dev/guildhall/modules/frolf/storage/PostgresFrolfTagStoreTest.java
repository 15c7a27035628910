package dev.guildhall.modules.frolf.storage;

import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresFrolfTagStoreTest extends FrolfTagStoreContract {
    private final PostgresServer server;

    PostgresFrolfTagStoreTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
    }
}
