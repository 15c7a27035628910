package dev.guildhall.testkit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {
    @TempDir
    Path dir;

    /** A stand-in service: answers /ready and /metrics on METRICS_ADDRESS, prints its GREETING, exits on EXIT_NOW. */
    public static void main(String[] args) throws Exception {
        System.out.println(System.getenv("GREETING"));
        if (System.getenv("EXIT_NOW") != null) System.exit(3);
        String address = System.getenv("METRICS_ADDRESS");
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            boolean metrics = exchange.getRequestURI().getPath().equals("/metrics");
            byte[] body = (metrics ? "# HELP x\nprobe_total{kind=\"a\"} 2.0\nprobe_total{kind=\"b\"} 3.0\n" : "ok")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Thread.sleep(Long.MAX_VALUE);
    }

    private ServiceProcess start(String name, Map<String, String> env) {
        return ServiceProcess.start(name, List.of("-cp", System.getProperty("java.class.path"),
                ServiceProcessTest.class.getName()), env, FreePorts.next(), dir);
    }

    @Test
    void aStartedServiceBecomesReadyAnswersMetricsAndDiesWhenKilled() {
        try (ServiceProcess service = start("svc", Map.of("GREETING", "hello from the service"))) {
            service.awaitReady(Duration.ofSeconds(60));

            assertThat(service.metric("probe_total")).isEqualTo(5.0);
            assertThat(service.metric("probe_total{kind=\"b\"")).isEqualTo(3.0);
            assertThat(service.logTail()).contains("hello from the service");

            service.kill();

            assertThat(service.isAlive()).isFalse();
            assertThat(service.status("/ready")).isEqualTo(-1);
        }
    }

    @Test
    void aServiceThatExitsFailsTheWaitWithItsOutput() {
        try (ServiceProcess service = start("quitter", Map.of("GREETING", "giving up", "EXIT_NOW", "1"))) {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(60)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited with code 3")
                    .hasMessageContaining("giving up");
        }
    }
}
