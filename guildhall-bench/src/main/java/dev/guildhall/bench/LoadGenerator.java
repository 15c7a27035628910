package dev.guildhall.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Offers {@code /leaderboard} at a fixed rate to Guildhall in standalone and distributed mode and to a bare NATS +
 * PostgreSQL pipeline, each started here and warmed first, and prints per mode the offered and achieved rate, p50,
 * p99 and max latency, and errors and timeouts. It prints figures; it asserts nothing about speed.
 */
@Command(name = "guildhall-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Open-loop load test of Guildhall against its in-process Discord emulator.")
public final class LoadGenerator implements Callable<Integer> {

    @Option(names = "--rate", description = "Offered commands per second (default: ${DEFAULT-VALUE}).", defaultValue = "200")
    double rate;

    @Option(names = "--count", description = "Measured commands per mode (default: ${DEFAULT-VALUE}).", defaultValue = "3000")
    int count;

    @Option(names = "--duration", description = "Measured seconds per mode; replaces --count with rate x seconds.")
    Integer durationSeconds;

    @Option(names = "--warmup", description = "Commands offered before measuring, not counted (default: ${DEFAULT-VALUE}).",
            defaultValue = "300")
    int warmup;

    @Option(names = "--guilds", description = "Guilds the commands spread over (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int guilds;

    @Option(names = "--workers", description = "Worker JVMs (distributed) and worker threads (bare) (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int workers;

    @Option(names = "--modes", split = ",", description = "Modes to run, in order: standalone, distributed, bare "
            + "(default: all).", defaultValue = "standalone,distributed,bare")
    List<Mode> modes;

    @Option(names = "--timeout", description = "Seconds a command may wait for its answer (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int timeoutSeconds;

    @Option(names = "--app-jar", description = "The app's jar for distributed mode (default: ${DEFAULT-VALUE}).",
            defaultValue = "guildhall-app/target/guildhall.jar")
    Path appJar;

    @Option(names = "--child-jvm-args", split = " ", description = "JVM options of the gateway and worker JVMs "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "-Xmx512m")
    List<String> childJvmArgs;

    @Spec
    CommandSpec spec;

    private final PrintWriter out;
    private final PrintWriter progress;
    private final OpenLoopRunner runner;

    LoadGenerator(PrintWriter out, PrintWriter progress, OpenLoopRunner runner) {
        this.out = out;
        this.progress = progress;
        this.runner = runner;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter progress = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(commandLine(out, progress).execute(args));
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter progress) {
        return new CommandLine(new LoadGenerator(out, progress, OpenLoopRunner.onVirtualThreads()))
                .setCaseInsensitiveEnumValuesAllowed(true).setOut(out).setErr(progress);
    }

    @Override
    public Integer call() throws IOException {
        BenchPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path workDir = Files.createTempDirectory("guildhall-bench-");
        Bench bench = run(plan, modes.stream().distinct().toList(), workDir);
        out.print(Report.format(plan, MachineFacts.current(), bench.results(), bench.failures()));
        out.flush();
        if (bench.clean() || isEmpty(workDir)) {
            deleteTree(workDir);
        } else {
            progress.printf("Process logs and data kept in %s%n", workDir);
        }
        return bench.failures().isEmpty() ? 0 : 1;
    }

    /** The options as a plan; {@code --duration} wins over {@code --count}. */
    BenchPlan plan() {
        int measured = durationSeconds == null ? count : (int) Math.round(rate * durationSeconds);
        return new BenchPlan(rate, measured, warmup, guilds, workers, Duration.ofSeconds(timeoutSeconds), appJar,
                childJvmArgs);
    }

    /** What a benchmark measured, and the modes it could not run with the reason. */
    record Bench(List<ModeResult> results, Map<Mode, String> failures) {
        boolean clean() {
            return failures.isEmpty() && results.stream().allMatch(r -> r.errors() == 0 && r.timeouts() == 0);
        }
    }

    /** Runs the modes one after another, each on a fresh system; a mode that cannot start is reported, not fatal. */
    Bench run(BenchPlan plan, List<Mode> modes, Path workDir) {
        List<ModeResult> results = new ArrayList<>();
        Map<Mode, String> failures = new EnumMap<>(Mode.class);
        for (Mode mode : modes) {
            progress.printf("%s: starting%n", mode.label());
            progress.flush();
            try (BenchTarget target = mode.open(plan, workDir, progress)) {
                if (plan.warmup() > 0) {
                    progress.printf("  warming up with %d commands%n", plan.warmup());
                    progress.flush();
                    runner.run(mode.label(), plan.warmupRun(), target, plan.timeout());
                }
                progress.printf("  measuring %d commands at %s/s%n", plan.count(), plan.rate());
                progress.flush();
                ModeResult result = runner.run(mode.label(), plan.measured(), target, plan.timeout());
                results.add(result);
                progress.printf("  done: %d answered, %.1f/s%n", result.answered(), result.throughput());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(mode, "interrupted");
                break;
            } catch (RuntimeException e) {
                failures.put(mode, e.getMessage() == null ? e.toString() : e.getMessage());
                progress.printf("  %s could not be measured: %s%n", mode.label(), failures.get(mode));
            }
            progress.flush();
        }
        return new Bench(results, failures);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless; the figures are printed
        }
    }
}
