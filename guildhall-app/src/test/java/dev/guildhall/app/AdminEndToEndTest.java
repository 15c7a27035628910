package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;
import dev.guildhall.emulator.InteractionOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static dev.guildhall.app.EmulatorDriver.WAIT;
import static dev.guildhall.app.EmulatorDriver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /modules and /config end to end: the real JDA client against the emulator, the bot wired as in production plus
 * one small feature module of this test's own (/roll, with a "sides" setting), so that switching a feature and
 * changing its settings can be shown without depending on any real feature.
 */
class AdminEndToEndTest {
    /** What setup gives besides the built-in features' commands, whichever those are. */
    private static final List<String> ADMIN_AND_DICE = List.of("config", "modules", "reset", "roll", "setup");

    @TempDir
    static Path dataDir;
    static DiscordEmulator emulator;
    static Standalone app;

    /** The test's feature: one command, one setting of 1..100 sides. */
    static final class Dice implements GuildModule {
        @Override public String id() { return "dice"; }
        @Override public String description() { return "Rolls a die"; }
        @Override public String version() { return "0.1.0"; }
        @Override public List<CommandSpec> commands() {
            return List.of(CommandSpec.of("roll", "Roll a die", PermissionLevel.EVERYONE));
        }
        @Override public String settingsSchema() {
            return """
                    {"type":"object","additionalProperties":false,
                     "properties":{"sides":{"type":"integer","minimum":1,"maximum":100}}}""";
        }
        @Override public String defaultSettings() { return "{\"sides\":6}"; }
        @Override public void handle(ModuleContext context, GuildEvent event) {
            if (event instanceof InteractionEvent.SlashCommand roll && roll.name().equals("roll")) {
                context.replyEphemeral(roll, "You rolled a die.");
            }
        }
    }

    record Guild(long id, long owner, long member, long general) {}

    @BeforeAll
    static void start() {
        emulator = DiscordEmulator.start(EmulatorOptions.defaults());
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "DISCORD_TOKEN", emulator.botToken(),
                "DISCORD_API_BASE_URL", emulator.restBaseUrl().toString(),
                "DISCORD_GATEWAY_URL", emulator.gatewayUrl().toString(),
                "GUILDHALL_DATA_DIR", dataDir.toString(),
                "METRICS_ADDRESS", "127.0.0.1:0"));
        app = Standalone.start(config, Clock.systemUTC(), List.of(new Dice()));
        try {
            app.discord().awaitReady(WAIT);
        } catch (Exception e) {
            throw new IllegalStateException("the bot did not become ready", e);
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) app.close();
        } finally {
            if (emulator != null) emulator.close();
        }
    }

    private static EmulatorControl control() {
        return emulator.control();
    }

    private static List<String> commandNames(Guild guild) {
        return control().commands(OptionalLong.of(guild.id())).stream().map(c -> c.get("name").asText()).sorted().toList();
    }

    /** A guild the bot joined and its owner set up. */
    private static Guild setUpGuild(String name) {
        JsonNode created = control().createGuild(name, "owner");
        long id = created.get("id").asLong();
        Guild guild = new Guild(id, created.get("owner_id").asLong(), control().addMember(id, "member", false, List.of()),
                created.get("channels").get(0).get("id").asLong());
        control().botJoin(id);
        eventually(() -> commandNames(guild), names -> names.equals(List.of("setup")));
        control().invokeCommand(id, guild.general(), guild.owner(), "setup", Map.of(), WAIT);
        control().submitModal(id, guild.general(), guild.owner(), "setup:form", Map.of(
                "prefix", "club", "roles", "Club Player, Club Editor, Club Admin"), WAIT);
        eventually(() -> commandNames(guild), names -> names.containsAll(ADMIN_AND_DICE));
        return guild;
    }

    private static InteractionOutcome run(Guild guild, long user, String command, Map<String, Object> options) {
        return control().invokeCommand(guild.id(), guild.general(), user, command, options, WAIT);
    }

    /** The text of an ephemeral message reply; fails if the reply is anything else. */
    private static String ephemeralText(InteractionOutcome outcome) {
        JsonNode response = outcome.response().orElseThrow(() -> new AssertionError("no response: " + outcome));
        assertThat(response.get("type").asInt()).as("a message reply").isEqualTo(4);
        assertThat(response.get("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        return response.get("data").get("content").asText();
    }

    @Test
    void aSetUpGuildHasModulesAndConfigAndAnAdminCanListItsModules() {
        Guild guild = setUpGuild("Listing");

        assertThat(commandNames(guild)).contains("modules", "config");
        assertThat(ephemeralText(run(guild, guild.owner(), "modules list", Map.of())))
                .contains("**setup**").contains("**admin** 1.0.0 (always on)").contains("**dice** 0.1.0 (enabled): Rolls a die");
    }

    @Test
    void aMemberWhoIsNotAdminIsRefused() {
        Guild guild = setUpGuild("Refusals");

        assertThat(ephemeralText(run(guild, guild.member(), "modules disable", Map.of("module", "dice"))))
                .startsWith("You are not allowed to use /modules");
        assertThat(ephemeralText(run(guild, guild.member(), "config set", Map.of("module", "dice", "key", "sides",
                "value", "20")))).startsWith("You are not allowed to use /config");
        assertThat(commandNames(guild)).containsAll(ADMIN_AND_DICE);
        assertThat(ephemeralText(run(guild, guild.owner(), "config get", Map.of("module", "dice"))))
                .contains("sides = `6`");
    }

    @Test
    void aBadValueIsRefusedNamingTheFieldAndTheRuleAndAGoodOneIsSaved() {
        Guild guild = setUpGuild("Settings");

        assertThat(ephemeralText(run(guild, guild.owner(), "config set", Map.of("module", "dice", "key", "sides",
                "value", "1000")))).isEqualTo("Not saved. sides: must be at most 100");
        assertThat(ephemeralText(run(guild, guild.owner(), "config set", Map.of("module", "dice", "key", "sides",
                "value", "many")))).isEqualTo("Not saved. sides: must be a whole number");
        assertThat(ephemeralText(run(guild, guild.owner(), "config set", Map.of("module", "dice", "key", "colour",
                "value", "red")))).isEqualTo("Not saved. colour: is not a setting of dice; its settings are sides");
        assertThat(ephemeralText(run(guild, guild.owner(), "config get", Map.of("module", "dice", "key", "sides"))))
                .isEqualTo("**dice** sides = `6`");

        assertThat(ephemeralText(run(guild, guild.owner(), "config set", Map.of("module", "dice", "key", "sides",
                "value", "20")))).isEqualTo("Saved: **dice** sides = `20`");
        assertThat(ephemeralText(run(guild, guild.owner(), "config get", Map.of("module", "dice", "key", "sides"))))
                .isEqualTo("**dice** sides = `20`");
    }

    @Test
    void disablingAModuleRemovesItsCommandsFromThatGuildOnly() {
        Guild north = setUpGuild("North");
        Guild south = setUpGuild("South");
        List<String> fullSet = commandNames(north);
        List<String> withoutDice = fullSet.stream().filter(name -> !name.equals("roll")).toList();
        assertThat(commandNames(south)).isEqualTo(fullSet);

        assertThat(ephemeralText(run(north, north.owner(), "modules disable", Map.of("module", "dice"))))
                .startsWith("Disabled **dice**");
        eventually(() -> commandNames(north), names -> names.equals(withoutDice));
        assertThat(commandNames(south)).isEqualTo(fullSet);
        assertThat(ephemeralText(run(south, south.member(), "roll", Map.of()))).isEqualTo("You rolled a die.");
        assertThat(ephemeralText(run(north, north.owner(), "modules disable", Map.of("module", "admin"))))
                .contains("cannot be disabled");

        assertThat(ephemeralText(run(north, north.owner(), "modules enable", Map.of("module", "dice"))))
                .startsWith("Enabled **dice**");
        eventually(() -> commandNames(north), names -> names.equals(fullSet));
        assertThat(ephemeralText(run(north, north.member(), "roll", Map.of()))).isEqualTo("You rolled a die.");
    }
}
