package dev.guildhall.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebSettings ANY_PORT = new WebSettings("127.0.0.1", 0);
    private static final String TOKEN = "operator-token-for-tests";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrometheusMeterRegistry registry = Metrics.newRegistry();
    private final List<String> calls = new ArrayList<>();
    private WebServer server;

    /** Loads "poll" and refuses anything else, recording each call. */
    private final PluginControl plugins = new PluginControl() {
        @Override public List<Plugin> list() { return List.of(new Plugin("poll", "poll", "1.0.0")); }
        @Override public Plugin load(String name) { return answer("load", name); }
        @Override public Plugin reload(String name) { return answer("reload", name); }
        @Override public Plugin unload(String name) { return answer("unload", name); }

        private Plugin answer(String action, String name) {
            calls.add(action + " " + name);
            if (!name.equals("poll")) throw new Refused("there is no " + name + ".jar in modules");
            return new Plugin("poll", "poll", "1.0.0");
        }
    };

    @AfterEach
    void stop() {
        if (server != null) server.close();
        registry.close();
    }

    private HttpResponse<String> send(String method, String path, Optional<String> bearer) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAConfiguredTokenTheOperatorRoutesDoNotExist() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of(), Optional.empty());

        assertThat(send("GET", "/operator/modules", Optional.of(TOKEN)).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/operator/modules/poll/load", Optional.of(TOKEN)).statusCode()).isEqualTo(404);
    }

    @Test
    void aMissingOrWrongTokenIsRefusedBeforeAnythingChanges() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of(), Optional.of(new WebServer.Operator(TOKEN, plugins)));

        HttpResponse<String> none = send("POST", "/operator/modules/poll/load", Optional.empty());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(send("POST", "/operator/modules/poll/load", Optional.of(TOKEN + "x")).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/operator/modules", Optional.of("")).statusCode()).isEqualTo(401);
        assertThat(calls).isEmpty();
    }

    @Test
    void theRightTokenListsAndChangesPluginsAndARefusalIsAConflictWithItsReason() throws Exception {
        server = WebServer.start(ANY_PORT, registry, List.of(), Optional.of(new WebServer.Operator(TOKEN, plugins)));

        HttpResponse<String> list = send("GET", "/operator/modules", Optional.of(TOKEN));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body())).isEqualTo(JSON.readTree(
                "{\"plugins\":[{\"name\":\"poll\",\"module\":\"poll\",\"version\":\"1.0.0\"}]}"));

        HttpResponse<String> reload = send("POST", "/operator/modules/poll/reload", Optional.of(TOKEN));
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reload.body()).get("version").asText()).isEqualTo("1.0.0");

        HttpResponse<String> refused = send("POST", "/operator/modules/nope/load", Optional.of(TOKEN));
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("error").asText()).isEqualTo("there is no nope.jar in modules");

        assertThat(send("POST", "/operator/modules/poll/explode", Optional.of(TOKEN)).statusCode()).isEqualTo(404);
        assertThat(calls).containsExactly("reload poll", "load nope");
    }
}
