package dev.guildhall.bench;

import dev.guildhall.testkit.FreePorts;
import dev.guildhall.testkit.NatsServer;
import dev.guildhall.testkit.PostgresServer;
import dev.guildhall.testkit.ServiceProcess;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Distributed mode as it runs in production, on this machine: a nats-server and a PostgreSQL started for the run,
 * N worker JVMs and one gateway JVM from the app's jar, and the emulator in this JVM. Process output stays in the
 * work directory; the path of a process that died is printed.
 */
final class DistributedTarget implements BenchTarget {
    private static final Duration READY = Duration.ofSeconds(120);

    private final NatsServer nats;
    private final PostgresServer postgres;
    private final EmulatedDiscord discord;
    private final List<ServiceProcess> processes;
    private final PrintWriter progress;

    private DistributedTarget(NatsServer nats, PostgresServer postgres, EmulatedDiscord discord,
                              List<ServiceProcess> processes, PrintWriter progress) {
        this.nats = nats;
        this.postgres = postgres;
        this.discord = discord;
        this.processes = processes;
        this.progress = progress;
    }

    static DistributedTarget open(BenchPlan plan, Path workDir, PrintWriter progress) {
        if (!Files.isRegularFile(plan.appJar())) {
            throw new IllegalStateException("the app's jar " + plan.appJar() + " is missing: build it with "
                    + "mvn -pl guildhall-app -am package -DskipTests, or pass --app-jar");
        }
        Path logDir;
        try {
            logDir = Files.createDirectories(workDir.resolve("distributed-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AutoCloseable> started = new ArrayList<>();
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            NatsServer nats = own(started, NatsServer.launch());
            PostgresServer postgres = own(started, PostgresServer.launch());
            EmulatedDiscord discord = own(started, EmulatedDiscord.start());
            Map<String, String> common = new HashMap<>();
            common.put("NATS_URL", nats.url());
            common.put("DATABASE_URL", postgres.postgresUrl(PostgresServer.DEFAULT_DATABASE));
            common.put("ENVIRONMENT", "bench-" + UUID.randomUUID().toString().substring(0, 8));
            // workers first: they migrate the database, and the gateway has work to hand over only once they are up
            for (int i = 1; i <= plan.workers(); i++) {
                Map<String, String> env = new HashMap<>(common);
                env.put("BOT_MODE", "worker");
                processes.add(own(started, launch("worker-" + i, plan, env, logDir)));
            }
            Map<String, String> gatewayEnv = new HashMap<>(common);
            gatewayEnv.put("BOT_MODE", "gateway");
            gatewayEnv.putAll(discord.botEnvironment());
            processes.add(own(started, launch("gateway", plan, gatewayEnv, logDir)));
            for (ServiceProcess process : processes) process.awaitReady(READY);
            progress.printf("  gateway and %d workers ready (logs in %s)%n", plan.workers(), logDir);
            discord.prepareGuilds(plan.guilds(), progress);
            return new DistributedTarget(nats, postgres, discord, processes, progress);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T own(List<AutoCloseable> started, T resource) {
        started.add(resource);
        return resource;
    }

    /** {@code java [child JVM options] -jar guildhall.jar run} with the bench's own JDK. */
    private static ServiceProcess launch(String name, BenchPlan plan, Map<String, String> env, Path logDir) {
        List<String> arguments = new ArrayList<>(plan.childJvmArgs());
        arguments.addAll(List.of("-jar", plan.appJar().toString(), "run"));
        return ServiceProcess.start(name, arguments, env, FreePorts.next(), logDir);
    }

    /** In reverse order of starting; the processes in parallel, since each drains on its own. */
    private static void closeAll(List<AutoCloseable> started) {
        List<Thread> stopping = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable resource = started.get(i);
            if (resource instanceof ServiceProcess process) {
                stopping.add(Thread.ofVirtual().start(process::close));
                continue;
            }
            joinAll(stopping);
            stopping.clear();
            closeQuietly(resource);
        }
        joinAll(stopping);
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // the run's figures are already taken; a server that will not stop is cleaned up by its exit hook
        }
    }

    @Override
    public Outcome send(int index, int guild, Duration timeout) {
        return discord.leaderboard(guild, timeout);
    }

    @Override
    public void close() {
        for (ServiceProcess process : processes) {
            if (!process.isAlive()) progress.printf("  %s died during the run; its output: %s%n", process.name(), process.log());
        }
        progress.flush();
        List<AutoCloseable> started = new ArrayList<>();
        started.add(nats);
        started.add(postgres);
        started.add(discord);
        started.addAll(processes);
        closeAll(started);
    }
}
