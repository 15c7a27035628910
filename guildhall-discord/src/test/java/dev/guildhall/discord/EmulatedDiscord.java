package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** The real emulator with a real {@link DiscordConnection} on it, and the envelopes the connection produced. */
final class EmulatedDiscord implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    final DiscordEmulator emulator;
    final DiscordConnection connection;
    final List<Envelope> envelopes = new CopyOnWriteArrayList<>();

    private EmulatedDiscord(DiscordEmulator emulator, int shards) {
        this.emulator = emulator;
        DiscordSettings settings = DiscordSettings.emulator(emulator.botToken(), emulator.restBaseUrl(),
                emulator.gatewayUrl()).withShardsTotal(shards);
        this.connection = DiscordConnection.connect(settings, envelopes::add);
    }

    static EmulatedDiscord start() throws Exception {
        return start(1, control -> {});
    }

    /** Starts the emulator, lets {@code before} shape it before the bot connects, then waits for READY. */
    static EmulatedDiscord start(int shards, Consumer<EmulatorControl> before) throws Exception {
        DiscordEmulator emulator = DiscordEmulator.start(EmulatorOptions.defaults());
        try {
            before.accept(emulator.control());
            EmulatedDiscord discord = new EmulatedDiscord(emulator, shards);
            discord.connection.awaitReady(Duration.ofSeconds(30 + 6L * shards));
            return discord;
        } catch (Exception | Error e) {
            emulator.close();
            throw e;
        }
    }

    EmulatorControl control() {
        return emulator.control();
    }

    DiscordPort port() {
        return connection.port();
    }

    /** Creates a guild, has the bot join it and waits for its {@code GuildJoined}; returns the guild view. */
    JsonNode joinedGuild(String name) {
        JsonNode guild = control().createGuild(name, name + "-owner");
        control().botJoin(id(guild));
        awaitEvent(GuildId.of(id(guild)), GuildEvent.GuildJoined.class, e -> true);
        return guild;
    }

    <T extends GuildEvent> T awaitEvent(GuildId guild, Class<T> kind, Predicate<T> match) {
        return kind.cast(awaitEnvelope(e -> e.guild().equals(guild) && kind.isInstance(e.event())
                && match.test(kind.cast(e.event())), kind.getSimpleName() + " in guild " + guild).event());
    }

    Envelope awaitEnvelope(Predicate<Envelope> match, String what) {
        return await(() -> envelopes.stream().filter(match).findFirst().orElse(null), what);
    }

    /** Polls until {@code probe} yields non-null, failing after {@link #WAIT}. */
    static <T> T await(java.util.function.Supplier<T> probe, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            T value = probe.get();
            if (value != null) return value;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    static long id(JsonNode node) {
        return node.get("id").asLong();
    }

    static long channelNamed(JsonNode guild, String name) {
        return StreamSupport.stream(guild.get("channels").spliterator(), false)
                .filter(c -> name.equals(c.get("name").asText()))
                .mapToLong(EmulatedDiscord::id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + name + " in " + guild));
    }

    static long roleNamed(JsonNode guild, String name) {
        return StreamSupport.stream(guild.get("roles").spliterator(), false)
                .filter(c -> name.equals(c.get("name").asText()))
                .mapToLong(EmulatedDiscord::id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no role " + name + " in " + guild));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            emulator.close();
        }
    }

}
