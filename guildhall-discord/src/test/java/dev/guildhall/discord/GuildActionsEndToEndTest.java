package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordCallException.Kind;
import dev.guildhall.emulator.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;

import static dev.guildhall.discord.EmulatedDiscord.channelNamed;
import static dev.guildhall.discord.EmulatedDiscord.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatedDiscordExtension.class)
class GuildActionsEndToEndTest {
    private static final String ROLES_ROUTE = "/guilds/{guild_id}/roles";

    private final EmulatedDiscord discord;

    GuildActionsEndToEndTest(EmulatedDiscord discord) {
        this.discord = discord;
    }

    private GuildId guild(String name) {
        return GuildId.of(id(discord.joinedGuild(name)));
    }

    private List<JsonNode> named(GuildId guild, String collection, String name) {
        return StreamSupport.stream(discord.control().guild(guild.value()).get(collection).spliterator(), false)
                .filter(n -> name.equals(n.get("name").asText()))
                .toList();
    }

    @Test
    void creatingATextChannelReturnsTheIdDiscordGaveIt() {
        GuildId guild = guild("Channel Builders");

        long created = discord.port().execute(new Action.CreateTextChannel(guild, "frolf-rounds")).requireCreatedId();

        assertThat(named(guild, "channels", "frolf-rounds")).singleElement()
                .satisfies(c -> assertThat(id(c)).isEqualTo(created));
    }

    @Test
    void creatingARoleReturnsItsIdAndGivesItNoPermissions() {
        GuildId guild = guild("Role Builders");

        long created = discord.port().execute(new Action.CreateRole(guild, "Frolfer")).requireCreatedId();

        assertThat(named(guild, "roles", "Frolfer")).singleElement().satisfies(r -> {
            assertThat(id(r)).isEqualTo(created);
            assertThat(r.get("permissions").asText()).isEqualTo("0");
        });
    }

    @Test
    void deletingAChannelAndARoleRemovesThem() {
        GuildId guild = guild("Demolition");
        long channel = discord.port().execute(new Action.CreateTextChannel(guild, "old-rounds")).requireCreatedId();
        long role = discord.port().execute(new Action.CreateRole(guild, "Old")).requireCreatedId();
        // JDA resolves channels and roles from its cache, which the gateway's create events fill
        EmulatedDiscord.await(() -> discord.port().guild(guild).flatMap(g -> g.role(RoleId.of(role)))
                .flatMap(r -> discord.port().guild(guild).flatMap(g -> g.channel(ChannelId.of(channel)))).orElse(null),
                "the created channel and role in the cache");

        discord.port().execute(new Action.DeleteChannel(guild, ChannelId.of(channel)));
        discord.port().execute(new Action.DeleteRole(guild, RoleId.of(role)));

        assertThat(named(guild, "channels", "old-rounds")).isEmpty();
        assertThat(named(guild, "roles", "Old")).isEmpty();
    }

    @Test
    void sendingAMessagePostsItWithEmbedsAndButtons() {
        JsonNode view = discord.joinedGuild("Post Office");
        GuildId guild = GuildId.of(id(view));
        long general = channelNamed(view, "general");
        MessageContent content = new MessageContent("Sunday round", List.of(new Embed("Maple Hill", "18 holes",
                List.of(), 0x00FF00)), List.of(new ButtonSpec("rsvp:yes", "Going", ButtonSpec.Style.SUCCESS)));

        long message = discord.port().execute(new Action.SendMessage(guild, ChannelId.of(general), content))
                .requireCreatedId();

        JsonNode posted = discord.control().messages(general).stream().filter(m -> id(m) == message)
                .findFirst().orElseThrow();
        assertThat(posted.get("content").asText()).isEqualTo("Sunday round");
        assertThat(posted.get("embeds").get(0).get("title").asText()).isEqualTo("Maple Hill");
        assertThat(posted.get("components").get(0).get("components").get(0).get("custom_id").asText())
                .isEqualTo("rsvp:yes");
        assertThat(posted.get("author").get("id").asLong()).isEqualTo(discord.connection.selfUserId());
    }

    @Test
    void addingAReactionPutsTheBotsReactionOnTheMessage() {
        JsonNode view = discord.joinedGuild("Reactors");
        GuildId guild = GuildId.of(id(view));
        long general = channelNamed(view, "general");
        long user = discord.control().addMember(guild.value(), "poster", false, List.of());
        long message = discord.control().postMessageAsUser(general, user, "signup here");

        discord.port().execute(new Action.AddReaction(guild, ChannelId.of(general), MessageId.of(message), "✅"));

        JsonNode reacted = discord.control().messages(general).stream().filter(m -> id(m) == message)
                .findFirst().orElseThrow();
        assertThat(reacted.get("reactions")).anySatisfy(r -> {
            assertThat(r.get("emoji").get("name").asText()).isEqualTo("✅");
            assertThat(r.get("me").asBoolean()).isTrue();
        });
    }

    @Test
    void syncingCommandsOverwritesTheWholeSetWithOneRequest() {
        GuildId guild = guild("Command Sync");
        discord.port().execute(new Action.SyncGuildCommands(guild, List.of(
                CommandSpec.of("old", "Goes away", PermissionLevel.EVERYONE))));
        discord.control().clearRequests();
        List<CommandSpec> commands = List.of(
                CommandSpec.of("setup", "Set up Guildhall", PermissionLevel.ADMIN),
                new CommandSpec("round", "Rounds", PermissionLevel.PLAYER, List.of(
                        OptionSpec.subcommand("create", "Create a round", List.of(
                                OptionSpec.of("course", "Course", OptionSpec.Type.STRING, true))))));

        discord.port().execute(new Action.SyncGuildCommands(guild, commands));

        List<RecordedRequest> calls = discord.control().requests();
        assertThat(calls).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.route()).isEqualTo("/applications/{application_id}/guilds/{guild_id}/commands");
        });
        List<JsonNode> registered = discord.control().commands(OptionalLong.of(guild.value()));
        assertThat(registered).extracting(c -> c.get("name").asText()).containsExactlyInAnyOrder("setup", "round");
        JsonNode round = registered.stream().filter(c -> c.get("name").asText().equals("round")).findFirst().orElseThrow();
        assertThat(round.get("options").get(0).get("name").asText()).isEqualTo("create");
        assertThat(round.get("options").get(0).get("type").asInt()).isEqualTo(1);
        assertThat(round.get("options").get(0).get("options").get(0).get("required").asBoolean()).isTrue();
    }

    @Test
    void aServerErrorOnRoleCreationFailsAsServerError() {
        GuildId guild = guild("Broken Roles");
        discord.control().clearRequests();
        // JDA retries only 502, 503 and 504 (four attempts in all); a 500 fails on the first answer
        discord.control().injectFailure("POST", ROLES_ROUTE, 500, 1);

        assertKind(() -> discord.port().execute(new Action.CreateRole(guild, "Never")), Kind.SERVER_ERROR, guild);
        assertThat(discord.control().requests()).filteredOn(r -> r.route().equals(ROLES_ROUTE)).hasSize(1);
        assertThat(named(guild, "roles", "Never")).isEmpty();
    }

    @Test
    void anUnavailableDiscordIsRetriedByJdaBeforeItFails() {
        GuildId guild = guild("Flaky Roles");
        discord.control().clearRequests();
        discord.control().injectFailure("POST", ROLES_ROUTE, 503, 4);

        assertKind(() -> discord.port().execute(new Action.CreateRole(guild, "Never")), Kind.SERVER_ERROR, guild);
        assertThat(discord.control().requests()).filteredOn(r -> r.route().equals(ROLES_ROUTE)).hasSize(4);
    }

    @Test
    void aPassingOutageIsRiddenOutByJdasRetries() {
        GuildId guild = guild("Recovering Roles");
        discord.control().injectFailure("POST", ROLES_ROUTE, 503, 2);

        long created = discord.port().execute(new Action.CreateRole(guild, "Survivor")).requireCreatedId();

        assertThat(named(guild, "roles", "Survivor")).singleElement().satisfies(r -> assertThat(id(r)).isEqualTo(created));
    }

    @Test
    void forbiddenAndMissingAnswersMapToTheirKinds() {
        GuildId guild = guild("Refusals");
        discord.control().injectFailure("POST", "/guilds/{guild_id}/channels", 403, 1);
        assertKind(() -> discord.port().execute(new Action.CreateTextChannel(guild, "nope")), Kind.FORBIDDEN, guild);

        discord.control().injectFailure("POST", "/guilds/{guild_id}/channels", 404, 1);
        assertKind(() -> discord.port().execute(new Action.CreateTextChannel(guild, "nope")), Kind.NOT_FOUND, guild);

        discord.control().injectFailure("POST", "/guilds/{guild_id}/channels", 400, 1);
        assertKind(() -> discord.port().execute(new Action.CreateTextChannel(guild, "nope")), Kind.INVALID_REQUEST, guild);
    }

    @Test
    void actingOnSomethingTheBotCannotSeeIsNotFound() {
        GuildId guild = guild("Missing Things");
        GuildId elsewhere = GuildId.of(id(discord.control().createGuild("Not Joined", "x")));

        assertKind(() -> discord.port().execute(new Action.DeleteChannel(guild, ChannelId.of(42L))), Kind.NOT_FOUND, guild);
        assertKind(() -> discord.port().execute(new Action.DeleteRole(guild, RoleId.of(42L))), Kind.NOT_FOUND, guild);
        assertKind(() -> discord.port().execute(new Action.CreateRole(elsewhere, "x")), Kind.NOT_FOUND, elsewhere);
    }

    private void assertKind(ThrowingCallable call, Kind kind, GuildId guild) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DiscordCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains("guild " + guild).doesNotContain(discord.emulator.botToken());
        });
    }
}
