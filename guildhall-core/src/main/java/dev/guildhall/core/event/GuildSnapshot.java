package dev.guildhall.core.event;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;

import java.util.List;
import java.util.Optional;

/** What a guild holds right now, as far as setup needs to know: its text channels and roles by name. */
public record GuildSnapshot(GuildId id, String name, List<Channel> channels, List<Role> roles) {
    public GuildSnapshot {
        channels = List.copyOf(channels);
        roles = List.copyOf(roles);
    }

    public record Channel(ChannelId id, String name) {}

    /** A role and its guild-wide permissions (Discord's bit set). */
    public record Role(RoleId id, String name, long permissions) {
        public Role(RoleId id, String name) {
            this(id, name, 0L);
        }
    }

    public Optional<Channel> channel(ChannelId channel) {
        return channels.stream().filter(c -> c.id().equals(channel)).findFirst();
    }

    public Optional<Channel> channelNamed(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Role> role(RoleId role) {
        return roles.stream().filter(r -> r.id().equals(role)).findFirst();
    }

    public Optional<Role> roleNamed(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
