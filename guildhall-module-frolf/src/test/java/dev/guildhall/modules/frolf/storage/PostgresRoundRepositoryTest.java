package dev.guildhall.modules.frolf.storage;

import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on the shared real PostgreSQL server; each test gets a fresh database. */
@ExtendWith(PostgresExtension.class)
class PostgresRoundRepositoryTest extends RoundRepositoryContract {
    private final PostgresServer server;

    PostgresRoundRepositoryTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
    }
}
