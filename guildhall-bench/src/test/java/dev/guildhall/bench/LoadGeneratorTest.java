package dev.guildhall.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadGeneratorTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter progress = new StringWriter();

    private LoadGenerator parse(String... args) {
        CommandLine commandLine = LoadGenerator.commandLine(new PrintWriter(out, true), new PrintWriter(progress, true));
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    @Test
    void theDefaultsRunEveryModeAtTwoHundredPerSecond() {
        LoadGenerator generator = parse();

        assertThat(generator.plan()).isEqualTo(new BenchPlan(200, 3000, 300, 50, 2, Duration.ofSeconds(30),
                Path.of("guildhall-app/target/guildhall.jar"), List.of("-Xmx512m")));
        assertThat(generator.modes).containsExactly(Mode.STANDALONE, Mode.DISTRIBUTED, Mode.BARE);
    }

    @Test
    void optionsSetThePlanAndModesAreReadInAnyCase() {
        LoadGenerator generator = parse("--rate", "50", "--count", "100", "--warmup", "0", "--guilds", "3",
                "--workers", "4", "--timeout", "5", "--modes", "BARE,standalone", "--child-jvm-args", "-Xmx256m -XX:+UseSerialGC");

        assertThat(generator.plan()).isEqualTo(new BenchPlan(50, 100, 0, 3, 4, Duration.ofSeconds(5),
                Path.of("guildhall-app/target/guildhall.jar"), List.of("-Xmx256m", "-XX:+UseSerialGC")));
        assertThat(generator.modes).containsExactly(Mode.BARE, Mode.STANDALONE);
    }

    @Test
    void aDurationReplacesTheCountWithRateTimesSeconds() {
        assertThat(parse("--rate", "40", "--duration", "10", "--count", "7").plan().count()).isEqualTo(400);
    }

    @Test
    void anUnknownModeIsRefusedByTheCommandLine() {
        assertThatThrownBy(() -> parse("--modes", "turbo")).isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void aPlanThatCannotRunIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> parse("--rate", "0").plan()).hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse("--count", "0").plan()).hasMessageContaining("--count");
        assertThatThrownBy(() -> parse("--workers", "0").plan()).hasMessageContaining("--workers");
        assertThatThrownBy(() -> parse("--guilds", "0").plan()).hasMessageContaining("--guilds");
        assertThatThrownBy(() -> parse("--timeout", "0").plan()).hasMessageContaining("--timeout");
        assertThatThrownBy(() -> parse("--warmup", "-1").plan()).hasMessageContaining("--warmup");
    }

    @Test
    void aBadPlanEndsWithItsReasonAndTheUsageInsteadOfAStackTrace() {
        CommandLine commandLine = LoadGenerator.commandLine(new PrintWriter(out, true), new PrintWriter(progress, true));

        int code = commandLine.execute("--rate", "-3");

        assertThat(code).isEqualTo(2);
        assertThat(progress.toString()).contains("--rate must be > 0, got -3.0", "Usage:").doesNotContain("at dev.guildhall");
    }

    @Test
    void distributedModeWithoutTheAppsJarIsReportedAndTheExitCodeSaysSo(@TempDir Path dir) {
        Path missing = dir.resolve("no-such.jar");
        CommandLine commandLine = LoadGenerator.commandLine(new PrintWriter(out, true), new PrintWriter(progress, true));

        int code = commandLine.execute("--modes", "distributed", "--count", "10", "--app-jar", missing.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("distributed: not measured: the app's jar " + missing + " is missing");
    }
}
