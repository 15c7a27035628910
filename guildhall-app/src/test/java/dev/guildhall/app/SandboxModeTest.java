package dev.guildhall.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static dev.guildhall.app.EmulatorDriver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code run} with no token: the emulator with a demo guild, the bot connected to it, and the sandbox page. */
class SandboxModeTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + url + " failed", e);
        }
    }

    @Test
    void withoutATokenTheSandboxStartsReadyWithItsPageAndDemoGuild(@TempDir Path data) {
        AppConfig config = AppConfig.fromEnvironment(Map.of("GUILDHALL_DATA_DIR", data.toString(),
                "METRICS_ADDRESS", "127.0.0.1:0", "SANDBOX_ADDRESS", "127.0.0.1:0"));
        try (Standalone app = Standalone.start(config, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + app.webPort();

            assertThat(get(base + "/health").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = eventually(() -> get(base + "/ready"), r -> r.statusCode() == 200);
            assertThat(ready.body()).contains("\"discord\"").contains("\"database\"");
            String page = app.sandboxPage().orElseThrow();
            HttpResponse<String> html = get(page);
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body()).containsIgnoringCase("<html");

            Sandbox sandbox = app.sandbox().orElseThrow();
            var guild = sandbox.emulator().control().guild(sandbox.demoGuild());
            assertThat(guild.get("bot_joined").asBoolean()).isTrue();
            List<String> members = new java.util.ArrayList<>();
            guild.get("members").forEach(m -> members.add(m.get("user").get("username").asText()));
            assertThat(members).contains("owner", "alice", "bob", "carol");
            eventually(() -> sandbox.emulator().control().commands(java.util.OptionalLong.of(sandbox.demoGuild())),
                    commands -> commands.size() == 1 && commands.getFirst().get("name").asText().equals("setup"));
            assertThat(get(base + "/metrics").body()).contains("jvm_memory_used_bytes");
        }
    }
}
