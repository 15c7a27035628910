package dev.guildhall.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs for a test server. Some servers (PostgreSQL) refuse to run as root: when this JVM is root,
 * commands run as {@code serviceUser} through {@code runuser} (or {@code setpriv}), and the server's files must be
 * handed to that user with {@link #handOver(Path)}. As a normal user everything runs as that user.
 */
final class CommandRunner {
    private final Path workDir;
    private final List<String> prefix;
    private final String serviceUser;

    private CommandRunner(Path workDir, List<String> prefix, String serviceUser) {
        this.workDir = workDir;
        this.prefix = prefix;
        this.serviceUser = serviceUser;
    }

    /** A runner whose commands start in {@code workDir}, as {@code serviceUser} if this process is root. */
    static CommandRunner forService(Path workDir, String serviceUser) {
        if (!isRoot()) return new CommandRunner(workDir, List.of(), null);
        Path runuser = firstExecutable("runuser");
        if (runuser != null) {
            return new CommandRunner(workDir, List.of(runuser.toString(), "-u", serviceUser, "--"), serviceUser);
        }
        Path setpriv = firstExecutable("setpriv");
        if (setpriv != null) {
            return new CommandRunner(workDir, List.of(setpriv.toString(), "--reuid=" + serviceUser,
                    "--regid=" + serviceUser, "--init-groups", "--"), serviceUser);
        }
        throw new IllegalStateException("running as root, and neither runuser nor setpriv is available to run "
                + "the server as the '" + serviceUser + "' user");
    }

    boolean switchesUser() {
        return serviceUser != null;
    }

    /** Gives {@code path} to the service user, so the server may write there; a no-op when not root. */
    void handOver(Path path) {
        if (serviceUser == null) return;
        try {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(serviceUser);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(serviceUser);
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(user);
            view.setGroup(group);
        } catch (IOException e) {
            throw new UncheckedIOException("could not hand " + path + " to the system user '" + serviceUser
                    + "' (does it exist? the server refuses to run as root)", e);
        }
    }

    /** Runs the command to completion and returns its exit code and combined output. */
    Result run(List<String> command, Duration timeout) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        Path output = null;
        try {
            // Output goes to a file, not a pipe: pg_ctl leaves a daemon behind that could hold a pipe open forever.
            output = Files.createTempFile("guildhall-cmd-", ".out");
            Process process = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover temp file of a few bytes is harmless
                }
            }
        }
    }

    /** Like {@link #run} but fails, with the program's output, unless it exits 0. */
    String runOrFail(List<String> command, Duration timeout) {
        Result result = run(command, timeout);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exitCode()
                    + ":\n" + result.output());
        }
        return result.output();
    }

    record Result(int exitCode, String output) {}

    private static boolean isRoot() {
        try {
            Process process = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) return out.equals("0");
        } catch (IOException e) {
            // no `id`: fall back to the JVM's idea of the user below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path firstExecutable(String name) {
        List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        String path = System.getenv("PATH");
        if (path != null) dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        for (String dir : dirs) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
