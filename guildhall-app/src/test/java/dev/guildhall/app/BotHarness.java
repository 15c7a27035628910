package dev.guildhall.app;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole bot in standalone mode, exactly as {@code run} wires it, connected with the real JDA client to an
 * in-process emulator; the bot can be restarted on the same data directory while the emulator lives on.
 */
final class BotHarness extends EmulatorDriver implements AutoCloseable {
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

    @Override
    EmulatorControl control() {
        return emulator.control();
    }

    Optional<GuildConfig> config(TestGuild guild) {
        return app.store().guildConfigsUncached().find(guild.guildId());
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
