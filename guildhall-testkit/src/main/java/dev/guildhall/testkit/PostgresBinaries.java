package dev.guildhall.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Where the PostgreSQL server programs ({@code initdb}, {@code pg_ctl}, {@code createdb}) live on this machine. */
record PostgresBinaries(Path binDir) {

    static final String INSTALL_HINT = "no PostgreSQL server binaries found (looked at `pg_config --bindir`, "
            + "/usr/lib/postgresql/*/bin and PATH for initdb); install them, e.g. `apt-get install postgresql`";

    Path initdb() {
        return binDir.resolve("initdb");
    }

    Path pgCtl() {
        return binDir.resolve("pg_ctl");
    }

    Path createdb() {
        return binDir.resolve("createdb");
    }

    /**
     * {@code pg_config --bindir} first (it names the installation a developer chose), then the newest Debian-style
     * {@code /usr/lib/postgresql/N/bin}, then whatever {@code initdb} is on PATH. {@code pg_config} may come from a
     * client-only package, so each candidate must really hold {@code initdb}.
     */
    static PostgresBinaries locate() {
        return fromPgConfig()
                .or(PostgresBinaries::newestDebianInstall)
                .or(PostgresBinaries::fromPath)
                .map(PostgresBinaries::new)
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
    }

    private static Optional<Path> fromPgConfig() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Path.of(out)).filter(PostgresBinaries::holdsServer);
        } catch (IOException e) {
            return Optional.empty(); // no pg_config on PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> newestDebianInstall() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions
                    .filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(dir -> Double.parseDouble(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin"))
                    .filter(PostgresBinaries::holdsServer);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> fromPath() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).resolve("initdb"))
                .filter(Files::isExecutable)
                // Debian links initdb into PATH from elsewhere; the real directory holds pg_ctl beside it
                .map(PostgresBinaries::realParent)
                .flatMap(Optional::stream)
                .filter(PostgresBinaries::holdsServer)
                .findFirst();
    }

    private static Optional<Path> realParent(Path file) {
        try {
            return Optional.ofNullable(file.toRealPath().getParent());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsServer(Path dir) {
        return List.of("initdb", "pg_ctl", "createdb").stream().allMatch(name -> Files.isExecutable(dir.resolve(name)));
    }
}
