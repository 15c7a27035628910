package dev.guildhall.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the bot until the process is stopped, in the mode {@code BOT_MODE} names. Standalone without
 * {@code DISCORD_TOKEN} runs the sandbox.
 */
@Command(name = "run", description = "Run the bot (with no DISCORD_TOKEN: the sandbox with a local Discord emulator).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private final Main main;

    RunCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() {
        AppConfig config = AppConfig.fromEnvironment(main.env());
        Running app = switch (config.mode()) {
            case STANDALONE -> Standalone.start(config, Clock.systemUTC());
            case GATEWAY -> Gateway.start(config);
            case WORKER -> Worker.start(config, Clock.systemUTC());
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "guildhall-shutdown"));
        main.out().println("Guildhall is running. Health: http://127.0.0.1:" + app.webPort() + "/health");
        app.sandboxPage().ifPresent(page -> main.out().println("Sandbox page: " + page));
        log.info("started in {} mode (environment {})", config.mode().name().toLowerCase(Locale.ROOT),
                config.environment());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
