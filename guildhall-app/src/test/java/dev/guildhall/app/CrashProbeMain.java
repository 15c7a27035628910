package dev.guildhall.app;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** A standalone process as {@code guildhall run} starts it, plus the {@link CrashProbeModule}. */
public final class CrashProbeMain {
    private CrashProbeMain() {}

    public static void main(String[] args) throws InterruptedException {
        AppConfig config = AppConfig.fromEnvironment(System.getenv());
        Standalone standalone = Standalone.start(config, Clock.systemUTC(), CrashProbeModule::new);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standalone.close();
            stopped.countDown();
        }));
        System.out.println("crash probe standalone ready on port " + standalone.webPort());
        stopped.await();
    }
}
