package dev.guildhall.core.guild;

import dev.guildhall.core.id.GuildId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A guild's setup: the settings chosen, the channels and roles managed for it, the modules it enabled, and whether
 * it is soft-deleted (the bot left or an admin reset it; kept 30 days). Channels and roles are keyed by the resource
 * key that declared them: {@code <module>.<name>} for a module's resources, {@link RoleKind#key()} for the platform's
 * permission-level roles.
 */
public record GuildConfig(GuildId guild, SetupStatus status, SetupSettings settings,
                          Map<String, ManagedResource> channels, Map<String, ManagedResource> roles,
                          Set<String> enabledModules, Optional<Instant> deletedAt, Instant updatedAt) {
    public GuildConfig {
        channels = Map.copyOf(channels);
        roles = Map.copyOf(roles);
        enabledModules = Set.copyOf(enabledModules);
    }

    public static GuildConfig started(GuildId guild, SetupSettings settings, Instant now) {
        return new GuildConfig(guild, SetupStatus.IN_PROGRESS, settings, Map.of(), Map.of(), Set.of(),
                Optional.empty(), now);
    }

    /** Set up, complete and not deleted: the guild gets its full command set. */
    public boolean isConfigured() {
        return status == SetupStatus.COMPLETE && deletedAt.isEmpty();
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    /** The channel declared under {@code key} (e.g. {@code club.events}), if setup made or adopted one. */
    public Optional<ManagedResource> channel(String key) {
        return Optional.ofNullable(channels.get(key));
    }

    /** The channel under {@code key} unless someone deleted it in Discord since. */
    public Optional<ManagedResource> liveChannel(String key) {
        return channel(key).filter(r -> !r.missing());
    }

    public Optional<ManagedResource> role(RoleKind kind) {
        return role(kind.key());
    }

    public Optional<ManagedResource> role(String key) {
        return Optional.ofNullable(roles.get(key));
    }

    public GuildConfig withStatus(SetupStatus newStatus, Instant now) {
        return new GuildConfig(guild, newStatus, settings, channels, roles, enabledModules, deletedAt, now);
    }

    public GuildConfig withSettings(SetupSettings newSettings, Instant now) {
        return new GuildConfig(guild, status, newSettings, channels, roles, enabledModules, deletedAt, now);
    }

    public GuildConfig withChannel(String key, ManagedResource resource, Instant now) {
        return new GuildConfig(guild, status, settings, with(channels, key, resource), roles, enabledModules,
                deletedAt, now);
    }

    public GuildConfig withRole(RoleKind kind, ManagedResource resource, Instant now) {
        return withRole(kind.key(), resource, now);
    }

    public GuildConfig withRole(String key, ManagedResource resource, Instant now) {
        return new GuildConfig(guild, status, settings, channels, with(roles, key, resource), enabledModules,
                deletedAt, now);
    }

    public GuildConfig withEnabledModules(Set<String> modules, Instant now) {
        return new GuildConfig(guild, status, settings, channels, roles, modules, deletedAt, now);
    }

    /** Forgets every managed channel and role (after reset deleted what it created). */
    public GuildConfig withoutResources(Instant now) {
        return new GuildConfig(guild, status, settings, Map.of(), Map.of(), enabledModules, deletedAt, now);
    }

    public GuildConfig softDeleted(Instant now) {
        return new GuildConfig(guild, status, settings, channels, roles, enabledModules, Optional.of(now), now);
    }

    public GuildConfig restored(Instant now) {
        return new GuildConfig(guild, status, settings, channels, roles, enabledModules, Optional.empty(), now);
    }

    private static Map<String, ManagedResource> with(Map<String, ManagedResource> map, String key,
                                                     ManagedResource resource) {
        Map<String, ManagedResource> next = new HashMap<>(map);
        next.put(key, resource);
        return next;
    }
}
