package dev.guildhall.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real, throwaway PostgreSQL server for tests: {@code initdb} into a fresh temporary directory, started with
 * {@code pg_ctl} on a free loopback port with its socket in that directory, and a database {@value #DEFAULT_DATABASE}
 * created. {@link #stop()} and {@link #start()} keep the data directory and port, so a test can take the server away
 * and bring it back under its clients; {@link #close()} stops it and deletes everything.
 *
 * <p>Binaries come from {@code pg_config --bindir}, else the newest {@code /usr/lib/postgresql/N/bin}, else PATH.
 * PostgreSQL refuses to run as root, so as root the server runs as the {@code postgres} system user.
 *
 * <pre>{@code
 * try (PostgresServer pg = PostgresServer.launch()) {
 *     DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {
    public static final String DEFAULT_DATABASE = "guildhall";
    private static final String SUPERUSER = "guildhall";
    private static final String SERVICE_USER = "postgres";
    private static final String HOST = "127.0.0.1";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final PostgresBinaries binaries;
    private final CommandRunner runner;
    private final Path root;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final String password;
    private final Thread cleanupOnExit;
    private boolean running;
    private boolean closed;

    private PostgresServer(PostgresBinaries binaries, Path root, int port, String password) {
        this.binaries = binaries;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.logFile = root.resolve("server.log");
        this.port = port;
        this.password = password;
        this.runner = CommandRunner.forService(root, SERVICE_USER);
        // A test that forgets close(), or a JVM killed by a timeout, must not leave a postmaster behind.
        this.cleanupOnExit = new Thread(this::stopQuietly, "postgres-server-cleanup-" + port);
    }

    /** Initialises a new cluster in a temporary directory, starts it and creates {@value #DEFAULT_DATABASE}. */
    public static PostgresServer launch() {
        PostgresBinaries binaries = PostgresBinaries.locate();
        Path root;
        try {
            // short path: the unix socket lives here too, and socket paths are limited to ~100 bytes
            root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ghpg-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for PostgreSQL", e);
        }
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        PostgresServer server = new PostgresServer(binaries, root, FreePorts.next(), HexFormat.of().formatHex(secret));
        try {
            server.initialise();
            server.start();
            server.createDatabase(DEFAULT_DATABASE);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void initialise() {
        runner.handOver(root);
        Path passwordFile = root.resolve("pwfile");
        try {
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PostgreSQL password file", e);
        }
        runner.handOver(passwordFile);
        try {
            runner.runOrFail(List.of(binaries.initdb().toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                    "-E", "UTF8", "--locale=C", "--no-sync"), COMMAND_TIMEOUT);
        } finally {
            deleteQuietly(passwordFile);
        }
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        log.info("PostgreSQL cluster initialised in {} (port {}{})", dataDir, port,
                runner.switchesUser() ? ", running as user " + SERVICE_USER : "");
    }

    /** Starts the server on its data directory and port; a no-op while it runs. */
    public synchronized void start() {
        requireOpen();
        if (running) return;
        // -F: no fsync, a throwaway cluster trades durability for speed; crash recovery after kill() still works.
        String serverOptions = "-p " + port + " -h " + HOST + " -k '" + root + "' -F -c max_connections=100";
        CommandRunner.Result result = runner.run(List.of(binaries.pgCtl().toString(), "-D", dataDir.toString(),
                "-l", logFile.toString(), "-w", "-t", "60", "-o", serverOptions, "start"), COMMAND_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ":\n" + result.output()
                    + "\n--- server log ---\n" + logTail());
        }
        running = true;
    }

    /** Stops the server cleanly (fast shutdown: open connections are dropped); the data stays. */
    public synchronized void stop() {
        shutdown("fast");
    }

    /** Stops the server as a crash would (immediate shutdown, no checkpoint); the next start runs crash recovery. */
    public synchronized void kill() {
        shutdown("immediate");
    }

    private void shutdown(String mode) {
        if (!running) return;
        runner.runOrFail(List.of(binaries.pgCtl().toString(), "-D", dataDir.toString(), "-m", mode, "-w",
                "-t", "60", "stop"), COMMAND_TIMEOUT);
        running = false;
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** Creates another database in this server and returns its JDBC URL. */
    public synchronized String createDatabase(String name) {
        requireOpen();
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ", got '" + name + "'");
        }
        runner.runOrFail(List.of(binaries.createdb().toString(), "-h", root.toString(), "-p", String.valueOf(port),
                "-U", SUPERUSER, name), COMMAND_TIMEOUT);
        return jdbcUrl(name);
    }

    /** The JDBC URL of {@value #DEFAULT_DATABASE}. */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** The same server as a {@code postgres://user:password@host:port/db} URL, the form a DATABASE_URL often takes. */
    public String postgresUrl(String database) {
        return "postgres://" + SUPERUSER + ":" + password + "@" + HOST + ":" + port + "/" + database;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /** The last lines of the server's own log, for failure messages. */
    public String logTail() {
        return ServerFiles.logTail(logFile);
    }

    /** Stops the server if it runs and deletes its directory. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        stopQuietly();
        ServerFiles.removeShutdownHook(cleanupOnExit);
        ServerFiles.deleteTree(root);
    }

    private void stopQuietly() {
        synchronized (this) {
            try {
                shutdown("immediate");
            } catch (RuntimeException e) {
                log.warn("could not stop PostgreSQL on port {}: {}", port, e.getMessage());
            }
        }
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("this PostgreSQL server was closed");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", path, e.getMessage());
        }
    }
}
