package dev.guildhall.store;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.GuildId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON of {@code guild_config.config}: what a guild's config holds beyond the columns {@code guild_id},
 * {@code status}, {@code deleted_at} and {@code updated_at}. {@code version} lets a later release read older rows.
 */
record GuildConfigDocument(int version, SetupSettings settings, Map<String, ManagedResource> channels,
                           Map<String, ManagedResource> roles, Set<String> enabledModules) {
    // 2: channels and roles keyed by the declaring resource's key; the signup message belongs to its module
    static final int CURRENT_VERSION = 2;

    // Version 1 kept channels and roles under enum names. Its three channels were the disc golf module's (the only
    // module then); its signup message is not carried over, and the module posts a new one on the next /setup.
    private static final Map<String, String> LEGACY_CHANNELS = Map.of(
            "EVENTS", "frolf.events", "LEADERBOARD", "frolf.leaderboard", "SIGNUP", "frolf.signup");
    private static final Map<String, String> LEGACY_ROLES = Map.of(
            "PLAYER", "player", "EDITOR", "editor", "ADMIN", "admin");

    private static Map<String, ManagedResource> keyed(Map<String, ManagedResource> legacy, Map<String, String> keys) {
        Map<String, ManagedResource> upgraded = new HashMap<>();
        legacy.forEach((name, resource) -> {
            if (keys.containsKey(name)) upgraded.put(keys.get(name), resource);
        });
        return upgraded;
    }

    static GuildConfigDocument of(GuildConfig config) {
        return new GuildConfigDocument(CURRENT_VERSION, config.settings(), config.channels(), config.roles(),
                new TreeSet<>(config.enabledModules()));
    }

    GuildConfig toConfig(GuildId guild, SetupStatus status, Optional<Instant> deletedAt, Instant updatedAt) {
        return new GuildConfig(guild, status, settings,
                channels == null ? Map.of() : version < 2 ? keyed(channels, LEGACY_CHANNELS) : channels,
                roles == null ? Map.of() : version < 2 ? keyed(roles, LEGACY_ROLES) : roles,
                enabledModules == null ? Set.of() : enabledModules,
                deletedAt, updatedAt);
    }
}
