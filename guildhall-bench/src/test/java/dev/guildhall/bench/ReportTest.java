package dev.guildhall.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {
    private static final BenchPlan PLAN = new BenchPlan(200, 3000, 300, 50, 2, Duration.ofSeconds(30),
            Path.of("app.jar"), List.of("-Xmx512m"));
    private static final MachineFacts MACHINE = new MachineFacts(2, Optional.of("Test CPU"), "JDK 25", 512L << 20, "Linux");

    private static ModeResult result(Mode mode, int answered, long elapsedNanos) {
        return new ModeResult(mode.label(), 200, 3000, answered, 1, 2, 3, elapsedNanos,
                new LatencySummary(answered, 2_500_000, 12_340_000, 40_000_000), List.of());
    }

    @Test
    void eachModeGetsARowWithRatesLatenciesAndCounts() {
        String text = Report.format(PLAN, MACHINE, List.of(result(Mode.STANDALONE, 3000, 15_000_000_000L)), Map.of());

        assertThat(text).contains("3000 x /leaderboard at 200/s over 50 guilds", "2 workers", "timeout 30 s",
                "2 cores (Test CPU), JDK 25, max heap 512 MiB, Linux");
        assertThat(text.lines().filter(line -> line.startsWith("standalone")).findFirst().orElseThrow().split("\\s+"))
                .containsExactly("standalone", "200", "200.0", "2.5", "12.3", "40.0", "3000", "1", "2", "3");
    }

    @Test
    void guildhallThroughputIsSetAgainstTheBarePipelines() {
        ModeResult standalone = result(Mode.STANDALONE, 1500, 15_000_000_000L);
        ModeResult distributed = result(Mode.DISTRIBUTED, 750, 15_000_000_000L);
        ModeResult bare = result(Mode.BARE, 3000, 15_000_000_000L);

        String text = Report.format(PLAN, MACHINE, List.of(standalone, distributed, bare), Map.of());

        assertThat(Report.ratio(standalone, bare)).isEqualTo(0.5);
        assertThat(text).contains("standalone throughput / bare throughput: 0.50",
                "distributed throughput / bare throughput: 0.25");
    }

    @Test
    void withoutABareRunThereIsNoRatio() {
        String text = Report.format(PLAN, MACHINE, List.of(result(Mode.STANDALONE, 3000, 15_000_000_000L)), Map.of());

        assertThat(text).doesNotContain("bare throughput");
    }

    @Test
    void aBareRunThatAnsweredNothingGivesNoRatio() {
        ModeResult bare = result(Mode.BARE, 0, 15_000_000_000L);

        assertThatThrownBy(() -> Report.ratio(result(Mode.STANDALONE, 10, 1_000_000_000L), bare))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Report.format(PLAN, MACHINE, List.of(bare), Map.of())).doesNotContain("bare throughput");
    }

    @Test
    void aModeWithNoAnswersShowsDashesForItsLatencies() {
        ModeResult silent = new ModeResult("bare", 200, 10, 0, 0, 10, 0, 1_000_000_000L, LatencySummary.EMPTY, List.of());

        String row = Report.format(PLAN, MACHINE, List.of(silent), Map.of()).lines()
                .filter(line -> line.startsWith("bare")).findFirst().orElseThrow();

        assertThat(row.split("\\s+")).containsExactly("bare", "200", "0.0", "-", "-", "-", "0", "0", "10", "0");
    }

    @Test
    void modesThatCouldNotRunAndSampleErrorsAreNamed() {
        ModeResult failing = new ModeResult("bare", 200, 10, 9, 0, 0, 1, 1_000_000_000L,
                new LatencySummary(9, 1, 1, 1), List.of("publish failed"));

        String text = Report.format(PLAN, MACHINE, List.of(failing),
                Map.of(Mode.DISTRIBUTED, "gateway exited with code 1; its output: gateway.log"));

        assertThat(text).contains("bare error: publish failed",
                "distributed: not measured: gateway exited with code 1; its output: gateway.log");
    }
}
