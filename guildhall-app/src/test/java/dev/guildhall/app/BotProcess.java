package dev.guildhall.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Guildhall JVM started by a test: its own process (so it can be killed with SIGKILL), this test's class path,
 * output to a log file, and its HTTP port for {@code /ready} and {@code /metrics}.
 */
final class BotProcess implements AutoCloseable {
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    private final int webPort;
    private final Path log;
    private final Process process;

    private BotProcess(String name, int webPort, Path log, Process process) {
        this.name = name;
        this.webPort = webPort;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code mainClass} with {@code args} and {@code env} added to a minimal environment. */
    static BotProcess start(String name, String mainClass, List<String> args, Map<String, String> env, int webPort,
                            Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        builder.environment().putAll(env);
        builder.environment().put("METRICS_ADDRESS", "127.0.0.1:" + webPort);
        builder.environment().put("LOG_FORMAT", "text");
        Path log = logDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new BotProcess(name, webPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until {@code /ready} answers 200; fails with the log's tail if the process dies or time runs out. */
    BotProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            if (status("/ready") == 200) return this;
            sleep(200);
        }
        throw new AssertionError(name + " not ready after " + timeout + ":\n" + logTail());
    }

    int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String get(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the Prometheus samples whose series (name and labels) starts with {@code series}. */
    double metric(String series) {
        return get("/metrics").lines()
                .filter(line -> !line.startsWith("#") && line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path)).timeout(Duration.ofSeconds(5)).build();
    }

    /** SIGKILL: no shutdown hook, no drain, no ack of what it was doing. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, so the process drains and closes as in a normal shutdown; SIGKILL if it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
