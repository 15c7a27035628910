package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Drives the emulated Discord from a test or the sandbox: acts as human users, inspects state and the bot's calls.
 * The same operations are served over HTTP under {@code /control}.
 */
public interface EmulatorControl {

    /** A guild with an {@code @everyone} role, a #general text channel and an owner holding an "Admin" role (ADMINISTRATOR); the bot is not joined. */
    JsonNode createGuild(String name, String ownerName);

    /** Emits GUILD_MEMBER_ADD if the bot is in the guild. */
    long addMember(long guildId, String username, boolean administrator, List<Long> roleIds);

    /** The member leaves; emits GUILD_MEMBER_REMOVE if the bot is in the guild. (Beyond the first agreed API; additive.) */
    void removeMember(long guildId, long userId);

    /** The bot becomes a member; GUILD_CREATE goes to the guild's shard. */
    void botJoin(long guildId);

    /** GUILD_DELETE {id, unavailable:false}; the bot's guild commands there are dropped, as Discord does. */
    void botLeave(long guildId);

    long createChannelAsUser(long guildId, String name);

    void deleteChannelAsUser(long guildId, long channelId);

    long createRoleAsUser(long guildId, String name, long permissions);

    void deleteRoleAsUser(long guildId, long roleId);

    long postMessageAsUser(long channelId, long userId, String content);

    void addReactionAsUser(long channelId, long messageId, long userId, String emoji);

    /**
     * Runs a slash command ({@code "setup"} or {@code "round create"}) and waits up to {@code timeout} for the first
     * callback. Throws IllegalArgumentException if the command is not registered for that guild (guild or global).
     */
    InteractionOutcome invokeCommand(long guildId, long channelId, long userId, String commandLine,
            Map<String, Object> options, Duration timeout);

    InteractionOutcome clickButton(long guildId, long channelId, long messageId, long userId, String customId,
            Duration timeout);

    /** The modal must have been opened for that user (callback type 9); the submission mirrors its layout. */
    InteractionOutcome submitModal(long guildId, long channelId, long userId, String customId,
            Map<String, String> values, Duration timeout);

    InteractionOutcome interaction(String interactionId);

    /** {id,name,owner_id,bot_joined,channels[],roles[],members[]}. */
    JsonNode guild(long guildId);

    List<JsonNode> guilds();

    /** The guild's scheduled events as Discord returns them (external: entity_metadata.location), oldest first. */
    List<JsonNode> scheduledEvents(long guildId);

    /** Oldest first; ephemeral replies excluded. Works for threads too: a thread is a channel. */
    List<JsonNode> messages(long channelId);

    /** Global commands when {@code guildId} is empty. */
    List<JsonNode> commands(OptionalLong guildId);

    List<RecordedRequest> requests();

    void clearRequests();

    /** The next {@code count} calls of {@code method} on {@code route} (OpenAPI template) answer {@code status}. */
    void injectFailure(String method, String route, int status, int count);

    List<DispatchedEvent> events();

    /** Waits for a matching dispatch (already sent ones count); IllegalStateException on timeout. */
    DispatchedEvent awaitEvent(Predicate<DispatchedEvent> match, Duration timeout);
}
