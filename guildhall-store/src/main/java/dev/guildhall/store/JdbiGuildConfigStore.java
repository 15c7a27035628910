package dev.guildhall.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.GuildConfigStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link GuildConfigStore} on the {@code guild_config} table; the same SQL runs on SQLite and PostgreSQL. */
final class JdbiGuildConfigStore implements GuildConfigStore {
    private static final String FIND = """
            SELECT status, config, deleted_at, updated_at FROM guild_config WHERE guild_id = :guild""";
    // ON CONFLICT ... DO UPDATE with "excluded": understood alike by SQLite (>= 3.24) and PostgreSQL (>= 9.5)
    private static final String UPSERT = """
            INSERT INTO guild_config (guild_id, status, config, deleted_at, updated_at)
            VALUES (:guild, :status, :config, :deletedAt, :updatedAt)
            ON CONFLICT (guild_id) DO UPDATE SET status = excluded.status, config = excluded.config,
                deleted_at = excluded.deleted_at, updated_at = excluded.updated_at""";
    private static final String PURGE = """
            DELETE FROM guild_config WHERE deleted_at IS NOT NULL AND deleted_at < :cutoff""";

    private static final String LIVE = """
            SELECT guild_id, status, config, deleted_at, updated_at FROM guild_config WHERE deleted_at IS NULL""";

    private final Jdbi jdbi;
    private final ObjectMapper json;

    JdbiGuildConfigStore(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    @Override
    public Optional<GuildConfig> find(GuildId guild) {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(FIND)
                    .bind("guild", guild.value())
                    .map((rs, ctx) -> read(guild, rs))
                    .findOne());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED, "could not read the config of guild " + guild, e);
        }
    }

    @Override
    public void save(GuildConfig config) {
        GuildConfig stored = StoredInstants.normalized(config);
        String document;
        try {
            document = json.writeValueAsString(GuildConfigDocument.of(stored));
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not encode the config of guild " + config.guild(), e);
        }
        try {
            jdbi.useHandle(handle -> handle.createUpdate(UPSERT)
                    .bind("guild", stored.guild().value())
                    .bind("status", stored.status().name())
                    .bind("config", document)
                    .bind("deletedAt", stored.deletedAt().map(StoredInstants::toMillis).orElse(null))
                    .bind("updatedAt", StoredInstants.toMillis(stored.updatedAt()))
                    .execute());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not save the config of guild " + config.guild(), e);
        }
    }

    /** Not scoped by a guild on purpose: a retention sweep over every soft-deleted config. */
    @Override
    public int purgeDeletedBefore(Instant cutoff) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate(PURGE)
                    .bind("cutoff", StoredInstants.ceilMillis(cutoff))
                    .execute());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED, "could not purge deleted guild configs", e);
        }
    }

    /** Reads every live config: rare (a plugin loaded or unloaded), so the JSON is decoded here, not queried. */
    @Override
    public List<GuildId> enabling(String moduleId) {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(LIVE)
                    .map((rs, ctx) -> read(GuildId.of(rs.getLong("guild_id")), rs))
                    .filter(config -> config.enabledModules().contains(moduleId))
                    .map(GuildConfig::guild)
                    .list());
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not list the guilds enabling module " + moduleId, e);
        }
    }

    private GuildConfig read(GuildId guild, ResultSet rs) throws SQLException {
        try {
            GuildConfigDocument document = json.readValue(rs.getString("config"), GuildConfigDocument.class);
            long deletedAt = rs.getLong("deleted_at");
            Optional<Instant> deleted = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deletedAt));
            return document.toConfig(guild, SetupStatus.valueOf(rs.getString("status")), deleted,
                    Instant.ofEpochMilli(rs.getLong("updated_at")));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new StoreException(StoreException.Kind.CORRUPT_DATA,
                    "the stored config of guild " + guild + " cannot be read", e);
        }
    }
}
