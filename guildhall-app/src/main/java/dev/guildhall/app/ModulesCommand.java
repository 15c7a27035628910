package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code guildhall modules list|load|unload|reload NAME}: asks a running standalone process or worker, through its
 * operator endpoints, to change its plugin modules (a worker then tells the other workers). The process is at
 * {@code OPERATOR_URL} (default: this host at the port of {@code METRICS_ADDRESS}); {@code OPERATOR_TOKEN} must be the
 * process's. NAME is the plugin jar's name without {@code .jar}.
 */
@Command(name = "modules", description = "List, load, unload and reload plugin modules of a running process.",
        subcommands = {ModulesCommand.List.class, ModulesCommand.Change.Load.class, ModulesCommand.Change.Unload.class,
                ModulesCommand.Change.Reload.class})
final class ModulesCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModulesCommand() {}

    /** The body of a successful answer; a refusal prints the process's reason and fails. */
    private static JsonNode request(Main main, String method, String path) {
        AppConfig config = AppConfig.fromEnvironment(main.env());
        String token = config.plugins().operatorToken()
                .orElseThrow(() -> new ConfigException("OPERATOR_TOKEN", "the running process's operator token"));
        String base = main.env().getOrDefault("OPERATOR_URL", "http://127.0.0.1:" + config.web().port());
        URI uri;
        try {
            uri = URI.create(base.replaceAll("/+$", "") + path);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("OPERATOR_URL", "an absolute URL such as http://127.0.0.1:8080, got '" + base + "'");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() == 401) throw new IllegalArgumentException("the operator token was refused");
            if (response.statusCode() == 404 && path.equals("/operator/modules")) {
                throw new IllegalArgumentException("the process at " + base + " has no operator endpoints "
                        + "(is OPERATOR_TOKEN set there?)");
            }
            if (response.statusCode() != 200) throw new IllegalArgumentException(body.path("error").asText("HTTP "
                    + response.statusCode()));
            return body;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach the process at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted");
        }
    }

    private static String line(JsonNode plugin) {
        return plugin.path("name").asText() + "  module " + plugin.path("module").asText() + "  version "
                + plugin.path("version").asText();
    }

    @Command(name = "list", description = "One line per loaded plugin: name, module id, version.")
    static final class List implements Callable<Integer> {
        private final Main main;

        List(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            JsonNode plugins = request(main, "GET", "/operator/modules").path("plugins");
            plugins.forEach(plugin -> main.out().println(line(plugin)));
            main.out().println(plugins.size() + " plugin(s)");
            return 0;
        }
    }

    abstract static class Change implements Callable<Integer> {
        private final Main main;
        private final String action;
        @Parameters(index = "0", paramLabel = "NAME", description = "The plugin jar's name without .jar.") String name;

        Change(Main main, String action) {
            this.main = main;
            this.action = action;
        }

        @Override
        public Integer call() {
            JsonNode plugin = request(main, "POST", "/operator/modules/" + name + "/" + action);
            main.out().println(action + "ed " + line(plugin));
            return 0;
        }

        @Command(name = "load", description = "Loads NAME.jar from the process's MODULES_DIR.")
        static final class Load extends Change {
            Load(Main main) {
                super(main, "load");
            }
        }

        @Command(name = "unload", description = "Unloads the plugin: its commands leave every guild.")
        static final class Unload extends Change {
            Unload(Main main) {
                super(main, "unload");
            }
        }

        @Command(name = "reload", description = "Replaces the plugin with what NAME.jar holds now.")
        static final class Reload extends Change {
            Reload(Main main) {
                super(main, "reload");
            }
        }
    }
}
