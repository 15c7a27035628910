package dev.guildhall.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real thing, tiny: every offered command gets an answer. Speed is not checked. */
class LoadGeneratorSmokeTest {

    @Test
    void everyCommandIsAnsweredInStandaloneModeAndByTheBarePipeline(@TempDir Path workDir) {
        StringWriter progress = new StringWriter();
        LoadGenerator generator = new LoadGenerator(new PrintWriter(new StringWriter()), new PrintWriter(progress),
                OpenLoopRunner.onVirtualThreads());
        BenchPlan plan = new BenchPlan(30, 30, 0, 3, 2, Duration.ofSeconds(30), workDir.resolve("unused.jar"),
                List.of());

        LoadGenerator.Bench bench = generator.run(plan, List.of(Mode.STANDALONE, Mode.BARE), workDir);

        assertThat(bench.failures()).as(progress.toString()).isEmpty();
        assertThat(bench.results()).extracting(ModeResult::mode).containsExactly("standalone", "bare");
        for (ModeResult result : bench.results()) {
            assertThat(result.answered()).as(result.toString()).isEqualTo(30);
            assertThat(result.errors() + result.timeouts()).as(result.toString()).isZero();
            assertThat(result.latency().count()).isEqualTo(30);
        }
        assertThat(bench.clean()).isTrue();
    }
}
