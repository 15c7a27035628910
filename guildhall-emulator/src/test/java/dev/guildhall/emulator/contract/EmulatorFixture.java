package dev.guildhall.emulator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.DispatchedEvent;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * One in-process emulator with one guild the bot has joined: the starting point of every route and event test.
 * Ids come from the control API's guild view, where snowflakes are strings.
 */
final class EmulatorFixture implements AutoCloseable {
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(5);

    final DiscordEmulator emulator;
    final EmulatorControl control;
    final DiscordRest rest;
    final long guildId;
    final long generalChannelId;
    final long ownerId;
    final long applicationId;

    private EmulatorFixture(DiscordEmulator emulator) {
        this.emulator = emulator;
        this.control = emulator.control();
        this.rest = DiscordRest.checked(emulator.restBaseUrl(), emulator.botToken());
        this.applicationId = emulator.applicationId();
        JsonNode guild = control.createGuild("Contract Club", "owner");
        this.guildId = guild.path("id").asLong();
        this.ownerId = guild.path("owner_id").asLong();
        this.generalChannelId = channelNamed(guild, "general");
        control.botJoin(guildId);
    }

    /** Starts an emulator; closes it again if the fixture cannot be built, so no port leaks. */
    static EmulatorFixture start() {
        return start(EmulatorOptions.defaults());
    }

    static EmulatorFixture start(EmulatorOptions options) {
        DiscordEmulator emulator = DiscordEmulator.start(options);
        try {
            return new EmulatorFixture(emulator);
        } catch (RuntimeException | AssertionError e) {
            emulator.close();
            throw e;
        }
    }

    static long channelNamed(JsonNode guildView, String name) {
        for (JsonNode channel : guildView.path("channels")) {
            if (name.equals(channel.path("name").asText())) {
                return channel.path("id").asLong();
            }
        }
        throw new AssertionError("guild view has no channel named " + name + ": " + guildView.path("channels"));
    }

    /** The control API's view of one member; its id may sit at {@code user.id} (Discord's shape) or {@code id}. */
    JsonNode memberView(long userId) {
        for (JsonNode member : control.guild(guildId).path("members")) {
            String id = member.path("user").path("id").asText(member.path("id").asText(member.path("user_id").asText()));
            if (Long.toString(userId).equals(id)) {
                return member;
            }
        }
        throw new AssertionError("guild view has no member " + userId + ": " + control.guild(guildId).path("members"));
    }

    /** A raw gateway connection as the bot, past READY; the caller closes it. */
    RawGatewayClient readyGateway() {
        RawGatewayClient gateway = RawGatewayClient.connect(emulator.gatewayUrl(), emulator.botToken());
        gateway.awaitDispatch("READY", d -> true, EVENT_TIMEOUT);
        return gateway;
    }

    DispatchedEvent awaitEvent(String type, Predicate<JsonNode> data) {
        return control.awaitEvent(e -> type.equals(e.type()) && data.test(e.data()), EVENT_TIMEOUT);
    }

    static Predicate<JsonNode> field(String name, Object value) {
        return data -> String.valueOf(value).equals(data.path(name).asText());
    }

    static ObjectNode object() {
        return OpenApiContract.JSON.createObjectNode();
    }

    static ArrayNode array() {
        return OpenApiContract.JSON.createArrayNode();
    }

    static ObjectNode slashCommand(String name, String description) {
        return object().put("name", name).put("description", description).put("type", 1);
    }

    static ObjectNode message(String content) {
        return object().put("content", content);
    }

    /** Registers a guild command and returns its id, so an interaction can be invoked. */
    String registerGuildCommand(String name) {
        return rest.post("/applications/{application_id}/guilds/{guild_id}/commands",
                slashCommand(name, "Contract test command"), applicationId, guildId).id();
    }

    List<DispatchedEvent> eventsOfType(String type) {
        return control.events().stream().filter(e -> type.equals(e.type())).toList();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
