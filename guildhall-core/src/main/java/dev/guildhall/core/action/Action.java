package dev.guildhall.core.action;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.List;

/**
 * Everything a module may ask of Discord. The Discord adapter is the one place that turns an action into a client
 * call; modules never see the client.
 */
public sealed interface Action {

    GuildId guild();

    /** The first answer to an interaction: a message, visible to the invoker only when {@code ephemeral}. */
    record Reply(GuildId guild, InteractionRef interaction, MessageContent message, boolean ephemeral)
            implements Action {}

    /** Answers an interaction by opening a modal (not allowed in answer to a modal submit). */
    record ShowModal(GuildId guild, InteractionRef interaction, ModalSpec modal) implements Action {}

    /** Answers a button click by editing the message that holds the button. */
    record UpdateSourceMessage(GuildId guild, InteractionRef interaction, MessageContent message) implements Action {}

    /** Creates a text channel; the result carries its id. */
    record CreateTextChannel(GuildId guild, String name) implements Action {}

    /** Creates a role with no permissions; the result carries its id. */
    record CreateRole(GuildId guild, String name) implements Action {}

    record DeleteChannel(GuildId guild, ChannelId channel) implements Action {}

    record DeleteRole(GuildId guild, RoleId role) implements Action {}

    /** Posts a message in a channel; the result carries the message id. */
    record SendMessage(GuildId guild, ChannelId channel, MessageContent message) implements Action {}

    /** Adds the bot's reaction; {@code emoji} is a unicode character or {@code name:id}. */
    record AddReaction(GuildId guild, ChannelId channel, MessageId message, String emoji) implements Action {}

    /** Replaces a message the bot posted. */
    record EditMessage(GuildId guild, ChannelId channel, MessageId message, MessageContent content) implements Action {}

    record DeleteMessage(GuildId guild, ChannelId channel, MessageId message) implements Action {}

    /** Starts a public thread on a message; the result carries the thread's channel id. */
    record StartThread(GuildId guild, ChannelId channel, MessageId message, String name) implements Action {}

    /** Creates an external guild scheduled event at {@code location}; the result carries the event's id. */
    record CreateScheduledEvent(GuildId guild, String name, String description, String location, Instant start,
                                Instant end) implements Action {}

    /** Changes a scheduled event's name, description, place and times. */
    record EditScheduledEvent(GuildId guild, long event, String name, String description, String location,
                              Instant start, Instant end) implements Action {}

    record DeleteScheduledEvent(GuildId guild, long event) implements Action {}

    record AddMemberRole(GuildId guild, UserId user, RoleId role) implements Action {}

    record RemoveMemberRole(GuildId guild, UserId user, RoleId role) implements Action {}

    /** Replaces the guild's whole command set with one bulk overwrite. */
    record SyncGuildCommands(GuildId guild, List<CommandSpec> commands) implements Action {
        public SyncGuildCommands {
            commands = List.copyOf(commands);
        }
    }
}
