package dev.guildhall.bench;

import dev.guildhall.app.AppConfig;
import dev.guildhall.app.Standalone;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Standalone mode in this JVM, exactly as {@code guildhall run} wires it, its SQLite file in the work directory. */
final class StandaloneTarget implements BenchTarget {
    private static final Duration READY = Duration.ofSeconds(60);

    private final EmulatedDiscord discord;
    private final Standalone app;

    private StandaloneTarget(EmulatedDiscord discord, Standalone app) {
        this.discord = discord;
        this.app = app;
    }

    static StandaloneTarget open(BenchPlan plan, Path workDir, PrintWriter progress) {
        EmulatedDiscord discord = EmulatedDiscord.start();
        Standalone app = null;
        try {
            Path dataDir = Files.createDirectories(workDir.resolve("standalone-data"));
            Map<String, String> env = new HashMap<>(discord.botEnvironment());
            env.put("GUILDHALL_DATA_DIR", dataDir.toString());
            env.put("METRICS_ADDRESS", "127.0.0.1:0");
            app = Standalone.start(AppConfig.fromEnvironment(env), Clock.systemUTC());
            app.discord().awaitReady(READY);
            progress.printf("  bot connected to the emulator at %s%n", discord.baseUrl());
            discord.prepareGuilds(plan.guilds(), progress);
            return new StandaloneTarget(discord, app);
        } catch (Exception e) {
            if (app != null) app.close();
            discord.close();
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            if (e instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException("the standalone bot did not become ready: " + e, e);
        }
    }

    @Override
    public Outcome send(int index, int guild, Duration timeout) {
        return discord.leaderboard(guild, timeout);
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            discord.close();
        }
    }
}
