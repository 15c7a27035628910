package dev.guildhall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;
import dev.guildhall.emulator.InteractionOutcome;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The in-process Discord emulator the bot connects to, and the people in it: guilds the bot joins and sets up before
 * the run, and the members who then run {@code /leaderboard}, a command every set-up guild has, which reads the
 * guild's configuration and tags and answers with an embed.
 */
final class EmulatedDiscord implements AutoCloseable {
    static final String COMMAND = "leaderboard";
    private static final Duration SETUP_WAIT = Duration.ofSeconds(60);
    /** Guilds set up at once: enough to overlap round trips, few enough to stay inside Discord's REST limits. */
    private static final int SETUP_PARALLELISM = 4;
    private static final int MODAL = 9;
    private static final int DEFERRED = 5;

    private final DiscordEmulator emulator;
    private final List<BenchGuild> guilds = new ArrayList<>();

    private record BenchGuild(long id, long owner, long member, long channel) {}

    private EmulatedDiscord(DiscordEmulator emulator) {
        this.emulator = emulator;
    }

    static EmulatedDiscord start() {
        return new EmulatedDiscord(DiscordEmulator.start(EmulatorOptions.defaults()));
    }

    /** The environment a Guildhall process needs to connect to this emulator; the token is a secret. */
    Map<String, String> botEnvironment() {
        return Map.of("DISCORD_TOKEN", emulator.botToken(),
                "DISCORD_API_BASE_URL", emulator.restBaseUrl().toString(),
                "DISCORD_GATEWAY_URL", emulator.gatewayUrl().toString());
    }

    URI baseUrl() {
        return emulator.baseUrl();
    }

    /**
     * Creates {@code count} guilds with an owner and a member, lets the bot join each, runs {@code /setup} through its
     * modal as the owner and waits until the guild has the full command set.
     */
    void prepareGuilds(int count, PrintWriter progress) {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore slots = new Semaphore(SETUP_PARALLELISM);
        try {
            List<Future<BenchGuild>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                pending.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return prepareGuild(number);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<BenchGuild> guild : pending) guilds.add(guild.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("setting up the guilds failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the guilds", e);
        } finally {
            pool.shutdownNow();
        }
        progress.printf("  %d guilds set up%n", count);
        progress.flush();
    }

    private BenchGuild prepareGuild(int number) {
        EmulatorControl control = emulator.control();
        JsonNode created = control.createGuild("bench-" + number, "owner");
        long id = created.get("id").asLong();
        long owner = created.get("owner_id").asLong();
        long channel = created.get("channels").get(0).get("id").asLong();
        long member = control.addMember(id, "member", false, List.of());
        control.botJoin(id);
        awaitCommand(id, "setup");
        InteractionOutcome modal = control.invokeCommand(id, channel, owner, "setup", Map.of(), SETUP_WAIT);
        JsonNode opened = modal.response().orElseThrow(() -> new IllegalStateException(
                "/setup got no answer in guild " + id));
        if (opened.path("type").asInt() != MODAL) {
            throw new IllegalStateException("/setup answered type " + opened.path("type").asInt()
                    + " instead of its modal in guild " + id);
        }
        control.submitModal(id, channel, owner, opened.path("data").path("custom_id").asText(), Map.of(
                "prefix", "bench", "roles", "Player, Editor, Admin"), SETUP_WAIT);
        awaitCommand(id, COMMAND);
        return new BenchGuild(id, owner, member, channel);
    }

    private void awaitCommand(long guild, String name) {
        long deadline = System.nanoTime() + SETUP_WAIT.toNanos();
        while (emulator.control().commands(OptionalLong.of(guild)).stream()
                .noneMatch(command -> command.path("name").asText().equals(name))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("/" + name + " was not registered in guild " + guild + " within "
                        + SETUP_WAIT);
            }
            try {
                Thread.sleep(50); // polling interval while the bot registers the guild's commands
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for /" + name, e);
            }
        }
    }

    /**
     * The owner of the guild in {@code guildSlot} runs {@code /modules <verb> <module>}; returns the nanos from the
     * invocation until the guild's command set in the emulator has {@code /<command>} ({@code present}) or not, that
     * is, until the bot's bulk overwrite of the guild's commands landed.
     */
    long toggleModule(int guildSlot, String verb, String module, String command, boolean present, Duration timeout) {
        BenchGuild guild = guilds.get(guildSlot);
        long started = System.nanoTime();
        emulator.control().invokeCommand(guild.id(), guild.channel(), guild.owner(), "modules " + verb,
                Map.of("module", module), timeout);
        long deadline = started + timeout.toNanos();
        while (hasCommand(guild.id(), command) != present) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("/" + command + " did not " + (present ? "appear" : "go") + " within "
                        + timeout + " after /modules " + verb + " " + module);
            }
            try {
                Thread.sleep(1); // a fine poll that leaves the bot its CPU: the interval measured is milliseconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for /" + command, e);
            }
        }
        return System.nanoTime() - started;
    }

    private boolean hasCommand(long guild, String name) {
        return emulator.control().commands(OptionalLong.of(guild)).stream()
                .anyMatch(command -> command.path("name").asText().equals(name));
    }

    /** The guild's member runs {@code /leaderboard}; returns at the bot's first callback or the timeout. */
    Outcome leaderboard(int guildSlot, Duration timeout) {
        BenchGuild guild = guilds.get(guildSlot);
        InteractionOutcome outcome = emulator.control().invokeCommand(guild.id(), guild.channel(), guild.member(),
                COMMAND, Map.of(), timeout);
        return outcome.response()
                .<Outcome>map(first -> new Outcome.Answered(first.path("type").asInt() == DEFERRED))
                .orElseGet(Outcome.TimedOut::new);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
