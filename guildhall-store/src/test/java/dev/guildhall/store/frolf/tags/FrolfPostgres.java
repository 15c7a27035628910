package dev.guildhall.store.frolf.tags;

import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** One real PostgreSQL server for the test run (started on first use, closed when JUnit ends), a fresh database per call. */
final class FrolfPostgres implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FrolfPostgres.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new SharedServer(PostgresServer.launch()), SharedServer.class)
                .server();
    }

    static StoreSettings freshDatabase(PostgresServer server) {
        String name = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return StoreSettings.postgres(server.createDatabase(name), server.user(), server.password());
    }

    @SuppressWarnings("deprecation") // CloseableResource for JUnit versions that do not close AutoCloseable values
    private record SharedServer(PostgresServer server) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
