package dev.guildhall.store;

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
        return PostgresExtension.freshDatabase(server);
    }

    @Override
    protected GuildConfigStore configsOf(Store store) {
        return store.guildConfigsUncached();
    }
}
