package dev.guildhall.app;

import dev.guildhall.app.EmulatorDriver.TestGuild;
import dev.guildhall.bus.nats.JetStreamBus;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.emulator.RecordedRequest;
import dev.guildhall.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode under failure: one gateway and three workers in their own JVMs, a real nats-server and PostgreSQL,
 * and bursts of commands while a worker is killed with SIGKILL, NATS is killed and restarted, and PostgreSQL is
 * stopped for 20 s. The probe module's counters are the effects: a count above the commands sent means an envelope
 * was handled twice, below means one was lost. Every interaction must get exactly one first response.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedFailureTest {
    private static final Duration SETTLE = Duration.ofMinutes(3);

    @TempDir
    static Path dir;
    static ClusterHarness cluster;
    static final Map<String, ServiceProcess> workers = new HashMap<>();
    static List<TestGuild> guilds;

    @BeforeAll
    static void start() {
        cluster = new ClusterHarness(dir, Map.of("BUS_ACK_WAIT_SECONDS", "5", "BUS_MAX_DELIVERIES", "3"));
        for (String name : List.of("w1", "w2", "w3")) workers.put(name, cluster.startWorker(name, Map.of()));
        cluster.startGateway();
        workers.values().forEach(w -> w.awaitReady(ClusterHarness.START));
        guilds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestGuild guild = cluster.newGuild("Burst " + i);
            cluster.control().botJoin(guild.id());
            guilds.add(guild);
        }
        for (TestGuild guild : guilds) {
            ClusterHarness.eventually(() -> cluster.commandNames(guild), names -> names.contains("probe"));
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    @Order(1)
    void fiftyGuildsTimesTwoHundredNumberedEventsAreHandledInOrderOnceEachWhileAWorkerLeavesAndJoins() {
        List<GuildId> numbered = new ArrayList<>();
        for (int i = 0; i < 50; i++) numbered.add(GuildId.of(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 60)));
        try (JetStreamBus bus = cluster.bus()) {
            for (int n = 1; n <= 200; n++) {
                for (GuildId guild : numbered) {
                    bus.publish(new Envelope("probe:" + guild + ":" + n, guild, 0, Instant.now(),
                            new GuildEvent.TimerFired("probe", Long.toString(n)), Map.of()));
                }
            }
        }

        // workers come and go while the guilds' events flow: one is killed a third of the way, started again later
        awaitSettled(() -> handled(numbered) >= 3_000);
        workers.get("w3").kill();
        awaitSettled(() -> handled(numbered) >= 6_000);
        workers.put("w3", cluster.startWorker("w3"));
        awaitSettled(() -> numbered.stream().allMatch(g -> handled(cluster.probe(g)) >= 200));
        Map<String, Long> byWorker = new HashMap<>();
        for (GuildId guild : numbered) {
            Map<String, Long> probe = cluster.probe(guild);
            assertThat(handled(probe)).as("handled in guild %s", guild).isEqualTo(200);
            assertThat(probe).as("guild %s", guild).containsEntry("last", 200L).doesNotContainKey("disorder");
            probe.forEach((key, value) -> {
                if (key.startsWith("by_")) byWorker.merge(key, value, Long::sum);
            });
        }
        assertThat(byWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000);
        assertThat(byWorker).as("every worker took a share").containsKeys("by_w1", "by_w2", "by_w3");
    }

    private static long handled(List<GuildId> guilds) {
        return guilds.stream().mapToLong(g -> handled(cluster.probe(g))).sum();
    }

    /** Numbered events handled in a guild: the sum of the per-worker counters. */
    private static long handled(Map<String, Long> probe) {
        return probe.entrySet().stream().filter(e -> e.getKey().startsWith("by_")).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    @Order(2)
    void aWorkerKilledMidBurstLosesAndDoublesNothing() {
        Burst burst = burst(200, 3_000, () -> workers.get("w2").kill());

        burst.assertExactlyOnce();
        workers.put("w2", cluster.startWorker("w2"));
    }

    @Test
    @Order(3)
    void natsKilledAndRestartedMidBurstLosesNothing() {
        AtomicInteger gatewayReadiness = new AtomicInteger();
        Burst burst = burst(20, 300, () -> {
            cluster.nats.kill();
            gatewayReadiness.set(awaitStatus(cluster.gateway(), 503));
            sleep(Duration.ofSeconds(3));
            cluster.nats.start();
        });

        burst.assertExactlyOnce();
        assertThat(gatewayReadiness.get()).as("gateway /ready while NATS is down").isEqualTo(503);
        assertThat(cluster.gateway().status("/ready")).isEqualTo(200);
    }

    @Test
    @Order(4)
    void postgresStoppedForTwentySecondsMidBurstLosesNothingAndTheBreakerOpensAndCloses() {
        AtomicInteger workerReadiness = new AtomicInteger();
        Burst burst = burst(20, 300, () -> {
            cluster.postgres.stop();
            long stopped = System.nanoTime();
            workerReadiness.set(awaitStatus(workers.get("w1"), 503));
            sleep(Duration.ofSeconds(20).minusNanos(System.nanoTime() - stopped));
            cluster.postgres.start();
        });

        burst.assertExactlyOnce();
        assertThat(workerReadiness.get()).as("worker /ready while PostgreSQL is down").isEqualTo(503);
        assertThat(workers.get("w1").get("/ready")).contains("\"status\":\"ready\"");
        double opened = workers.values().stream()
                .mapToDouble(w -> w.metric("guildhall_database_breaker_transitions_total{to=\"open\"")).sum();
        double closed = workers.values().stream()
                .mapToDouble(w -> w.metric("guildhall_database_breaker_transitions_total{to=\"closed\"")).sum();
        assertThat(opened).as("breaker opened").isGreaterThanOrEqualTo(1);
        assertThat(closed).as("breaker closed again").isGreaterThanOrEqualTo(1);
        assertThat(workers.values()).allMatch(w -> w.get("/metrics")
                .contains("resilience4j_circuitbreaker_state{name=\"database\",state=\"closed\"} 1.0"));
    }

    @Test
    @Order(5)
    void anAlwaysFailingEnvelopeIsDeadLetteredAndReplayedOnceFixed() {
        restartWorkers(Map.of("PROBE_BROKEN", "true"));
        GuildId guild = GuildId.of(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 60));
        try (JetStreamBus bus = cluster.bus()) {
            bus.publish(new Envelope("probe-fail:" + guild, guild, 0, Instant.now(),
                    new GuildEvent.TimerFired("probe:fail", "1"), Map.of()));
        }

        String listed = ClusterHarness.eventually(() -> cluster.cli("dlq", "list", "--guild", guild.toString()),
                out -> out.contains("1 dead letter(s)"));
        assertThat(listed).contains("probe-fail:" + guild).contains("attempts 3").contains("probe-fail handler is broken");
        assertThat(cluster.probe(guild)).doesNotContainKey("fixed");
        // the worker counts a dead letter just after storing it
        ClusterHarness.eventually(() -> workers.values().stream()
                .mapToDouble(w -> w.metric("guildhall_dead_letters_total")).sum(), counted -> counted == 1.0);

        restartWorkers(Map.of());
        assertThat(cluster.cli("dlq", "replay", "--guild", guild.toString())).contains("replayed 1 dead letter(s)");

        ClusterHarness.eventually(() -> cluster.probe(guild), probe -> probe.getOrDefault("fixed", 0L) == 1L);
        assertThat(cluster.cli("dlq", "list", "--guild", guild.toString())).contains("0 dead letter(s)");
        assertThat(cluster.cli("dlq", "replay", "--guild", guild.toString())).contains("replayed 0 dead letter(s)");
        sleep(Duration.ofSeconds(2));
        assertThat(cluster.probe(guild)).containsEntry("fixed", 1L);
    }

    /** Polls {@code /ready} for up to 15 s until it answers {@code wanted}; returns the last status seen. */
    private static int awaitStatus(ServiceProcess process, int wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = process.status("/ready");
        while (status != wanted && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            status = process.status("/ready");
        }
        return status;
    }

    private static void restartWorkers(Map<String, String> env) {
        List<Thread> stopping = workers.values().stream().map(w -> Thread.ofVirtual().start(w::close)).toList();
        stopping.forEach(DistributedFailureTest::join);
        for (String name : List.of("w1", "w2", "w3")) workers.put(name, cluster.startWorker(name, env));
        workers.values().forEach(w -> w.awaitReady(ClusterHarness.START));
    }

    /** Sends {@code perGuild} /probe commands to each of the 50 guilds, 64 at a time; runs {@code fault} after {@code after}. */
    private static Burst burst(int perGuild, int after, Runnable fault) {
        Map<TestGuild, Long> before = new HashMap<>();
        for (TestGuild guild : guilds) before.put(guild, cluster.probe(guild.guildId()).getOrDefault("count", 0L));
        Set<String> interactions = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger sent = new AtomicInteger();
        Thread faultThread = null;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < perGuild; n++) {
                for (TestGuild guild : guilds) {
                    acquire(inFlight);
                    if (sent.incrementAndGet() == after) faultThread = Thread.ofVirtual().start(fault);
                    senders.execute(() -> {
                        try {
                            InteractionOutcome outcome = cluster.control().invokeCommand(guild.id(), guild.general(),
                                    guild.member(), "probe", Map.of(), Duration.ofSeconds(90));
                            interactions.add(outcome.interactionId());
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
        }
        if (faultThread != null) join(faultThread);
        return new Burst(before, perGuild, interactions, failures.get());
    }

    private record Burst(Map<TestGuild, Long> before, int perGuild, Set<String> interactions, int failures) {
        void assertExactlyOnce() {
            assertThat(failures).as("commands the emulator saw no answer to").isZero();
            awaitSettled(() -> before.entrySet().stream().allMatch(e ->
                    cluster.probe(e.getKey().guildId()).getOrDefault("count", 0L) >= e.getValue() + perGuild));
            sleep(Duration.ofSeconds(2)); // a late duplicate would show up here
            for (Map.Entry<TestGuild, Long> entry : before.entrySet()) {
                assertThat(cluster.probe(entry.getKey().guildId()).get("count")).as("guild %s", entry.getKey().id())
                        .isEqualTo(entry.getValue() + perGuild);
            }
            Map<String, Long> callbacks = cluster.control().requests().stream()
                    .filter(r -> r.route().endsWith("/callback"))
                    .collect(Collectors.groupingBy(DistributedFailureTest::interactionOf, Collectors.counting()));
            for (String id : interactions) {
                assertThat(callbacks.getOrDefault(id, 0L)).as("callbacks of interaction %s", id).isEqualTo(1L);
                assertThat(cluster.finalAnswer(cluster.control().interaction(id)).get("content").asText())
                        .startsWith("count ");
            }
            assertThat(cluster.control().requests()).noneMatch(r -> r.route().endsWith("/callback") && r.status() >= 400);
        }
    }

    private static String interactionOf(RecordedRequest request) {
        String path = request.path();
        int start = path.indexOf("/interactions/") + "/interactions/".length();
        return path.substring(start, path.indexOf('/', start));
    }

    private static void awaitSettled(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not settled after " + SETTLE + cluster.logs());
            sleep(Duration.ofMillis(500));
        }
    }

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
