package dev.guildhall.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prints the figures as a table a reader can paste: one row per mode, then Guildhall's share of the bare ceiling. */
final class Report {
    private static final String ROW = "%-12s %9s %10s %8s %8s %8s %9s %9s %9s %7s%n";

    private Report() {}

    static String format(BenchPlan plan, MachineFacts machine, List<ModeResult> results, Map<Mode, String> failures) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Guildhall load test: %d x /leaderboard at %s/s over %d guilds, "
                        + "open loop (latency from each command's planned start), %d warm-up commands, "
                        + "%d workers (distributed, bare), timeout %d s%n",
                plan.count(), number(plan.rate()), plan.guilds(), plan.warmup(), plan.workers(),
                plan.timeout().toSeconds()));
        text.append(String.format(Locale.ROOT, "Machine: %d cores%s, %s, max heap %d MiB, %s%n%n", machine.cores(),
                machine.cpu().map(cpu -> " (" + cpu + ")").orElse(""), machine.jdk(),
                machine.maxHeapBytes() / (1024 * 1024), machine.os()));
        text.append(String.format(Locale.ROOT, ROW, "mode", "offered/s", "achieved/s", "p50 ms", "p99 ms", "max ms",
                "answered", "deferred", "timeouts", "errors"));
        for (ModeResult result : results) {
            LatencySummary latency = result.latency();
            boolean any = latency.count() > 0;
            text.append(String.format(Locale.ROOT, ROW, result.mode(), number(result.offeredRate()),
                    String.format(Locale.ROOT, "%.1f", result.throughput()),
                    any ? millis(latency.p50Nanos()) : "-", any ? millis(latency.p99Nanos()) : "-",
                    any ? millis(latency.maxNanos()) : "-", result.answered(), result.deferred(), result.timeouts(),
                    result.errors()));
        }
        for (ModeResult result : results) {
            for (String reason : result.errorSamples()) {
                text.append(result.mode()).append(" error: ").append(reason).append('\n');
            }
        }
        failures.forEach((mode, reason) -> text.append(mode.label()).append(": not measured: ").append(reason)
                .append('\n'));
        find(results, Mode.BARE).filter(bare -> bare.throughput() > 0).ifPresent(bare -> {
            for (Mode mode : List.of(Mode.STANDALONE, Mode.DISTRIBUTED)) {
                find(results, mode).ifPresent(guildhall -> text.append(String.format(Locale.ROOT,
                        "%n%s throughput / bare throughput: %.2f", mode.label(), ratio(guildhall, bare))));
            }
            text.append('\n');
        });
        return text.toString();
    }

    /** Guildhall's achieved throughput as a share of the bare pipeline's, at the same offered load. */
    static double ratio(ModeResult guildhall, ModeResult bare) {
        if (bare.throughput() <= 0) throw new IllegalArgumentException("the bare run answered nothing");
        return guildhall.throughput() / bare.throughput();
    }

    private static Optional<ModeResult> find(List<ModeResult> results, Mode mode) {
        return results.stream().filter(r -> r.mode().equals(mode.label())).findFirst();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
