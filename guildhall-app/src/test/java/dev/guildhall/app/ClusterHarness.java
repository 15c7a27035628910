package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.bus.nats.JetStreamBus;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.FreePorts;
import dev.guildhall.testkit.NatsServer;
import dev.guildhall.testkit.PostgresServer;
import dev.guildhall.testkit.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Distributed mode as it runs in production, on one machine: a real nats-server and PostgreSQL started for the test,
 * the emulator in this JVM, and the gateway and workers each in their own JVM. Workers carry the {@link ProbeModule},
 * whose counters the test reads straight from PostgreSQL.
 */
final class ClusterHarness extends EmulatorDriver implements AutoCloseable {
    static final Duration START = Duration.ofSeconds(90);
    private static final ObjectMapper json = new ObjectMapper();

    final NatsServer nats;
    final PostgresServer postgres;
    final DiscordEmulator emulator;
    final String environment = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path dir;
    private final Map<String, String> settings;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private ServiceProcess gateway;
    private Store store;

    /** {@code settings}: environment variables for every process (BUS_ACK_WAIT_SECONDS, BUS_MAX_DELIVERIES, ...). */
    ClusterHarness(Path dir, Map<String, String> settings) {
        this.dir = dir;
        this.settings = Map.copyOf(settings);
        this.nats = NatsServer.launch();
        this.postgres = PostgresServer.launch();
        this.emulator = DiscordEmulator.start(EmulatorOptions.defaults());
    }

    @Override
    EmulatorControl control() {
        return emulator.control();
    }

    private Map<String, String> common() {
        Map<String, String> env = new HashMap<>(settings);
        env.put("NATS_URL", nats.url());
        env.put("DATABASE_URL", postgres.postgresUrl(PostgresServer.DEFAULT_DATABASE));
        env.put("ENVIRONMENT", environment);
        env.put("BUS_PARTITIONS", settings.getOrDefault("BUS_PARTITIONS", "16"));
        return env;
    }

    /** What the gateway is started with: the cluster's NATS, database and environment, and the emulator's Discord. */
    Map<String, String> gatewayEnvironment() {
        Map<String, String> env = common();
        env.put("BOT_MODE", "gateway");
        env.put("DISCORD_TOKEN", emulator.botToken());
        env.put("DISCORD_API_BASE_URL", emulator.restBaseUrl().toString());
        env.put("DISCORD_GATEWAY_URL", emulator.gatewayUrl().toString());
        return env;
    }

    ServiceProcess startGateway() {
        gateway = track(launch("gateway", Main.class.getName(), List.of("run"), gatewayEnvironment()));
        return gateway.awaitReady(START);
    }

    /** Starts a worker and waits until it is ready. */
    ServiceProcess startWorker(String name) {
        return startWorker(name, Map.of()).awaitReady(START);
    }

    /** Starts a worker with extra environment (PROBE_BROKEN, PROBE_SLOW_MS); does not wait. */
    ServiceProcess startWorker(String name, Map<String, String> extra) {
        Map<String, String> env = common();
        env.put("BOT_MODE", "worker");
        env.put("PROBE_WORKER", name);
        env.putAll(extra);
        return track(launch(name, ProbeWorkerMain.class.getName(), List.of(), env));
    }

    /** A JVM on this test's class path, small and quick to start; there are five on two cores. */
    private ServiceProcess launch(String name, String mainClass, List<String> args, Map<String, String> env) {
        List<String> arguments = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), mainClass));
        arguments.addAll(args);
        return ServiceProcess.start(name, arguments, env, FreePorts.next(), dir);
    }

    /** Runs {@code guildhall ARGS} in this JVM against the cluster's NATS and database; returns what it printed. */
    String cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.commandLine(common(), new java.io.PrintWriter(out, true)).execute(args);
        if (code != 0) throw new AssertionError("guildhall " + String.join(" ", args) + " exited " + code + ": " + out);
        return out.toString();
    }

    /** A JetStream bus on the cluster's NATS, for a test that publishes envelopes as a gateway would. */
    JetStreamBus bus() {
        return JetStreamBus.start(Distributed.busSettings(AppConfig.fromEnvironment(common())));
    }

    private ServiceProcess track(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    ServiceProcess gateway() {
        return gateway;
    }

    /** The probe module's counters in a guild, read from PostgreSQL (no cache in between). */
    Map<String, Long> probe(GuildId guild) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT settings_json FROM module_settings WHERE guild_id = ? AND module_id = 'probe'")) {
            query.setLong(1, guild.value());
            try (ResultSet row = query.executeQuery()) {
                Map<String, Long> counters = new HashMap<>();
                if (!row.next()) return counters;
                JsonNode node = json.readTree(row.getString(1));
                node.fields().forEachRemaining(field -> counters.put(field.getKey(), field.getValue().asLong()));
                return counters;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the probe's counters of guild " + guild, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster's database as a test reads it; read configs with {@code guildConfigsUncached()}. */
    synchronized Store store() {
        if (store == null) store = Store.open(StoreSettings.fromDatabaseUrl(common().get("DATABASE_URL"), dir.resolve("unused.db")));
        return store;
    }

    Optional<GuildConfig> config(TestGuild guild) {
        return store().guildConfigsUncached().find(guild.guildId());
    }

    /**
     * The bot's answer to an interaction as the user finally sees it: the reply's data, or, when the gateway deferred
     * first, the original response once the worker's answer has filled it, or the ephemeral follow-up that replaced
     * the deleted deferral.
     */
    JsonNode finalAnswer(InteractionOutcome outcome) {
        JsonNode first = outcome.response().orElseThrow(() -> new AssertionError("no response: " + outcome));
        if (first.get("type").asInt() != 5) return first.get("data");
        InteractionOutcome answered = eventually(() -> control().interaction(outcome.interactionId()),
                now -> !now.followups().isEmpty() || now.original().filter(ClusterHarness::hasAnswer).isPresent());
        return answered.followups().isEmpty() ? answered.original().orElseThrow() : answered.followups().getFirst();
    }

    private static boolean hasAnswer(JsonNode message) {
        return !message.path("content").asText().isEmpty() || message.path("embeds").size() > 0;
    }

    /** Every process's log tail, for a failure message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess process : processes) {
            text.append("\n===== ").append(process.name()).append(" (").append(process.log()).append(")\n")
                    .append(process.logTail());
        }
        return text.toString();
    }

    @Override
    public void close() {
        // in parallel: each drains on its own, and a worker's drain must not wait for the gateway's to finish
        List<Thread> closing = processes.stream().map(p -> Thread.ofVirtual().start(p::close)).toList();
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        emulator.close();
        if (store != null) store.close();
        postgres.close();
        nats.close();
    }
}
