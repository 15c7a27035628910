package dev.guildhall.core.port;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores each guild's setup configuration, including soft-deleted ones. Every call is scoped by one guild. */
public interface GuildConfigStore {

    Optional<GuildConfig> find(GuildId guild);

    /** Inserts or replaces the guild's configuration. */
    void save(GuildConfig config);

    /** Removes configurations soft-deleted before {@code cutoff}; returns how many. */
    int purgeDeletedBefore(Instant cutoff);

    /**
     * The guilds, not deleted, whose configuration enables this module: those whose commands change when the module
     * is loaded or unloaded at runtime. Not scoped by one guild on purpose; it returns ids only.
     */
    List<GuildId> enabling(String moduleId);
}
