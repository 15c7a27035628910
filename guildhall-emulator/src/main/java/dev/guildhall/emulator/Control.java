package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** The control operations, acting as human users of the emulated Discord. */
final class Control implements EmulatorControl {
    private final World world;
    private final Commands commands;
    private final Interactions interactions;
    private final RestSupport rest;

    Control(World world, Commands commands, Interactions interactions, RestSupport rest) {
        this.world = world;
        this.commands = commands;
        this.interactions = interactions;
        this.rest = rest;
    }

    @Override
    public JsonNode createGuild(String name, String ownerName) {
        return world.locked(() -> world.views.controlGuild(world.createGuild(name, ownerName)));
    }

    @Override
    public long addMember(long guildId, String username, boolean administrator, List<Long> roleIds) {
        return world.addMember(guildId, username, administrator, roleIds);
    }

    @Override
    public void removeMember(long guildId, long userId) {
        world.removeMember(guildId, userId);
    }

    @Override
    public void botJoin(long guildId) {
        world.botJoin(guildId);
    }

    @Override
    public void botLeave(long guildId) {
        world.botLeave(guildId);
        commands.dropGuild(guildId);
    }

    @Override
    public long createChannelAsUser(long guildId, String name) {
        World.requireName(name, "name", 1, 100);
        return world.createChannel(guildId, name, 0, c -> { }).id;
    }

    @Override
    public void deleteChannelAsUser(long guildId, long channelId) {
        world.deleteChannel(guildId, channelId);
    }

    @Override
    public long createRoleAsUser(long guildId, String name, long permissions) {
        World.requireName(name, "name", 1, 100);
        return world.createRole(guildId, name, permissions, r -> { }).id;
    }

    @Override
    public void deleteRoleAsUser(long guildId, long roleId) {
        world.deleteRole(guildId, roleId);
    }

    @Override
    public long postMessageAsUser(long channelId, long userId, String content) {
        return world.locked(() -> {
            Model.Channel channel = world.channel(channelId);
            world.member(world.guild(channel.guildId), userId);
            return world.createMessage(channelId, userId, MessageBody.of(content).requireSomething(), m -> { }).id;
        });
    }

    @Override
    public void addReactionAsUser(long channelId, long messageId, long userId, String emoji) {
        world.locked(() -> {
            Model.Channel channel = world.channel(channelId);
            world.member(world.guild(channel.guildId), userId);
            world.react(channelId, messageId, userId, emoji, true);
            return null;
        });
    }

    @Override
    public InteractionOutcome invokeCommand(long guildId, long channelId, long userId, String commandLine,
            Map<String, Object> options, Duration timeout) {
        return interactions.invokeCommand(guildId, channelId, userId, commandLine, options, timeout);
    }

    @Override
    public InteractionOutcome clickButton(long guildId, long channelId, long messageId, long userId, String customId,
            Duration timeout) {
        return interactions.clickButton(guildId, channelId, messageId, userId, customId, timeout);
    }

    @Override
    public InteractionOutcome submitModal(long guildId, long channelId, long userId, String customId,
            Map<String, String> values, Duration timeout) {
        return interactions.submitModal(guildId, channelId, userId, customId, values, timeout);
    }

    @Override
    public InteractionOutcome interaction(String interactionId) {
        return interactions.outcome(interactionId);
    }

    @Override
    public JsonNode guild(long guildId) {
        return world.locked(() -> world.views.controlGuild(world.guild(guildId)));
    }

    @Override
    public List<JsonNode> guilds() {
        return world.locked(() -> world.guilds().stream().map(g -> (JsonNode) world.views.controlGuild(g)).toList());
    }

    @Override
    public List<JsonNode> scheduledEvents(long guildId) {
        return new ThreadsAndEvents(world).events(guildId);
    }

    @Override
    public List<JsonNode> messages(long channelId) {
        return world.messages(channelId, false);
    }

    @Override
    public List<JsonNode> commands(OptionalLong guildId) {
        return commands.list(guildId.isPresent() ? guildId.getAsLong() : null);
    }

    @Override
    public List<RecordedRequest> requests() {
        return rest.requests();
    }

    @Override
    public void clearRequests() {
        rest.clearRequests();
    }

    @Override
    public void injectFailure(String method, String route, int status, int count) {
        rest.injectFailure(method, route, status, count);
    }

    @Override
    public List<DispatchedEvent> events() {
        return world.dispatcher.events();
    }

    @Override
    public DispatchedEvent awaitEvent(Predicate<DispatchedEvent> match, Duration timeout) {
        return world.dispatcher.await(match, timeout);
    }
}
