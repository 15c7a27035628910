package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.bus.nats.ModuleAnnouncements.Change;
import dev.guildhall.bus.nats.ModuleAnnouncements.Kind;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.testkit.PluginJars;
import dev.guildhall.web.PluginControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The example poll plugin (examples/poll-plugin), built into a jar by this test, loaded, reloaded and unloaded in a
 * running bot: the real JDA client against the emulator, standalone on SQLite.
 */
class PluginEndToEndTest extends EmulatorDriver {
    private static final Path POLL_PROJECT = Path.of("..", "examples", "poll-plugin").toAbsolutePath().normalize();
    private static final Map<String, Object> LUNCH = Map.of("question", "Lunch?", "option1", "Pizza", "option2", "Soup");

    private static final String OPERATOR_TOKEN = "operator-token-for-tests";

    @TempDir
    Path dataDir;
    @TempDir
    Path modulesDir;
    @TempDir
    Path buildDir;
    private DiscordEmulator emulator;
    private Standalone app;

    @BeforeEach
    void start() {
        emulator = DiscordEmulator.start(EmulatorOptions.defaults());
        startBot();
    }

    private void startBot() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", emulator.botToken());
        env.put("DISCORD_API_BASE_URL", emulator.restBaseUrl().toString());
        env.put("DISCORD_GATEWAY_URL", emulator.gatewayUrl().toString());
        env.put("GUILDHALL_DATA_DIR", dataDir.toString());
        env.put("MODULES_DIR", modulesDir.toString());
        env.put("METRICS_ADDRESS", "127.0.0.1:0");
        env.put("OPERATOR_TOKEN", OPERATOR_TOKEN);
        app = Standalone.start(AppConfig.fromEnvironment(env), Clock.systemUTC());
        try {
            app.discord().awaitReady(WAIT);
        } catch (Exception e) {
            throw new IllegalStateException("the bot did not become ready", e);
        }
    }

    @AfterEach
    void stop() {
        try {
            if (app != null) app.close();
        } finally {
            if (emulator != null) emulator.close();
        }
    }

    @Override
    EmulatorControl control() {
        return emulator.control();
    }

    /** The poll plugin as version {@code version}, with extra resources (migrations), as {@code name}.jar. */
    private void dropPollJar(String name, String version, Map<String, String> extraResources) {
        Path jar = PluginJars.build(POLL_PROJECT, buildDir.resolve(name + "-" + version + ".jar"),
                (path, text) -> text.replace("VERSION = \"1.0.0\"", "VERSION = \"" + version + "\""), extraResources);
        try {
            Files.copy(jar, modulesDir.resolve(name + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TestGuild setUpGuild(String name) {
        TestGuild guild = newGuild(name);
        control().botJoin(guild.id());
        eventually(() -> commandNames(guild), names -> names.equals(List.of("setup")));
        setUp(guild, "club");
        eventually(() -> commandNames(guild), names -> names.contains("modules"));
        return guild;
    }

    private InteractionOutcome poll(TestGuild guild) {
        return control().invokeCommand(guild.id(), guild.general(), guild.member(), "poll", LUNCH, WAIT);
    }

    private static JsonNode data(InteractionOutcome outcome) {
        return outcome.response().orElseThrow(() -> new AssertionError("no response: " + outcome)).get("data");
    }

    private InteractionOutcome vote(TestGuild guild, InteractionOutcome poll, int button, long user) {
        long message = poll.original().orElseThrow(() -> new AssertionError("no poll message: " + poll)).get("id").asLong();
        String customId = data(poll).get("components").get(0).get("components").get(button).get("custom_id").asText();
        return control().clickButton(guild.id(), guild.general(), message, user, customId, WAIT);
    }

    private String adminReply(TestGuild guild, String command, Map<String, Object> options) {
        return data(control().invokeCommand(guild.id(), guild.general(), guild.owner(), command, options, WAIT))
                .get("content").asText();
    }

    @Test
    void aPluginLoadsServesReloadsRefusesABrokenVersionAndUnloads() {
        TestGuild guild = setUpGuild("Plugins");
        TestGuild other = setUpGuild("Bystanders");
        assertThat(app.plugins().list()).isEmpty();
        assertThat(commandNames(guild)).doesNotContain("poll");

        dropPollJar("poll", "1.0.0", Map.of());
        assertThat(app.plugins().load("poll")).isEqualTo(new PluginControl.Plugin("poll", "poll", "1.0.0"));
        assertThat(adminReply(guild, "modules enable", Map.of("module", "poll"))).startsWith("Enabled **poll**");
        eventually(() -> commandNames(guild), names -> names.contains("poll"));
        assertThat(commandNames(other)).doesNotContain("poll");

        InteractionOutcome first = poll(guild);
        assertThat(data(first).get("content").asText()).isEqualTo("**Lunch?** (poll 1.0.0)");
        assertThat(data(vote(guild, first, 0, guild.member())).get("content").asText())
                .isEqualTo("You voted for Pizza. Pizza: 1, Soup: 0");
        assertThat(data(vote(guild, first, 1, guild.owner())).get("content").asText())
                .isEqualTo("You voted for Soup. Pizza: 1, Soup: 1");

        // a new version with a migration of its own: the guild's /poll answers as 2.0.0, the votes are kept
        dropPollJar("poll", "2.0.0", Map.of("db/modules/poll/V2__poll_closed.sql",
                "ALTER TABLE poll ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;"));
        assertThat(app.plugins().reload("poll").version()).isEqualTo("2.0.0");
        assertThat(data(poll(guild)).get("content").asText()).isEqualTo("**Lunch?** (poll 2.0.0)");
        assertThat(data(vote(guild, first, 1, guild.member())).get("content").asText())
                .isEqualTo("You voted for Soup. Pizza: 0, Soup: 2");

        // a version whose migration fails is refused whole: 2.0.0 keeps answering
        dropPollJar("poll", "3.0.0", Map.of("db/modules/poll/V2__poll_closed.sql",
                "ALTER TABLE poll ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;",
                "db/modules/poll/V3__broken.sql", "CREATE TABLE (;"));
        assertThatThrownBy(() -> app.plugins().reload("poll")).isInstanceOf(PluginModules.PluginException.class)
                .hasMessageStartingWith("plugin poll refused: could not apply the migrations of module poll");
        assertThat(app.plugins().list()).containsExactly(new PluginControl.Plugin("poll", "poll", "2.0.0"));
        assertThat(data(poll(guild)).get("content").asText()).isEqualTo("**Lunch?** (poll 2.0.0)");

        // a jar without a provider, and one offering a command another module owns, are refused and change nothing
        PluginJars.build(POLL_PROJECT, modulesDir.resolve("empty.jar"),
                (path, text) -> path.startsWith("META-INF/services/") ? "" : text, Map.of());
        assertThatThrownBy(() -> app.plugins().load("empty")).isInstanceOf(PluginModules.PluginException.class)
                .hasMessageContaining("must hold exactly one ModuleProvider");
        PluginJars.build(POLL_PROJECT, modulesDir.resolve("clash.jar"),
                (path, text) -> text.replace("ID = \"poll\"", "ID = \"clash\"").replace("\"poll\", \"Ask", "\"modules\", \"Ask"),
                Map.of());
        assertThatThrownBy(() -> app.plugins().load("clash")).isInstanceOf(PluginModules.PluginException.class)
                .hasMessageContaining("/modules is offered by both");
        assertThat(app.plugins().list()).extracting(PluginControl.Plugin::name).containsExactly("poll");

        assertThat(app.plugins().unload("poll").module()).isEqualTo("poll");
        eventually(() -> commandNames(guild), names -> !names.contains("poll"));
        assertThat(commandNames(guild)).contains("modules", "config");
        assertThatThrownBy(() -> poll(guild)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pluginsInTheFolderLoadAtStartUp() throws Exception {
        TestGuild guild = setUpGuild("Restarted");
        dropPollJar("poll", "1.0.0", Map.of());
        app.plugins().load("poll");
        assertThat(adminReply(guild, "modules enable", Map.of("module", "poll"))).startsWith("Enabled **poll**");
        eventually(() -> commandNames(guild), names -> names.contains("poll"));

        app.close();
        startBot();

        assertThat(app.plugins().list()).containsExactly(new PluginControl.Plugin("poll", "poll", "1.0.0"));
        assertThat(data(poll(guild)).get("content").asText()).isEqualTo("**Lunch?** (poll 1.0.0)");
    }

    /**
     * What a worker does with another worker's announced change: it converges on the folder's jar without re-syncing
     * commands (the announcer did), and a change it cannot make is reported, the previous plugins kept.
     */
    @Test
    void aChangeAnnouncedByAnotherWorkerIsFollowedOrReportedAsDiverged() {
        TestGuild guild = setUpGuild("Follower");

        app.plugins().follow(new Change(Kind.LOAD, "poll", "1.0.0"));
        assertThat(app.plugins().list()).isEmpty();
        assertThat(app.plugins().divergence()).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("there is no poll.jar in " + modulesDir));

        // a reload of a plugin not loaded here loads it, and clears the divergence
        dropPollJar("poll", "1.0.0", Map.of());
        app.plugins().follow(new Change(Kind.RELOAD, "poll", "1.0.0"));
        assertThat(app.plugins().list()).containsExactly(new PluginControl.Plugin("poll", "poll", "1.0.0"));
        assertThat(app.plugins().divergence()).isEmpty();
        assertThat(adminReply(guild, "modules enable", Map.of("module", "poll"))).startsWith("Enabled **poll**");
        eventually(() -> commandNames(guild), names -> names.contains("poll"));

        // another version than the announcing worker's: the folder is not the same storage for both
        dropPollJar("poll", "2.0.0", Map.of());
        app.plugins().follow(new Change(Kind.RELOAD, "poll", "3.0.0"));
        assertThat(data(poll(guild)).get("content").asText()).isEqualTo("**Lunch?** (poll 2.0.0)");
        assertThat(app.plugins().divergence()).contains(
                "plugin poll is 2.0.0 here but 3.0.0 on the worker that loaded it: is MODULES_DIR shared storage?");

        // an unload stops routing here; the guild's commands stay as the announcing worker re-synced them
        app.plugins().follow(new Change(Kind.UNLOAD, "poll", "2.0.0"));
        assertThat(app.plugins().list()).isEmpty();
        assertThat(app.plugins().divergence()).isEmpty();
        assertThat(commandNames(guild)).contains("poll");
        app.plugins().follow(new Change(Kind.UNLOAD, "poll", "2.0.0"));
        assertThat(app.plugins().divergence()).isEmpty();
    }

    /** The poll project under another id and command, so it clashes with nothing, with {@code edit} on top. */
    private void dropRenamedJar(String name, java.util.function.UnaryOperator<String> edit) {
        PluginJars.build(POLL_PROJECT, modulesDir.resolve(name + ".jar"), (path, text) -> edit.apply(text
                .replace("ID = \"poll\"", "ID = \"" + name + "\"").replace("\"poll\", \"Ask", "\"" + name + "\", \"Ask")),
                Map.of());
    }

    @Test
    void aBadSchemaOrAMissingClassIsRefusedInOneLineAndChangesNothing() {
        TestGuild guild = setUpGuild("Careful");
        List<String> before = commandNames(guild);
        String version = "@Override public String version() { return VERSION; }";

        dropRenamedJar("notjson", text -> text.replace(version,
                version + " @Override public String settingsSchema() { return \"not json\"; }"));
        assertThatThrownBy(() -> app.plugins().load("notjson")).isInstanceOf(PluginModules.PluginException.class)
                .hasMessageStartingWith("plugin notjson refused: its settings schema is not usable: ")
                .hasMessageNotContaining("\n");

        dropRenamedJar("baddefault", text -> text.replace(version, version
                + " @Override public String settingsSchema() { return \"{\\\"type\\\":\\\"object\\\",\\\"properties\\\":"
                + "{\\\"size\\\":{\\\"type\\\":\\\"integer\\\"}}}\"; }"
                + " @Override public String defaultSettings() { return \"{\\\"size\\\":\\\"big\\\"}\"; }"));
        assertThatThrownBy(() -> app.plugins().load("baddefault")).isInstanceOf(PluginModules.PluginException.class)
                .hasMessage("plugin baddefault refused: its settings schema is not usable: default size: must be a whole number");

        dropRenamedJar("noclass", text -> text.replace("dev.guildhall.examples.poll.PollProvider",
                "dev.guildhall.examples.poll.Missing"));
        assertThatThrownBy(() -> app.plugins().load("noclass")).isInstanceOf(PluginModules.PluginException.class)
                .hasMessageStartingWith("plugin noclass refused: its module cannot be built: ");

        assertThat(app.plugins().list()).isEmpty();
        assertThat(commandNames(guild)).isEqualTo(before);
        // the refusals came before any migration: no history table, no poll table
        assertThat(tables()).doesNotContain("flyway_module_notjson", "flyway_module_baddefault", "flyway_module_noclass",
                "poll", "poll_vote");
        dropRenamedJar("baddefault", text -> text);
        assertThat(app.plugins().load("baddefault").module()).isEqualTo("baddefault");
    }

    private List<String> tables() {
        try (java.sql.Connection connection = app.store().dataSource().getConnection();
             java.sql.ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) names.add(rows.getString(1));
            return names;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs the CLI against the running process; returns the exit code and what it printed, out then err. */
    private String cli(String token, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = Main.commandLine(Map.of("OPERATOR_TOKEN", token,
                "OPERATOR_URL", "http://127.0.0.1:" + app.webPort()), new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        int code = line.execute(args);
        return code + " " + out + err;
    }

    @Test
    void theOperatorCliLoadsListsAndUnloadsThroughTheRunningProcess() {
        TestGuild guild = setUpGuild("Operated");
        dropPollJar("poll", "1.0.0", Map.of());

        assertThat(cli("wrong-token", "modules", "load", "poll")).isEqualTo("1 guildhall: The operator token was refused.\n");
        assertThat(app.plugins().list()).isEmpty();

        assertThat(cli(OPERATOR_TOKEN, "modules", "load", "poll")).isEqualTo("0 loaded poll  module poll  version 1.0.0\n");
        assertThat(cli(OPERATOR_TOKEN, "modules", "list")).isEqualTo("0 poll  module poll  version 1.0.0\n1 plugin(s)\n");
        assertThat(cli(OPERATOR_TOKEN, "modules", "load", "poll"))
                .isEqualTo("1 guildhall: Plugin poll is already loaded; reload it to change its version.\n");
        assertThat(adminReply(guild, "modules enable", Map.of("module", "poll"))).startsWith("Enabled **poll**");
        eventually(() -> commandNames(guild), names -> names.contains("poll"));

        assertThat(cli(OPERATOR_TOKEN, "modules", "unload", "poll")).isEqualTo("0 unloaded poll  module poll  version 1.0.0\n");
        eventually(() -> commandNames(guild), names -> !names.contains("poll"));
        assertThat(cli(OPERATOR_TOKEN, "modules", "list")).isEqualTo("0 0 plugin(s)\n");
    }
}
