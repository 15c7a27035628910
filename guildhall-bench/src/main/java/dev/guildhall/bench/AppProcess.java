package dev.guildhall.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Guildhall JVM launched from the app's jar ({@code java -jar guildhall.jar run}) with the same JDK as the bench,
 * its output in a log file, and its HTTP port for {@code /ready}.
 */
final class AppProcess implements AutoCloseable {
    private static final Duration STOP = Duration.ofSeconds(40);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int webPort;
    private final Path log;
    private final Process process;

    private AppProcess(String name, int webPort, Path log, Process process) {
        this.name = name;
        this.webPort = webPort;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with {@code env} on top of a minimal environment (PATH, HOME), serving HTTP on {@code webPort}. */
    static AppProcess launch(String name, Path jar, List<String> jvmArgs, Map<String, String> env, int webPort,
                             Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "run"));
        ProcessBuilder builder = new ProcessBuilder(command);
        // nothing of the bench's own environment leaks in: the process sees what distributed mode is given
        builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        builder.environment().putAll(env);
        builder.environment().put("METRICS_ADDRESS", "127.0.0.1:" + webPort);
        builder.environment().put("LOG_FORMAT", "text");
        Path log = logDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new AppProcess(name, webPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " with " + java, e);
        }
    }

    /** Waits until {@code GET /ready} answers 200; fails naming the log if the process dies or time runs out. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; its output: " + log);
            }
            if (readyStatus() == 200) return;
            try {
                Thread.sleep(200); // polling interval of the readiness check
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready after " + timeout + "; its output: " + log);
    }

    private int readyStatus() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGTERM so it drains as in a normal shutdown; SIGKILL if that takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
