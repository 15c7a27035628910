package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;
import dev.guildhall.emulator.InteractionOutcome;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The whole bot in standalone mode, exactly as {@code run} wires it, connected with the real JDA client to an
 * in-process emulator; the bot can be restarted on the same data directory while the emulator lives on.
 */
final class BotHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final DiscordEmulator emulator;
    private final Path dataDir;
    private final Clock clock;
    private Standalone app;

    BotHarness(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    /** With a clock the test moves (a {@link ManualClock}) the bot's timers come due when the test says so. */
    BotHarness(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.emulator = DiscordEmulator.start(EmulatorOptions.defaults());
        startBot();
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", emulator.botToken());
        env.put("DISCORD_API_BASE_URL", emulator.restBaseUrl().toString());
        env.put("DISCORD_GATEWAY_URL", emulator.gatewayUrl().toString());
        env.put("GUILDHALL_DATA_DIR", dataDir.toString());
        env.put("METRICS_ADDRESS", "127.0.0.1:0");
        return env;
    }

    void startBot() {
        app = Standalone.start(AppConfig.fromEnvironment(env()), clock);
        try {
            app.discord().awaitReady(WAIT);
        } catch (Exception e) {
            throw new IllegalStateException("the bot did not become ready", e);
        }
    }

    void restartBot() {
        app.close();
        startBot();
    }

    Standalone app() {
        return app;
    }

    EmulatorControl control() {
        return emulator.control();
    }

    /** A guild with an owner (Administrator) and one plain member, the bot not yet in it. */
    TestGuild newGuild(String name) {
        JsonNode guild = control().createGuild(name, "owner");
        long id = guild.get("id").asLong();
        long owner = guild.get("owner_id").asLong();
        long general = guild.get("channels").get(0).get("id").asLong();
        long member = control().addMember(id, "member", false, List.of());
        return new TestGuild(id, owner, member, general);
    }

    record TestGuild(long id, long owner, long member, long general) {
        GuildId guildId() {
            return GuildId.of(id);
        }
    }

    Optional<GuildConfig> config(TestGuild guild) {
        return app.store().guildConfigsUncached().find(guild.guildId());
    }

    List<String> commandNames(TestGuild guild) {
        return control().commands(OptionalLong.of(guild.id())).stream().map(c -> c.get("name").asText()).sorted().toList();
    }

    List<String> channelNames(TestGuild guild) {
        return names(control().guild(guild.id()).get("channels"));
    }

    List<String> roleNames(TestGuild guild) {
        return names(control().guild(guild.id()).get("roles"));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("name").asText()).sorted().toList();
    }

    InteractionOutcome command(TestGuild guild, long user, String command) {
        return control().invokeCommand(guild.id(), guild.general(), user, command, Map.of(), WAIT);
    }

    InteractionOutcome submitSetup(TestGuild guild, long user, String prefix) {
        return control().submitModal(guild.id(), guild.general(), user, "setup:form", Map.of(
                "prefix", prefix, "roles", "Frolf Player, Frolf Editor, Frolf Admin",
                "signup_message", "React to sign up!", "signup_emoji", "🥏"), WAIT);
    }

    /** Opens the setup modal as the owner and submits it. */
    InteractionOutcome setUp(TestGuild guild, String prefix) {
        InteractionOutcome modal = command(guild, guild.owner(), "setup");
        if (modal.response().map(r -> r.get("type").asInt()).orElse(0) != 9) {
            throw new AssertionError("expected the setup modal, got " + modal);
        }
        return submitSetup(guild, guild.owner(), prefix);
    }

    static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError("still not as expected after " + WAIT + ": " + last);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }

    @Override
    public void close() {
        try {
            if (app != null) app.close();
        } finally {
            emulator.close();
        }
    }
}
