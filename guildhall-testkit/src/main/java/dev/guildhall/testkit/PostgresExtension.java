package dev.guildhall.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives tests one real PostgreSQL server for the whole test run (started on first use, closed when JUnit ends), and
 * a fresh database per call of {@link #freshDatabaseUrl}. Every test class of a Maven module's run shares the one
 * server.
 */
public final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

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

    /** The JDBC URL of a new, empty database of {@code server} (its {@code user()} and {@code password()} log in). */
    public static String freshDatabaseUrl(PostgresServer server) {
        String name = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return server.createDatabase(name);
    }

    /** Closed by JUnit with the root context, after every test class ran (close() is idempotent). */
    @SuppressWarnings("deprecation") // CloseableResource for JUnit versions that do not close AutoCloseable values
    private record SharedServer(PostgresServer server) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
