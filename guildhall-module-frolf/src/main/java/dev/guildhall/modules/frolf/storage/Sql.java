package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.id.GuildId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/** Shared plumbing of the tag and season repositories: one error type naming the guild, nullable columns. */
final class Sql {
    private Sql() {}

    static <T> T call(Jdbi jdbi, String what, GuildId guild, Function<Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (JdbiException | IllegalArgumentException e) {
            throw new StorageException("could not " + what + " of guild " + guild, e);
        }
    }

    static <T> T inTransaction(Jdbi jdbi, String what, GuildId guild, Function<Handle, T> work) {
        return call(jdbi, what, guild, handle -> handle.inTransaction(work::apply));
    }

    /** The guild's highest value of {@code column} in {@code table} plus one; the primary key refuses a racing twin. */
    static long next(Handle handle, String table, String column, GuildId guild) {
        return handle.createQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table + " WHERE guild_id = :guild")
                .bind("guild", guild.value()).mapTo(Long.class).one();
    }

    static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
