package dev.guildhall.core.guild;

import dev.guildhall.core.id.GuildId;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A guild's setup: the settings chosen, the channels and roles managed for it, the signup message, the modules it
 * enabled, and whether it is soft-deleted (the bot left or an admin reset it; kept 30 days).
 */
public record GuildConfig(GuildId guild, SetupStatus status, SetupSettings settings,
                          Map<ChannelKind, ManagedResource> channels, Map<RoleKind, ManagedResource> roles,
                          Optional<Long> signupMessage, Set<String> enabledModules,
                          Optional<Instant> deletedAt, Instant updatedAt) {
    public GuildConfig {
        channels = channels.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(channels));
        roles = roles.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(roles));
        enabledModules = Set.copyOf(enabledModules);
    }

    public static GuildConfig started(GuildId guild, SetupSettings settings, Instant now) {
        return new GuildConfig(guild, SetupStatus.IN_PROGRESS, settings, Map.of(), Map.of(), Optional.empty(),
                Set.of(), Optional.empty(), now);
    }

    /** Set up, complete and not deleted: the guild gets its full command set. */
    public boolean isConfigured() {
        return status == SetupStatus.COMPLETE && deletedAt.isEmpty();
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    public Optional<ManagedResource> channel(ChannelKind kind) {
        return Optional.ofNullable(channels.get(kind));
    }

    public Optional<ManagedResource> role(RoleKind kind) {
        return Optional.ofNullable(roles.get(kind));
    }

    public GuildConfig withStatus(SetupStatus newStatus, Instant now) {
        return new GuildConfig(guild, newStatus, settings, channels, roles, signupMessage, enabledModules, deletedAt, now);
    }

    public GuildConfig withSettings(SetupSettings newSettings, Instant now) {
        return new GuildConfig(guild, status, newSettings, channels, roles, signupMessage, enabledModules, deletedAt, now);
    }

    public GuildConfig withChannel(ChannelKind kind, ManagedResource resource, Instant now) {
        Map<ChannelKind, ManagedResource> next = new EnumMap<>(ChannelKind.class);
        next.putAll(channels);
        next.put(kind, resource);
        return new GuildConfig(guild, status, settings, next, roles, signupMessage, enabledModules, deletedAt, now);
    }

    public GuildConfig withRole(RoleKind kind, ManagedResource resource, Instant now) {
        Map<RoleKind, ManagedResource> next = new EnumMap<>(RoleKind.class);
        next.putAll(roles);
        next.put(kind, resource);
        return new GuildConfig(guild, status, settings, channels, next, signupMessage, enabledModules, deletedAt, now);
    }

    public GuildConfig withSignupMessage(Optional<Long> message, Instant now) {
        return new GuildConfig(guild, status, settings, channels, roles, message, enabledModules, deletedAt, now);
    }

    public GuildConfig withEnabledModules(Set<String> modules, Instant now) {
        return new GuildConfig(guild, status, settings, channels, roles, signupMessage, modules, deletedAt, now);
    }

    public GuildConfig softDeleted(Instant now) {
        return new GuildConfig(guild, status, settings, channels, roles, signupMessage, enabledModules, Optional.of(now), now);
    }

    public GuildConfig restored(Instant now) {
        return new GuildConfig(guild, status, settings, channels, roles, signupMessage, enabledModules, Optional.empty(), now);
    }
}
