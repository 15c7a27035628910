package dev.guildhall.app;

import dev.guildhall.testkit.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code guildhall run} refuses a start that would do the wrong thing quietly, and says why on stderr in sentences
 * naming the variable: no Java class names, no credentials, a non-zero exit.
 */
class StartRefusalTest {
    @TempDir
    Path data;

    private record Ran(int exit, String err) {}

    private Ran run(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("GUILDHALL_DATA_DIR", data.toString(),
                "METRICS_ADDRESS", "127.0.0.1:0", "SANDBOX_ADDRESS", "127.0.0.1:0"));
        env.putAll(extra);
        StringWriter err = new StringWriter();
        var line = Main.commandLine(env, new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute("run");
        return new Ran(exit, err.toString());
    }

    private void refusedInPlainWords(Ran ran) {
        assertThat(ran.exit()).isNotZero();
        assertThat(ran.err()).startsWith("guildhall: ").doesNotContain("Exception").doesNotContain("java.");
        assertThat(data.resolve("guildhall.db")).as("nothing was opened").doesNotExist();
    }

    @Test
    void aProductionEnvironmentWithoutATokenIsRefusedInsteadOfRunningTheSandbox() {
        Ran ran = run(Map.of("ENVIRONMENT", "production"));

        refusedInPlainWords(ran);
        assertThat(ran.err()).contains("DISCORD_TOKEN").contains("ENVIRONMENT=production")
                .contains("unset ENVIRONMENT to try the sandbox");
    }

    @Test
    void aPostgresDatabaseWithoutATokenIsRefusedInsteadOfRunningTheSandbox() {
        Ran ran = run(Map.of("DATABASE_URL", "postgres://guildhall:s3cret-pw@127.0.0.1:" + FreePorts.next() + "/guildhall"));

        refusedInPlainWords(ran);
        assertThat(ran.err()).contains("DISCORD_TOKEN").contains("DATABASE_URL").doesNotContain("s3cret-pw");
    }

    @Test
    void aWorkerWithoutPostgresIsRefusedNamingDatabaseUrl() {
        Ran ran = run(Map.of("BOT_MODE", "worker", "NATS_URL", "nats://127.0.0.1:" + FreePorts.next()));

        refusedInPlainWords(ran);
        assertThat(ran.err()).contains("DATABASE_URL").contains("PostgreSQL").contains("BOT_MODE=standalone");
    }

    @Test
    void aGatewayWithoutATokenIsRefusedNamingIt() {
        Ran ran = run(Map.of("BOT_MODE", "gateway"));

        refusedInPlainWords(ran);
        assertThat(ran.err()).contains("DISCORD_TOKEN").contains("gateway");
    }

    @Test
    void anUnreachableNatsIsOneSentenceWithoutTheClassNameOrThePassword() throws Exception {
        int port = FreePorts.next();
        Ran ran = run(Map.of("BOT_MODE", "gateway", "DISCORD_TOKEN", "not-a-real-token",
                "NATS_URL", "nats://bot:hunter2@127.0.0.1:" + port));

        refusedInPlainWords(ran);
        assertThat(ran.err()).startsWith("guildhall: Could not connect to NATS at nats://127.0.0.1:" + port + ".")
                .doesNotContain("hunter2").doesNotContain("not-a-real-token");
        try (var files = Files.list(data)) {
            assertThat(files).as("nothing was written").isEmpty();
        }
    }
}
