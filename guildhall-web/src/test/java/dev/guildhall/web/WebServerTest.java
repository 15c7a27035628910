package dev.guildhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebSettings ANY_PORT = new WebSettings("127.0.0.1", 0);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrometheusMeterRegistry registry = Metrics.newRegistry();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        registry.close();
    }

    @Test
    void healthAnswersUpWhileRunning() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of());

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"up\"}"));
    }

    @Test
    void readyTurnsNotReadyWithTheReasonWhenACheckFails() throws Exception {
        AtomicReference<Optional<String>> database = new AtomicReference<>(Optional.empty());
        server = WebServer.start(ANY_PORT, registry, List.of(
                ReadinessCheck.of("discord", Optional::empty),
                ReadinessCheck.of("database", database::get)));

        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body())).isEqualTo(JSON.readTree(
                "{\"status\":\"ready\",\"checks\":{\"discord\":\"ok\",\"database\":\"ok\"}}"));

        database.set(Optional.of("unreachable: connection refused"));
        HttpResponse<String> notReady = get("/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(notReady.body())).isEqualTo(JSON.readTree(
                "{\"status\":\"not_ready\",\"checks\":{\"discord\":\"ok\",\"database\":\"unreachable: connection refused\"}}"));

        database.set(Optional.empty());
        assertThat(get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aCheckThatThrowsCountsAsNotReadyWithItsMessageButNoStackTrace() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of(
                ReadinessCheck.of("bus", () -> {
                    throw new IllegalStateException("nats connection closed");
                })));

        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("not_ready");
        assertThat(body.path("checks").path("bus").asText()).contains("nats connection closed");
        assertThat(response.body()).doesNotContain("at dev.guildhall", "Exception", "\\n\\tat ");
    }

    @Test
    void aHungCheckCountsAsNotReadyAfterTheDeadlineAndIsNotStartedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        server = WebServer.start(ANY_PORT, registry, List.of(
                ReadinessCheck.of("discord", Optional::empty),
                ReadinessCheck.of("slow", () -> {
                    calls.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.empty();
                })), Duration.ofMillis(200));

        try {
            HttpResponse<String> first = get("/ready");
            HttpResponse<String> second = get("/ready");

            assertThat(first.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(first.body()).path("checks").path("slow").asText()).contains("no answer within 200 ms");
            assertThat(JSON.readTree(first.body()).path("checks").path("discord").asText()).isEqualTo("ok");
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(calls).hasValue(1);
        } finally {
            release.countDown();
        }
        awaitStatus("/ready", 200);
    }

    @Test
    void metricsExposeJvmMetersAndBothGuildhallMetersInPrometheusText() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of());
        var observer = Metrics.dispatchObserver(registry);
        observer.handled("SLASH_COMMAND", Optional.of("setup"), "ok", Duration.ofMillis(42));
        observer.handled("SLASH_COMMAND", Optional.of("setup"), "ok", Duration.ofMillis(8));
        observer.handled("GUILD_MEMBER_ADD", Optional.empty(), "ignored", Duration.ofMillis(1));

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains(
                "jvm_memory_used_bytes",
                "jvm_threads_live_threads",
                "jvm_classes_loaded_classes",
                "system_cpu_count",
                "guildhall_events_handled_total{kind=\"SLASH_COMMAND\",outcome=\"ok\"} 2.0",
                "guildhall_events_handled_total{kind=\"GUILD_MEMBER_ADD\",outcome=\"ignored\"} 1.0",
                "guildhall_command_latency_seconds_count{command=\"setup\",outcome=\"ok\"} 2",
                "guildhall_command_latency_seconds_bucket{command=\"setup\",outcome=\"ok\",le=\"+Inf\"} 2");
        assertThat(response.body()).doesNotContain("command=\"\"");
    }

    @Test
    void unknownPathAnswersJsonError() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of());

        HttpResponse<String> response = get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isNotBlank();
    }

    @Test
    void closeReleasesThePort() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of());
        int port = server.port();
        server.close();

        try (WebServer again = WebServer.start(new WebSettings("127.0.0.1", port), registry, List.of())) {
            server = null;
            assertThat(again.port()).isEqualTo(port);
        }
    }

    private void awaitStatus(String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int last;
        do {
            last = get(path).statusCode();
            if (last == status) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        assertThat(last).as("status of %s", path).isEqualTo(status);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
