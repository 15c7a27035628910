package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.app.EmulatorDriver.TestGuild;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.guildhall.app.EmulatorDriver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The guild lifecycle end to end: the real JDA client against the emulator, the bot wired as in production. */
class GuildLifecycleEndToEndTest {
    /** A set-up guild's commands: setup's, the admin module's, and the enabled frolf module's (sorted). */
    static final List<String> FULL_SET = List.of("claimtag", "config", "leaderboard", "modules", "reset", "round",
            "season", "setup");
    private static final String COMMANDS_ROUTE = "/applications/{application_id}/guilds/{guild_id}/commands";

    @TempDir
    static Path dataDir;
    static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = new BotHarness(dataDir);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private TestGuild joinedGuild(String name) {
        TestGuild guild = bot.newGuild(name);
        bot.control().botJoin(guild.id());
        eventually(() -> bot.commandNames(guild), names -> names.equals(List.of("setup")));
        return guild;
    }

    private static int responseType(InteractionOutcome outcome) {
        return outcome.response().orElseThrow(() -> new AssertionError("no response: " + outcome)).get("type").asInt();
    }

    private static JsonNode responseData(InteractionOutcome outcome) {
        return outcome.response().orElseThrow().get("data");
    }

    private static boolean isEphemeral(InteractionOutcome outcome) {
        return (responseData(outcome).path("flags").asInt() & 64) != 0;
    }

    @Test
    void aNewGuildGetsOnlySetup() {
        TestGuild guild = joinedGuild("Only Setup");

        assertThat(bot.commandNames(guild)).containsExactly("setup");
        assertThat(bot.config(guild)).isEmpty();
    }

    @Test
    void aMemberWithoutAdministratorIsRefusedEphemerally() {
        TestGuild guild = joinedGuild("Refusal");

        InteractionOutcome outcome = bot.command(guild, guild.member(), "setup");

        assertThat(responseType(outcome)).isEqualTo(4);
        assertThat(isEphemeral(outcome)).isTrue();
        assertThat(responseData(outcome).get("content").asText()).contains("not allowed").contains("Administrator");
        assertThat(bot.config(guild)).isEmpty();
    }

    @Test
    void setupCreatesThreeChannelsAndThreeRolesStoresTheConfigAndSyncsTheFullSet() {
        TestGuild guild = joinedGuild("Fresh Club");

        InteractionOutcome done = bot.setUp(guild, "frolf");

        assertThat(responseType(done)).isEqualTo(4);
        assertThat(responseData(done).get("embeds").get(0).get("title").asText()).isEqualTo("Guildhall is set up");
        assertThat(bot.channelNames(guild)).contains("frolf-events", "frolf-leaderboard", "frolf-signup");
        assertThat(bot.roleNames(guild)).contains("Frolf Player", "Frolf Editor", "Frolf Admin");
        GuildConfig config = bot.config(guild).orElseThrow();
        assertThat(config.status()).isEqualTo(SetupStatus.COMPLETE);
        assertThat(config.channels()).containsOnlyKeys("frolf.events", "frolf.leaderboard", "frolf.signup");
        assertThat(config.channels().values()).allMatch(ManagedResource::created);
        assertThat(config.roles()).containsOnlyKeys("player", "editor", "admin");
        assertThat(config.roles().values()).allMatch(ManagedResource::created);
        long signupChannel = config.channel(FrolfResources.SIGNUP.key()).orElseThrow().id();
        List<JsonNode> signup = bot.control().messages(signupChannel);
        assertThat(signup).singleElement().satisfies(message -> {
            assertThat(message.get("content").asText()).isEqualTo("React to this message to sign up as a player!");
            assertThat(message.get("reactions").get(0).get("emoji").get("name").asText()).isEqualTo("🥏");
        });
        eventually(() -> bot.commandNames(guild), names -> names.equals(FULL_SET));
    }

    @Test
    void runningSetupAgainDuplicatesNothing() {
        TestGuild guild = joinedGuild("Twice");
        bot.setUp(guild, "frolf");
        List<String> channels = bot.channelNames(guild);
        List<String> roles = bot.roleNames(guild);

        InteractionOutcome again = bot.setUp(guild, "frolf");

        assertThat(responseData(again).get("embeds").get(0).get("title").asText()).isEqualTo("Guildhall setup updated");
        assertThat(bot.channelNames(guild)).isEqualTo(channels);
        assertThat(bot.roleNames(guild)).isEqualTo(roles);
    }

    @Test
    void resetRemovesOnlyWhatSetupCreated() {
        TestGuild guild = bot.newGuild("Adopting Club");
        long adopted = bot.control().createChannelAsUser(guild.id(), "frolf-events");
        bot.control().botJoin(guild.id());
        eventually(() -> bot.commandNames(guild), names -> names.equals(List.of("setup")));
        bot.setUp(guild, "frolf");
        assertThat(bot.config(guild).orElseThrow().channel(FrolfResources.EVENTS.key()).orElseThrow())
                .isEqualTo(ManagedResource.adopted(adopted));
        eventually(() -> bot.commandNames(guild), names -> names.equals(FULL_SET));

        InteractionOutcome confirm = bot.command(guild, guild.owner(), "reset");
        assertThat(isEphemeral(confirm)).isTrue();
        long confirmMessage = confirm.original().orElseThrow().get("id").asLong();
        InteractionOutcome clicked = bot.control().clickButton(guild.id(), guild.general(), confirmMessage,
                guild.owner(), "setup:reset:confirm", EmulatorDriver.WAIT);

        assertThat(responseType(clicked)).isEqualTo(7);
        assertThat(bot.channelNames(guild)).contains("frolf-events")
                .doesNotContain("frolf-leaderboard", "frolf-signup");
        assertThat(bot.roleNames(guild)).doesNotContain("Frolf Player", "Frolf Editor", "Frolf Admin");
        assertThat(bot.config(guild).orElseThrow().isConfigured()).isFalse();
        eventually(() -> bot.commandNames(guild), names -> names.equals(List.of("setup")));
    }

    @Test
    void leavingAndRejoiningRestoresTheConfiguration() {
        TestGuild guild = joinedGuild("Leaver");
        bot.setUp(guild, "frolf");

        bot.control().botLeave(guild.id());
        eventually(() -> bot.config(guild).orElseThrow(), GuildConfig::isDeleted);
        bot.control().botJoin(guild.id());

        eventually(() -> bot.config(guild).orElseThrow(), GuildConfig::isConfigured);
        eventually(() -> bot.commandNames(guild), names -> names.equals(FULL_SET));
    }

    @Test
    void aRestartWithNothingChangedMakesNoCommandWrite() {
        TestGuild guild = joinedGuild("Restarted");
        bot.setUp(guild, "frolf");
        eventually(() -> bot.commandNames(guild), names -> names.equals(FULL_SET));

        bot.control().clearRequests();
        bot.restartBot();
        // Events of a guild are handled in order: once this answer arrives, the guild's ready event was handled.
        assertThat(responseType(bot.command(guild, guild.member(), "reset"))).isEqualTo(4);

        assertThat(bot.control().requests()).noneMatch(r -> r.route().equals(COMMANDS_ROUTE) && r.method().equals("PUT"));
        assertThat(bot.commandNames(guild)).isEqualTo(FULL_SET);
    }

    @Test
    void aRestartAfterLeavingAndRejoiningMakesNoCommandWrite() {
        TestGuild guild = joinedGuild("Returning");
        bot.setUp(guild, "frolf");
        eventually(() -> bot.commandNames(guild), names -> names.equals(FULL_SET));
        bot.control().botLeave(guild.id());
        eventually(() -> bot.config(guild).orElseThrow(), GuildConfig::isDeleted);
        assertThat(bot.commandNames(guild)).as("Discord drops a guild's commands when the bot leaves").isEmpty();

        bot.control().clearRequests();
        bot.control().botJoin(guild.id());
        // the re-join writes the set once; its PUT is recorded once Discord has answered it
        eventually(() -> bot.control().requests(), requests -> requests.stream().anyMatch(r -> isCommandWrite(r, guild)));
        eventually(() -> bot.commandNames(guild), names -> names.equals(FULL_SET));

        bot.control().clearRequests();
        bot.restartBot();
        // Events of a guild are handled in order: once this answer arrives, the guild's ready event was handled.
        assertThat(responseType(bot.command(guild, guild.member(), "reset"))).isEqualTo(4);

        assertThat(bot.control().requests()).noneMatch(r -> isCommandWrite(r, guild));
        assertThat(bot.commandNames(guild)).isEqualTo(FULL_SET);
    }

    private static boolean isCommandWrite(RecordedRequest request, TestGuild guild) {
        return request.method().equals("PUT") && request.route().equals(COMMANDS_ROUTE)
                && request.path().endsWith("/guilds/" + guild.id() + "/commands");
    }

    @Test
    void aDiscordFailureHalfWayLeavesNoCompleteConfigAndARerunCompletes() {
        TestGuild guild = joinedGuild("Flaky");
        bot.control().injectFailure("POST", "/guilds/{guild_id}/roles", 500, 1);

        InteractionOutcome failed = bot.setUp(guild, "frolf");

        assertThat(isEphemeral(failed)).isTrue();
        assertThat(responseData(failed).get("content").asText()).contains("run /setup again");
        assertThat(bot.config(guild).orElseThrow().isConfigured()).isFalse();
        assertThat(bot.commandNames(guild)).containsExactly("setup");

        InteractionOutcome retried = bot.setUp(guild, "frolf");

        assertThat(responseData(retried).get("embeds").get(0).get("title").asText()).isEqualTo("Guildhall is set up");
        assertThat(bot.config(guild).orElseThrow().isConfigured()).isTrue();
        assertThat(bot.roleNames(guild)).containsOnlyOnce("Frolf Player", "Frolf Editor", "Frolf Admin");
        assertThat(bot.channelNames(guild)).containsOnlyOnce("frolf-events", "frolf-leaderboard", "frolf-signup");
    }

    @Test
    void twoGuildsSetUpAtOnceEndWithSeparateCorrectConfigs() {
        TestGuild north = joinedGuild("North Club");
        TestGuild south = joinedGuild("South Club");

        CompletableFuture<InteractionOutcome> a = CompletableFuture.supplyAsync(() -> bot.setUp(north, "north"));
        CompletableFuture<InteractionOutcome> b = CompletableFuture.supplyAsync(() -> bot.setUp(south, "south"));
        CompletableFuture.allOf(a, b).join();

        GuildConfig northConfig = bot.config(north).orElseThrow();
        GuildConfig southConfig = bot.config(south).orElseThrow();
        assertThat(northConfig.settings().prefix()).isEqualTo("north");
        assertThat(southConfig.settings().prefix()).isEqualTo("south");
        assertThat(bot.channelNames(north)).contains("north-events").noneMatch(n -> n.startsWith("south"));
        assertThat(bot.channelNames(south)).contains("south-events").noneMatch(n -> n.startsWith("north"));
        List<Long> northIds = northConfig.channels().values().stream().map(ManagedResource::id).toList();
        assertThat(southConfig.channels().values()).noneMatch(r -> northIds.contains(r.id()));
        eventually(() -> bot.commandNames(north), names -> names.equals(FULL_SET));
        eventually(() -> bot.commandNames(south), names -> names.equals(FULL_SET));
    }
}
