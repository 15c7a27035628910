package dev.guildhall.store;

import dev.guildhall.store.ledger.LedgerTransactions;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pool as handed to code that takes a {@link DataSource} rather than the store's JDBI (the durable timers). On a
 * thread inside a ledger transaction it hands out that transaction's connection, so a timer set while handling an
 * envelope commits or rolls back with the envelope (and SQLite's single connection is not asked for twice); the
 * transaction's owner alone may end it or close the connection. Elsewhere, a connection of the pool.
 */
final class LedgerAwareDataSource implements DataSource {
    private final DataSource pool;
    private final LedgerTransactions transactions;

    LedgerAwareDataSource(DataSource pool, LedgerTransactions transactions) {
        this.pool = pool;
        this.transactions = transactions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<Connection> joined = transactions.connection();
        return joined.isPresent() ? borrowed(joined.get()) : pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Optional<Connection> joined = transactions.connection();
        return joined.isPresent() ? borrowed(joined.get()) : pool.getConnection(username, password);
    }

    private static Connection borrowed(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "commit", "rollback", "setAutoCommit" -> throw new SQLException(
                            "this connection belongs to an envelope's transaction, which commits or rolls back as a whole");
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> {
                        try {
                            yield method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
