package dev.guildhall.testkit;

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
 * A Guildhall JVM started as its own process (so a test can kill it with SIGKILL): the running JDK, the given JVM
 * arguments and main (a class with {@code -cp}, or {@code -jar}), only {@code PATH} and {@code HOME} of this
 * environment plus {@code env}, output appended to {@code <name>.log}, and HTTP on {@code webPort} for {@code /ready}
 * and {@code /metrics} ({@code METRICS_ADDRESS} is set to it).
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration STOP = Duration.ofSeconds(40);
    private static final Duration REQUEST = Duration.ofSeconds(10);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int webPort;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int webPort, Path log, Process process) {
        this.name = name;
        this.webPort = webPort;
        this.log = log;
        this.process = process;
    }

    /** {@code arguments} follow the java command: JVM options, then {@code -cp CP Main args} or {@code -jar JAR args}. */
    public static ServiceProcess start(String name, List<String> arguments, Map<String, String> env, int webPort,
                                       Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // nothing of the caller's environment leaks in: the process sees what it is given
        builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        builder.environment().putAll(env);
        builder.environment().put("METRICS_ADDRESS", "127.0.0.1:" + webPort);
        builder.environment().put("LOG_FORMAT", "text");
        Path log = logDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new ServiceProcess(name, webPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " with " + java, e);
        }
    }

    /** Waits until {@code /ready} answers 200; fails with the log's tail if the process dies or time runs out. */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " (" + log + "):\n"
                        + logTail());
            }
            if (status("/ready") == 200) return this;
            pause(Duration.ofMillis(200)); // polling interval of the readiness check
        }
        throw new IllegalStateException(name + " was not ready after " + timeout + " (" + log + "):\n" + logTail());
    }

    /** The HTTP status of {@code GET path}, or -1 when the process does not answer. */
    public int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String get(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking " + name + " for " + path, e);
        }
    }

    /** The sum of the Prometheus samples whose series (name and labels) starts with {@code series}. */
    public double metric(String series) {
        return get("/metrics").lines()
                .filter(line -> !line.startsWith("#") && line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path)).timeout(REQUEST).build();
    }

    /** SIGKILL: no shutdown hook, no drain, no ack of what it was doing. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    /** The port of its HTTP server. */
    public int webPort() {
        return webPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The last 60 lines of the process's output. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM, so the process drains and closes as in a normal shutdown; SIGKILL if that takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
