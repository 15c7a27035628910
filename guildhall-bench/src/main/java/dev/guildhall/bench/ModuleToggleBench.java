package dev.guildhall.bench;

import dev.guildhall.app.AppConfig;
import dev.guildhall.app.Standalone;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How long a guild waits for its commands after an admin switches a module on: {@code /modules enable frolf} until
 * the guild's command set in the emulator holds {@code /round} (the bot's bulk overwrite landed), over N toggles of
 * disable then enable, in standalone mode against the in-process emulator. Prints p50, p99 and max; asserts nothing.
 *
 * <pre>{@code java -cp guildhall-bench/target/guildhall-bench.jar dev.guildhall.bench.ModuleToggleBench [toggles]}</pre>
 */
public final class ModuleToggleBench {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WARMUP = 10;

    private ModuleToggleBench() {}

    public static void main(String[] args) throws Exception {
        int toggles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        PrintWriter out = new PrintWriter(System.out, true);
        Path work = Files.createTempDirectory("guildhall-toggle-bench");
        try (EmulatedDiscord discord = EmulatedDiscord.start()) {
            Map<String, String> env = new HashMap<>(discord.botEnvironment());
            env.put("GUILDHALL_DATA_DIR", work.toString());
            env.put("METRICS_ADDRESS", "127.0.0.1:0");
            try (Standalone app = Standalone.start(AppConfig.fromEnvironment(env), Clock.systemUTC())) {
                app.discord().awaitReady(WAIT);
                discord.prepareGuilds(1, out);
                for (int i = 0; i < WARMUP; i++) toggle(discord);
                long[] enable = new long[toggles];
                for (int i = 0; i < toggles; i++) enable[i] = toggle(discord);
                LatencySummary summary = LatencySummary.of(enable);
                out.printf("module enable -> commands re-synced in the guild, %d toggles (after %d warm-up):%n",
                        toggles, WARMUP);
                out.printf("  p50 %.1f ms   p99 %.1f ms   max %.1f ms%n", summary.p50Nanos() / 1e6,
                        summary.p99Nanos() / 1e6, summary.maxNanos() / 1e6);
                MachineFacts machine = MachineFacts.current();
                out.printf("  machine: %d cores, %s, %s%n", machine.cores(), machine.cpu().orElse("cpu unknown"),
                        machine.jdk());
            }
        }
    }

    /** Disables frolf (waits for /round to go), then enables it: returns the enable's nanos. */
    private static long toggle(EmulatedDiscord discord) {
        discord.toggleModule(0, "disable", "frolf", "round", false, WAIT);
        return discord.toggleModule(0, "enable", "frolf", "round", true, WAIT);
    }
}
