package dev.guildhall.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A worker process as {@code guildhall run} starts it with {@code BOT_MODE=worker}, plus the {@link ProbeModule}.
 * {@code PROBE_WORKER} names it, {@code PROBE_BROKEN=true} breaks the probe's failing handler, {@code PROBE_SLOW_MS}
 * sets how long {@code /probe-slow} takes.
 */
public final class ProbeWorkerMain {
    private ProbeWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        AppConfig config = AppConfig.fromEnvironment(System.getenv());
        String name = System.getenv().getOrDefault("PROBE_WORKER", "worker");
        boolean broken = Boolean.parseBoolean(System.getenv().getOrDefault("PROBE_BROKEN", "false"));
        Duration slow = Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("PROBE_SLOW_MS", "4000")));
        Worker worker = Worker.start(config, Clock.systemUTC(),
                store -> List.of(new ProbeModule(store.moduleSettings(), name, broken, slow)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }));
        System.out.println("probe worker " + name + " ready on port " + worker.webPort());
        stopped.await();
    }
}
