package dev.guildhall.store;

import dev.guildhall.core.id.GuildId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Instant;
import java.util.List;

/**
 * Deletes what the platform itself keeps of a guild (its configuration, command hash, modules' settings, handled
 * envelopes and pending timers), in one transaction. Modules delete their own tables' rows through their
 * {@code purgeGuild} hook first.
 */
final class GuildPurge {
    private static final List<String> STATEMENTS = List.of(
            "DELETE FROM module_settings WHERE guild_id = :guild",
            "DELETE FROM command_sync WHERE guild_id = :guild",
            "DELETE FROM processed_event WHERE guild_id = :guild",
            // a timer's instance is "guild|name|key" (DurableTimers)
            "DELETE FROM scheduled_tasks WHERE task_instance LIKE :timers",
            "DELETE FROM guild_config WHERE guild_id = :guild");
    private static final String DELETED_BEFORE = """
            SELECT guild_id FROM guild_config WHERE deleted_at IS NOT NULL AND deleted_at < :cutoff ORDER BY guild_id""";

    private final Jdbi jdbi;

    GuildPurge(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<GuildId> deletedBefore(Instant cutoff) {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(DELETED_BEFORE).bind("cutoff", cutoff.toEpochMilli())
                    .mapTo(Long.class).map(GuildId::of).list());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED, "could not list guilds deleted before " + cutoff, e);
        }
    }

    void purge(GuildId guild) {
        try {
            jdbi.useTransaction(handle -> {
                for (String statement : STATEMENTS) {
                    handle.createUpdate(statement).bind("guild", guild.value())
                            .bind("timers", guild.value() + "|%").execute();
                }
            });
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED, "could not purge the data of guild " + guild, e);
        }
    }
}
