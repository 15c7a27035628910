package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.app.EmulatorDriver.TestGuild;
import dev.guildhall.testkit.PluginJars;
import dev.guildhall.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static dev.guildhall.app.EmulatorDriver.WAIT;
import static dev.guildhall.app.EmulatorDriver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example poll plugin in distributed mode: a gateway and two worker JVMs over a real nats-server and PostgreSQL,
 * one plugin folder shared by the workers. A change asked of one worker is made by every worker, a refused one by
 * none, and a worker that starts later serves what the folder holds.
 */
class DistributedPluginTest {
    private static final Path POLL_PROJECT = Path.of("..", "examples", "poll-plugin").toAbsolutePath().normalize();
    private static final Map<String, Object> LUNCH = Map.of("question", "Lunch?", "option1", "Pizza", "option2", "Soup");
    private static final String TOKEN = "operator-token-for-cluster-tests";
    private static final String V2 = "ALTER TABLE poll ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;";

    @TempDir
    static Path dir;
    static Path modulesDir;
    static ClusterHarness cluster;
    static ServiceProcess first;
    static ServiceProcess second;

    @BeforeAll
    static void start() throws IOException {
        modulesDir = Files.createDirectories(dir.resolve("modules"));
        cluster = new ClusterHarness(dir, Map.of("MODULES_DIR", modulesDir.toString(), "OPERATOR_TOKEN", TOKEN,
                "INTERACTION_DEFER_MS", "2000", "BUS_ACK_WAIT_SECONDS", "20"));
        first = cluster.startWorker("w1", Map.of());
        second = cluster.startWorker("w2", Map.of());
        cluster.startGateway();
        first.awaitReady(ClusterHarness.START);
        second.awaitReady(ClusterHarness.START);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    /** {@code guildhall ARGS} pointed at one worker's operator endpoints: the exit code, then what it printed. */
    private static String cli(ServiceProcess worker, String... args) {
        StringWriter out = new StringWriter();
        picocli.CommandLine line = Main.commandLine(Map.of("OPERATOR_TOKEN", TOKEN,
                "OPERATOR_URL", "http://127.0.0.1:" + worker.webPort()), new PrintWriter(out, true));
        line.setErr(new PrintWriter(out, true));
        return line.execute(args) + " " + out;
    }

    private static String listed(ServiceProcess worker) {
        return cli(worker, "modules", "list");
    }

    /** The poll project as {@code poll.jar} at {@code version}, with extra resources (migrations). */
    private static void dropPollJar(String version, Map<String, String> extraResources) {
        Path jar = PluginJars.build(POLL_PROJECT, dir.resolve("build").resolve("poll-" + version + ".jar"),
                (path, text) -> text.replace("VERSION = \"1.0.0\"", "VERSION = \"" + version + "\""), extraResources);
        try {
            // a move within the folder, so a worker never reads a half-copied jar
            Path part = Files.copy(jar, modulesDir.resolve("poll.jar.part"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, modulesDir.resolve("poll.jar"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pollAnswer(TestGuild guild) {
        JsonNode answer = cluster.finalAnswer(cluster.control().invokeCommand(guild.id(), guild.general(),
                guild.member(), "poll", LUNCH, WAIT));
        return answer.get("content").asText();
    }

    /**
     * Runs /poll until each worker has handled some of them (the guild's events go to whichever worker fetches
     * first), every answer from {@code version}; fails if twenty polls never reached both.
     */
    private static void pollOnBothWorkers(TestGuild guild, String version) {
        double firstBefore = first.metric("guildhall_events_handled_total");
        double secondBefore = second.metric("guildhall_events_handled_total");
        for (int i = 0; i < 20; i++) {
            assertThat(pollAnswer(guild)).isEqualTo("**Lunch?** (poll " + version + ")");
            if (i >= 3 && first.metric("guildhall_events_handled_total") > firstBefore
                    && second.metric("guildhall_events_handled_total") > secondBefore) {
                return;
            }
        }
        throw new AssertionError("twenty polls were not spread over both workers" + cluster.logs());
    }

    private long appliedMigrations(String version) {
        try (Connection connection = DriverManager.getConnection(cluster.postgres.jdbcUrl(), cluster.postgres.user(),
                cluster.postgres.password());
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM flyway_module_poll WHERE success AND version = '" + version + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPluginChangeAskedOfOneWorkerIsMadeByEveryWorkerAndARefusedOneByNone() {
        TestGuild guild = cluster.newGuild("Cluster Polls");
        cluster.control().botJoin(guild.id());
        eventually(() -> cluster.commandNames(guild), names -> names.contains("setup"));
        cluster.finalAnswer(cluster.setUp(guild, "frolf"));
        eventually(() -> cluster.commandNames(guild), names -> names.contains("modules"));
        // the gateway runs no module code: it has no operator endpoints
        assertThat(cluster.gateway().status("/operator/modules")).isEqualTo(404);

        dropPollJar("1.0.0", Map.of());
        assertThat(cli(first, "modules", "load", "poll")).isEqualTo("0 loaded poll  module poll  version 1.0.0\n");
        eventually(() -> listed(second), text -> text.equals("0 poll  module poll  version 1.0.0\n1 plugin(s)\n"));
        JsonNode enabled = cluster.finalAnswer(cluster.control().invokeCommand(guild.id(), guild.general(),
                guild.owner(), "modules enable", Map.of("module", "poll"), WAIT));
        assertThat(enabled.get("content").asText()).startsWith("Enabled **poll**");
        eventually(() -> cluster.commandNames(guild), names -> names.contains("poll"));
        pollOnBothWorkers(guild, "1.0.0");

        // a new version with a migration, asked of the other worker: both serve it, the migration applied once
        dropPollJar("2.0.0", Map.of("db/modules/poll/V2__poll_closed.sql", V2));
        assertThat(cli(second, "modules", "reload", "poll")).isEqualTo("0 reloaded poll  module poll  version 2.0.0\n");
        eventually(() -> listed(first), text -> text.contains("version 2.0.0"));
        assertThat(appliedMigrations("2")).isEqualTo(1);
        pollOnBothWorkers(guild, "2.0.0");

        // a worker that starts now loads what the folder holds
        ServiceProcess late = cluster.startWorker("w3");
        assertThat(listed(late)).isEqualTo("0 poll  module poll  version 2.0.0\n1 plugin(s)\n");
        late.close();

        // a version whose migration fails is refused on the asked worker and never announced: 2.0.0 keeps answering
        dropPollJar("3.0.0", Map.of("db/modules/poll/V2__poll_closed.sql", V2,
                "db/modules/poll/V3__broken.sql", "CREATE TABLE (;"));
        assertThat(cli(first, "modules", "reload", "poll"))
                .startsWith("1 guildhall: Plugin poll refused: could not apply the migrations of module poll");
        assertThat(listed(first)).contains("version 2.0.0");
        pollOnBothWorkers(guild, "2.0.0");
        assertThat(listed(second)).contains("version 2.0.0");
        assertThat(first.status("/ready")).isEqualTo(200);
        assertThat(second.status("/ready")).isEqualTo(200);

        assertThat(cli(first, "modules", "unload", "poll")).isEqualTo("0 unloaded poll  module poll  version 2.0.0\n");
        eventually(() -> cluster.commandNames(guild), names -> !names.contains("poll"));
        eventually(() -> listed(second), text -> text.equals("0 0 plugin(s)\n"));
        assertThat(listed(first)).isEqualTo("0 0 plugin(s)\n");
    }

    /**
     * A worker whose plugin folder is not the shared one cannot follow a load: it says so on /ready (503) and keeps
     * its plugins, and is ready again once a later change of that plugin works there. Leaves no plugin loaded.
     */
    @Test
    void aWorkerThatCannotFollowAChangeReportsUnreadyUntilALaterOneWorks() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("not-shared"));
        ServiceProcess stray = cluster.startWorker("w4", Map.of("MODULES_DIR", elsewhere.toString()))
                .awaitReady(ClusterHarness.START);
        try {
            dropPollJar("1.0.0", Map.of());
            assertThat(cli(first, "modules", "load", "poll")).isEqualTo("0 loaded poll  module poll  version 1.0.0\n");
            eventually(() -> stray.status("/ready"), status -> status == 503);
            assertThat(stray.get("/ready")).contains("there is no poll.jar in " + elsewhere);
            assertThat(listed(stray)).isEqualTo("0 0 plugin(s)\n");
            assertThat(second.status("/ready")).isEqualTo(200);

            assertThat(cli(first, "modules", "unload", "poll")).isEqualTo("0 unloaded poll  module poll  version 1.0.0\n");
            eventually(() -> stray.status("/ready"), status -> status == 200);
            eventually(() -> listed(second), text -> text.equals("0 0 plugin(s)\n"));
        } finally {
            stray.close();
        }
    }
}
