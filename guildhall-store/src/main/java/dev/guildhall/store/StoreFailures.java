package dev.guildhall.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads a failure's cause chain to say what kind of failure it is, whatever wrapped it on the way up (a repository's
 * {@link StoreException}, JDBI, the pool).
 */
public final class StoreFailures {
    /** PostgreSQL: the server is shutting down, crashed, or is starting and cannot take connections yet. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /** SQLState class 08: connection exception (refused, lost, broken). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<SQLiteErrorCode> SQLITE_UNIQUE_VIOLATIONS =
            Set.of(SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);

    private StoreFailures() {}

    /**
     * Whether {@code failure} says the database cannot be reached right now: the pool timed out waiting for a
     * connection, a connection was refused or lost, the server is shutting down or starting, or the store said
     * {@link StoreException.Kind#UNREACHABLE}. A refused query, a broken constraint or a bug is not an outage.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof StoreException store && store.kind() == StoreException.Kind.UNREACHABLE) return true;
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_AWAY.contains(state)) return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} comes from a row refused by a primary key or unique index. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLiteException sqlite && SQLITE_UNIQUE_VIOLATIONS.contains(sqlite.getResultCode())) {
                return true;
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) return true;
        }
        return false;
    }

    /** {@code failure} and its causes in order, each once (a cause chain may loop). */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) chain.add(cause);
        return chain;
    }
}
