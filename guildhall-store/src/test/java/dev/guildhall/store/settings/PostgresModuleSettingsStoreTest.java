package dev.guildhall.store.settings;

import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The contract on a real PostgreSQL server, started once for this class; each test gets a fresh database. */
class PostgresModuleSettingsStoreTest extends ModuleSettingsStoreContract {
    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.launch();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Override
    protected StoreSettings freshSettings() {
        String name = "settings_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return StoreSettings.postgres(server.createDatabase(name), server.user(), server.password());
    }
}
