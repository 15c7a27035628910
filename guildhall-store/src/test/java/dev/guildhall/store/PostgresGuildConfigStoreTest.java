package dev.guildhall.store;

import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresGuildConfigStoreTest extends GuildConfigStoreContract {
    private final PostgresServer server;

    PostgresGuildConfigStoreTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
    }

    @Override
    protected GuildConfigStore configsOf(Store store) {
        return store.guildConfigsUncached();
    }
}
