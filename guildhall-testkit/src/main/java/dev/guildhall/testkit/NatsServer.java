package dev.guildhall.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, throwaway {@code nats-server} with JetStream for tests, on a free loopback port with its store in a fresh
 * temporary directory. {@link #stop()} (SIGTERM) and {@link #kill()} (SIGKILL) keep the port and the store, so
 * {@link #start()} brings the same server back with its streams and messages; {@link #close()} stops it and deletes
 * everything. It never uses the default port 4222, so a NATS the machine runs for itself is left alone.
 *
 * <p>The binary is {@code /usr/sbin/nats-server} (Debian's package) or the first {@code nats-server} on PATH.
 *
 * <pre>{@code
 * try (NatsServer nats = NatsServer.launch()) {
 *     Nats.connect(nats.url());
 * }
 * }</pre>
 */
public final class NatsServer implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final int DEFAULT_NATS_PORT = 4222;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(NatsServer.class);

    private final Path binary;
    private final Path root;
    private final Path storeDir;
    private final Path logFile;
    private final int port;
    private final Thread cleanupOnExit;
    private Process process;
    private boolean closed;

    private NatsServer(Path binary, Path root, int port) {
        this.binary = binary;
        this.root = root;
        this.storeDir = root.resolve("jetstream");
        this.logFile = root.resolve("server.log");
        this.port = port;
        // A test that forgets close(), or a JVM ended by a timeout, must not leave a server behind.
        this.cleanupOnExit = new Thread(this::killQuietly, "nats-server-cleanup-" + port);
    }

    /** Starts a new server with JetStream enabled and waits until it accepts clients. */
    public static NatsServer launch() {
        Path binary = locateBinary();
        Path root;
        try {
            root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ghnats-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for nats-server", e);
        }
        int port = FreePorts.next();
        while (port == DEFAULT_NATS_PORT) port = FreePorts.next();
        NatsServer server = new NatsServer(binary, root, port);
        Runtime.getRuntime().addShutdownHook(server.cleanupOnExit);
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    static Path locateBinary() {
        Path debian = Path.of("/usr/sbin/nats-server");
        if (Files.isExecutable(debian)) return debian;
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path candidate = Path.of(dir, "nats-server");
                if (Files.isExecutable(candidate)) return candidate;
            }
        }
        throw new IllegalStateException("nats-server not found at /usr/sbin/nats-server or on PATH; "
                + "install it (Debian: apt-get install nats-server) to run the tests that need NATS");
    }

    /** Starts the server on its port and store directory; a no-op while it runs. */
    public synchronized void start() {
        requireOpen();
        if (isRunning()) return;
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "-a", HOST, "-p", String.valueOf(port),
                    "-js", "-sd", storeDir.toString(), "-n", "guildhall-test-" + port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
        awaitReady();
    }

    /** Waits until a client connecting to the port gets the server's INFO line, i.e. it accepts connections. */
    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited with code " + process.exitValue()
                        + " on port " + port + ":\n" + logTail());
            }
            if (answersInfo()) {
                log.info("nats-server listening on {} (store {})", url(), storeDir);
                return;
            }
            try {
                Thread.sleep(20); // polling interval of the readiness check
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for nats-server on port " + port, e);
            }
        }
        killQuietly();
        throw new IllegalStateException("nats-server did not accept connections on port " + port + " within "
                + START_TIMEOUT + ":\n" + logTail());
    }

    private boolean answersInfo() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            socket.setSoTimeout(1000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = reader.readLine();
            return line != null && line.startsWith("INFO");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server gracefully (SIGTERM) and waits for it to exit; the store stays. */
    public synchronized void stop() {
        if (!isRunning()) return;
        process.destroy();
        awaitExit();
    }

    /** Stops the server as a crash would (SIGKILL); JetStream recovers its store on the next start. */
    public synchronized void kill() {
        if (!isRunning()) return;
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The client URL, {@code nats://127.0.0.1:PORT}. */
    public String url() {
        return "nats://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path storeDirectory() {
        return storeDir;
    }

    /** The last lines of the server's own log, for failure messages. */
    public String logTail() {
        return ServerFiles.logTail(logFile);
    }

    /** Kills the server if it runs and deletes its directory. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        killQuietly();
        ServerFiles.removeShutdownHook(cleanupOnExit);
        ServerFiles.deleteTree(root);
    }

    private void killQuietly() {
        Process running = process;
        if (running == null || !running.isAlive()) return;
        running.destroyForcibly();
        try {
            running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("this nats-server was closed");
    }
}
