package dev.guildhall.store;

import dev.guildhall.core.guild.ChannelKind;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.GuildId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON of {@code guild_config.config}: what a guild's config holds beyond the columns {@code guild_id},
 * {@code status}, {@code deleted_at} and {@code updated_at}. {@code version} lets a later release read older rows.
 */
record GuildConfigDocument(int version, SetupSettings settings, Map<ChannelKind, ManagedResource> channels,
                           Map<RoleKind, ManagedResource> roles, Optional<Long> signupMessage,
                           Set<String> enabledModules) {
    static final int CURRENT_VERSION = 1;

    static GuildConfigDocument of(GuildConfig config) {
        return new GuildConfigDocument(CURRENT_VERSION, config.settings(), config.channels(), config.roles(),
                config.signupMessage(), new TreeSet<>(config.enabledModules()));
    }

    GuildConfig toConfig(GuildId guild, SetupStatus status, Optional<Instant> deletedAt, Instant updatedAt) {
        return new GuildConfig(guild, status, settings,
                channels == null ? Map.of() : channels,
                roles == null ? Map.of() : roles,
                signupMessage == null ? Optional.empty() : signupMessage,
                enabledModules == null ? Set.of() : enabledModules,
                deletedAt, updatedAt);
    }
}
