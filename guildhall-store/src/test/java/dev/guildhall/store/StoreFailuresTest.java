package dev.guildhall.store;

import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StoreFailuresTest {
    @TempDir
    Path dir;

    @Test
    void thePoolTimingOutForAConnectionIsAnOutage() {
        // what HikariCP throws when no connection came within its connection timeout
        var timeout = new SQLTransientConnectionException("guildhall-postgres - Connection is not available",
                "08001", new SQLException("Connection refused", "08001"));

        assertThat(StoreFailures.isUnavailable(timeout)).isTrue();
    }

    @Test
    void aConnectionRefusedForGoodIsAnOutage() {
        assertThat(StoreFailures.isUnavailable(new SQLNonTransientConnectionException("refused"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "08P01"})
    void anySqlStateOfTheConnectionExceptionClassIsAnOutage(String state) {
        assertThat(StoreFailures.isUnavailable(new SQLException("I/O error", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "57P03"})
    void aPostgresServerShuttingDownCrashingOrStartingIsAnOutage(String state) {
        assertThat(StoreFailures.isUnavailable(new SQLException("terminating connection", state))).isTrue();
    }

    @Test
    void theStoreSayingUnreachableIsAnOutage() {
        assertThat(StoreFailures.isUnavailable(
                new StoreException(StoreException.Kind.UNREACHABLE, "cannot connect", null))).isTrue();
    }

    @Test
    void anOutageIsFoundUnderTheWrappersOfTheRepositoriesAndJdbi() {
        var wrapped = new StoreException(StoreException.Kind.QUERY_FAILED, "could not read the config of guild 1",
                new ConnectionException(new SQLTransientConnectionException("timed out")));

        assertThat(StoreFailures.isUnavailable(wrapped)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "42P01", "42601", "40001", "57014", "25P02"})
    void constraintViolationsAndRefusedQueriesAreNoOutage(String state) {
        var failure = new StoreException(StoreException.Kind.QUERY_FAILED, "could not save",
                new ConnectionException(new SQLException("refused", state)));

        assertThat(StoreFailures.isUnavailable(failure)).isFalse();
    }

    @Test
    void otherFailuresAreNoOutage() {
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new SQLException("no state"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new StoreException(StoreException.Kind.CORRUPT_DATA, "bad row", null)))
                .isFalse();
        assertThat(StoreFailures.isUnavailable(new SQLiteException("[SQLITE_BUSY] database is locked",
                SQLiteErrorCode.SQLITE_BUSY))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsIsReadOnce() {
        var first = new IllegalStateException("first");
        var second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(StoreFailures.isUnavailable(first)).isFalse();
        assertThat(StoreFailures.isUniqueViolation(first)).isFalse();
    }

    @Test
    void postgresAndSqliteUniqueViolationsAreRecognised() {
        assertThat(StoreFailures.isUniqueViolation(new SQLException("duplicate key", "23505"))).isTrue();
        assertThat(StoreFailures.isUniqueViolation(new SQLiteException("UNIQUE constraint failed",
                SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY))).isTrue();
        assertThat(StoreFailures.isUniqueViolation(new SQLiteException("NOT NULL constraint failed",
                SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL))).isFalse();
        assertThat(StoreFailures.isUniqueViolation(new SQLException("I/O error", "08006"))).isFalse();
    }

    @Test
    void aRealDuplicateRowIsAUniqueViolationAndNoOutage() {
        try (Store store = Store.open(StoreSettings.sqlite(dir.resolve("guildhall.db")))) {
            Jdbi jdbi = Jdbi.create(store.dataSource());
            String insert = "INSERT INTO processed_event (guild_id, event_id, processed_at) VALUES (1, 'e', 0)";
            jdbi.useHandle(handle -> handle.execute(insert));

            Throwable duplicate = catchThrowable(() -> jdbi.useHandle(handle -> handle.execute(insert)));

            assertThat(StoreFailures.isUniqueViolation(duplicate)).isTrue();
            assertThat(StoreFailures.isUnavailable(duplicate)).isFalse();
        }
    }
}
