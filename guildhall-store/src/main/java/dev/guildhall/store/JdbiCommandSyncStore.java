package dev.guildhall.store;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.CommandSyncStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.util.Optional;

/** {@link CommandSyncStore} on the {@code command_sync} table. */
final class JdbiCommandSyncStore implements CommandSyncStore {
    private static final String FIND = "SELECT command_hash FROM command_sync WHERE guild_id = :guild";
    private static final String UPSERT = """
            INSERT INTO command_sync (guild_id, command_hash, synced_at) VALUES (:guild, :hash, :syncedAt)
            ON CONFLICT (guild_id) DO UPDATE SET command_hash = excluded.command_hash, synced_at = excluded.synced_at""";

    private final Jdbi jdbi;
    private final Clock clock;

    JdbiCommandSyncStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<String> lastHash(GuildId guild) {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(FIND)
                    .bind("guild", guild.value())
                    .mapTo(String.class)
                    .findOne());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not read the command hash of guild " + guild, e);
        }
    }

    @Override
    public void recordHash(GuildId guild, String hash) {
        if (hash == null || hash.isBlank()) throw new IllegalArgumentException("command hash is missing");
        try {
            jdbi.useHandle(handle -> handle.createUpdate(UPSERT)
                    .bind("guild", guild.value())
                    .bind("hash", hash)
                    .bind("syncedAt", clock.millis())
                    .execute());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not record the command hash of guild " + guild, e);
        }
    }

    @Override
    public void forget(GuildId guild) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM command_sync WHERE guild_id = :guild")
                    .bind("guild", guild.value())
                    .execute());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not forget the command hash of guild " + guild, e);
        }
    }
}
