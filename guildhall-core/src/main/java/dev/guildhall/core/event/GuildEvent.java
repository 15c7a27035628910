package dev.guildhall.core.event;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;

/** Something that happened in one guild, as modules see it: no Discord client types, only typed ids and values. */
public sealed interface GuildEvent permits GuildEvent.GuildJoined, GuildEvent.GuildLeft, GuildEvent.ChannelDeleted,
        GuildEvent.RoleDeleted, GuildEvent.MemberJoined, GuildEvent.MemberLeft, GuildEvent.MessagePosted,
        GuildEvent.ReactionAdded, GuildEvent.TimerFired, InteractionEvent {

    /** A short, stable name of the event's kind, used in logs, metrics and bus subjects. */
    String kind();

    /** The bot joined the guild, or the guild became available with the bot in it. */
    record GuildJoined(String name) implements GuildEvent {
        public String kind() { return "guild_joined"; }
    }

    /** The bot left or was removed from the guild. */
    record GuildLeft() implements GuildEvent {
        public String kind() { return "guild_left"; }
    }

    record ChannelDeleted(ChannelId channel) implements GuildEvent {
        public String kind() { return "channel_deleted"; }
    }

    record RoleDeleted(RoleId role) implements GuildEvent {
        public String kind() { return "role_deleted"; }
    }

    record MemberJoined(UserId user) implements GuildEvent {
        public String kind() { return "member_joined"; }
    }

    record MemberLeft(UserId user) implements GuildEvent {
        public String kind() { return "member_left"; }
    }

    record MessagePosted(ChannelId channel, MessageId message, UserId author, String content) implements GuildEvent {
        public String kind() { return "message_posted"; }
    }

    /** A reaction by a member; {@code emoji} is the unicode character or {@code name:id} of a custom emoji. */
    record ReactionAdded(ChannelId channel, MessageId message, UserId user, String emoji) implements GuildEvent {
        public String kind() { return "reaction_added"; }
    }

    /**
     * A timer a module set with {@link dev.guildhall.core.port.Timers} came due. It travels like any other event, so
     * it is handled in order with the guild's other events; {@code name} starts with the module's id.
     */
    record TimerFired(String name, String key) implements GuildEvent {
        public String kind() { return "timer_fired"; }
    }
}
