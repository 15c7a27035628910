package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.EmulatorOptions;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.emulator.RecordedRequest;
import dev.guildhall.testkit.FreePorts;
import dev.guildhall.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.guildhall.testkit.Conditions.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standalone on SQLite in its own JVM, killed with SIGKILL in the middle of a burst of {@code /crash} commands
 * ({@link CrashProbeModule}) and started again on the same file. Each command is whole or absent (its two rows both
 * or neither, never twice), no message or reaction is posted twice, what committed gets its stored reaction (before
 * the kill, or from the start-up sweep), commands the dead process never handled stay unhandled (Discord does not
 * send them again), and every timer set in a committed unit fires once, those due while the process was down too.
 */
class StandaloneCrashTest {
    private static final int COMMANDS = 200;
    private static final int GUILDS = 4;
    private static final int IN_FLIGHT = 16;
    private static final int KILL_AFTER_ANSWERS = 130;
    private static final Duration ANSWER = Duration.ofSeconds(3);
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void aStandaloneKilledMidBurstKeepsEachCommandWholeOrAbsentOnceAndFiresEachCommittedTimerOnce() throws Exception {
        try (DiscordEmulator emulator = DiscordEmulator.start(EmulatorOptions.defaults())) {
            EmulatorControl control = emulator.control();
            Map<String, String> env = Map.of(
                    "BOT_MODE", "standalone",
                    "DISCORD_TOKEN", emulator.botToken(),
                    "DISCORD_API_BASE_URL", emulator.restBaseUrl().toString(),
                    "DISCORD_GATEWAY_URL", emulator.gatewayUrl().toString(),
                    "GUILDHALL_DATA_DIR", dir.resolve("data").toString(),
                    "MODULES_DIR", dir.resolve("modules").toString());
            Path database = dir.resolve("data").resolve("guildhall.db");

            ServiceProcess first = launch("standalone", env).awaitReady(START);
            // several guilds, so units of different guilds run and deliver side by side when the kill comes
            List<Place> places = new ArrayList<>();
            for (int i = 0; i < GUILDS; i++) {
                JsonNode guild = control.createGuild("Crash " + i, "owner");
                Place place = new Place(guild.get("id").asLong(), guild.get("owner_id").asLong(),
                        guild.get("channels").get(0).get("id").asLong());
                control.botJoin(place.guild());
                places.add(place);
            }
            for (Place place : places) {
                awaitUntil("the /crash command is registered", START, () -> control.commands(
                        OptionalLong.of(place.guild())).stream().anyMatch(c -> c.get("name").asText().equals("crash")));
            }

            // the burst: IN_FLIGHT commands at a time; the process is killed once KILL_AFTER_ANSWERS were answered
            CountDownLatch answered = new CountDownLatch(KILL_AFTER_ANSWERS);
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger sentAtKill = new AtomicInteger(-1);
            AtomicReference<Instant> killedAt = new AtomicReference<>();
            Thread killer = Thread.ofVirtual().start(() -> {
                try {
                    answered.await(START.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sentAtKill.set(sent.get());
                killedAt.set(Instant.now());
                first.kill();
            });
            Map<Long, InteractionOutcome> outcomes = new ConcurrentHashMap<>();
            Semaphore slots = new Semaphore(IN_FLIGHT);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (long n = 1; n <= COMMANDS; n++) {
                    slots.acquire();
                    long number = n;
                    Place place = places.get((int) (n % GUILDS));
                    sent.incrementAndGet();
                    pool.submit(() -> {
                        try {
                            InteractionOutcome outcome = control.invokeCommand(place.guild(), place.channel(),
                                    place.owner(), "crash", Map.of("n", number), ANSWER);
                            outcomes.put(number, outcome);
                            if (outcome.response().isPresent()) answered.countDown();
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            killer.join();
            assertThat(sentAtKill.get()).as("killed mid-burst").isBetween(KILL_AFTER_ANSWERS, COMMANDS - 1);

            // every timer the dead process left is due before it starts again
            Pending pending = pendingTimers(database);
            awaitUntil("the pending timers are due", SETTLE, () -> Instant.now().isAfter(pending.latestDue()));

            ServiceProcess second = launch("standalone-restarted", env).awaitReady(START);
            awaitUntil("every timer of a committed command fired", SETTLE, () -> {
                Map<Long, Integer> orders = counts(database, "SELECT n FROM crash_probe_order");
                Map<Long, Integer> timers = counts(database, "SELECT n FROM crash_probe_timer");
                long due = orders.keySet().stream().filter(CrashProbeModule::setsTimer).count();
                return timers.size() >= due && pendingTimers(database).count() == 0;
            });
            Map<Long, Integer> committedSoFar = counts(database, "SELECT n FROM crash_probe_order");
            awaitUntil("every committed command has its reaction", SETTLE, () ->
                    reactions(control, places).keySet().containsAll(committedSoFar.keySet()));
            double redelivered = second.metric("guildhall_actions_redelivered_total");
            double givenUp = second.metric("guildhall_interactions_unanswerable_total");
            second.close();

            Map<Long, Integer> orders = counts(database, "SELECT n FROM crash_probe_order");
            Map<Long, Integer> receipts = counts(database, "SELECT n FROM crash_probe_receipt");
            Map<Long, Integer> timers = counts(database, "SELECT n FROM crash_probe_timer");
            Map<Long, Integer> timersBeforeKill = counts(database,
                    "SELECT n FROM crash_probe_timer WHERE fired_at < " + killedAt.get().toEpochMilli());
            Map<Long, Integer> messages = messages(control, places);
            Map<Long, Integer> reactions = reactions(control, places);
            for (long n = 1; n <= COMMANDS; n++) {
                int order = orders.getOrDefault(n, 0);
                assertThat(order).as("command %d's rows", n).isLessThanOrEqualTo(1)
                        .isEqualTo(receipts.getOrDefault(n, 0));
                assertThat(messages.getOrDefault(n, 0)).as("command %d's message", n).isLessThanOrEqualTo(1)
                        .isGreaterThanOrEqualTo(order);
                // a stored action runs again only if the kill fell between Discord's answer and its record
                assertThat(reactions.getOrDefault(n, 0)).as("command %d's reactions", n).isBetween(order, 2 * order);
                int timer = order == 1 && CrashProbeModule.setsTimer(n) ? 1 : 0;
                assertThat(timers.getOrDefault(n, 0)).as("command %d's timer", n).isEqualTo(timer);
            }
            long repeated = reactions.values().stream().filter(count -> count > 1).count();
            // each guild's lane delivers its actions one at a time, so the kill can catch at most one per guild
            assertThat(repeated).as("stored actions between Discord's answer and their record at the kill")
                    .isLessThanOrEqualTo(GUILDS);
            int handled = orders.size();
            long answers = outcomes.values().stream().filter(o -> o.response().isPresent()).count();
            long orphanMessages = messages.keySet().stream().filter(n -> !orders.containsKey(n)).count();
            assertThat(handled).as("handled before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ANSWERS);
            assertThat(COMMANDS - handled).as("lost in the crash").isPositive();
            assertThat(pending.count()).as("timers due while the process was down").isPositive();
            System.out.printf("standalone crash: %d commands sent, %d handled (committed), %d lost in the crash "
                            + "(never handled, not retried), %d answered, %d message(s) posted by a unit that did not "
                            + "commit, %d reaction(s) repeated; start-up sweep: %.0f stored action(s) delivered, "
                            + "%.0f answer(s) given up; "
                            + "timers: %d set in committed units, %d fired, %d before the kill, %d left due while the process "
                            + "was down%n",
                    COMMANDS, handled, COMMANDS - handled, answers, orphanMessages, repeated, redelivered, givenUp,
                    orders.keySet().stream().filter(CrashProbeModule::setsTimer).count(), timers.size(),
                    timersBeforeKill.size(), pending.count());
        }
    }

    private ServiceProcess launch(String name, Map<String, String> env) {
        return ServiceProcess.start(name, List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), CrashProbeMain.class.getName()), env, FreePorts.next(), dir);
    }

    private record Pending(int count, Instant latestDue) {}

    private static Pending pendingTimers(Path database) {
        return query(database, "SELECT COUNT(*), MAX(execution_time) FROM scheduled_tasks", rows -> {
            rows.next();
            return new Pending(rows.getInt(1), Instant.ofEpochMilli(rows.getLong(2)));
        });
    }

    /** How many rows each n has. */
    private static Map<Long, Integer> counts(Path database, String sql) {
        return query(database, sql, rows -> {
            Map<Long, Integer> counts = new TreeMap<>();
            while (rows.next()) counts.merge(rows.getLong(1), 1, Integer::sum);
            return counts;
        });
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(Path database, String sql, Rows<T> read) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000"); // the process may be writing
            try (ResultSet rows = statement.executeQuery(sql)) {
                return read.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database + ": " + sql, e);
        }
    }

    private record Place(long guild, long owner, long channel) {}

    /** The "crash N" messages per N, in every guild's channel. */
    private static Map<Long, Integer> messages(EmulatorControl control, List<Place> places) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (JsonNode message : places.stream().flatMap(p -> control.messages(p.channel()).stream()).toList()) {
            String content = message.path("content").asText();
            if (content.startsWith("crash ")) counts.merge(Long.parseLong(content.substring(6)), 1, Integer::sum);
        }
        return counts;
    }

    /** The bot's reaction requests per N, matched to the "crash N" message they reacted to. */
    private static Map<Long, Integer> reactions(EmulatorControl control, List<Place> places) {
        Map<String, Long> numberOfMessage = new HashMap<>();
        for (JsonNode message : places.stream().flatMap(p -> control.messages(p.channel()).stream()).toList()) {
            String content = message.path("content").asText();
            if (content.startsWith("crash ")) {
                numberOfMessage.put(message.get("id").asText(), Long.parseLong(content.substring(6)));
            }
        }
        Map<Long, Integer> counts = new TreeMap<>();
        for (RecordedRequest request : control.requests()) {
            if (!request.method().equals("PUT") || !request.path().contains("/reactions/") || request.status() >= 300) {
                continue;
            }
            String[] parts = request.path().split("/");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (parts[i].equals("messages") && numberOfMessage.containsKey(parts[i + 1])) {
                    counts.merge(numberOfMessage.get(parts[i + 1]), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
