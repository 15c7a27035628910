package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of {@code deploy/} without a container engine: the Kubernetes manifests, the compose file and
 * the Dockerfile configure each container as the app reads its environment (every variable documented, every value
 * accepted, the mode the container is named for), keep secrets in Secrets, keep one gateway, and probe the ports
 * the app listens on.
 */
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final ObjectMapper YAML = new YAMLMapper();
    /** Variables whose values must come from a Secret, never from a manifest. */
    private static final Set<String> SECRET = Set.of("DISCORD_TOKEN", "DATABASE_URL");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z_]+)(?::?([?-])([^}]*))?}");

    private static Set<String> documented;
    private static List<JsonNode> kubernetes;

    @BeforeAll
    static void read() throws IOException {
        documented = documentedVariables();
        kubernetes = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) continue;
                try (var parser = YAML.createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).forEachRemaining(kubernetes::add);
                }
            }
        }
    }

    /** The names in the README's configuration table, which is what the app reads. */
    private static Set<String> documentedVariables() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("## Configuration (environment)"));
        table = table.substring(0, table.indexOf("\n## ", 5));
        Set<String> names = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (.+?) \\|").matcher(table);
        while (row.find()) {
            Matcher name = Pattern.compile("`([A-Z_]+)`").matcher(row.group(1));
            while (name.find()) names.add(name.group(1));
        }
        assertThat(names).as("the README's configuration table").contains("DISCORD_TOKEN", "BOT_MODE", "NATS_URL");
        return names;
    }

    private static JsonNode resource(String kind, String name) {
        return kubernetes.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static JsonNode onlyContainer(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** The container's environment as the process would see it, secrets replaced by plausible stand-ins. */
    private static Map<String, String> environmentOf(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            JsonNode configMap = resource("ConfigMap", from.path("configMapRef").path("name").asText());
            configMap.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (SECRET.contains(name)) {
                assertThat(variable.has("value")).as(name + " must not be written in a manifest").isFalse();
                JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText()).as(name + " comes from a Secret").isNotEmpty();
                assertThat(ref.path("key").asText()).isNotEmpty();
                env.put(name, standIn(name));
            } else {
                env.put(name, variable.path("value").asText());
            }
        }
        return env;
    }

    private static String standIn(String name) {
        return name.equals("DATABASE_URL") ? "postgres://guildhall:secret@postgres:5432/guildhall" : "stand-in-" + name;
    }

    private static AppConfig acceptedConfig(String where, Map<String, String> env) {
        assertThat(documented).as(where + ": every variable is one the app reads").containsAll(env.keySet());
        return AppConfig.fromEnvironment(env);
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = YAML.readTree(DEPLOY.resolve("k8s/kustomization.yaml").toFile());
        Set<String> listed = new HashSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            assertThat(listed).isEqualTo(new HashSet<>(files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.equals("kustomization.yaml")).toList()));
        }
    }

    @Test
    void eachDeploymentRunsTheModeItIsNamedForWithAnEnvironmentTheAppAccepts() {
        AppConfig gateway = acceptedConfig("gateway", environmentOf(onlyContainer(resource("Deployment", "guildhall-gateway"))));
        AppConfig worker = acceptedConfig("worker", environmentOf(onlyContainer(resource("Deployment", "guildhall-worker"))));

        assertThat(gateway.mode()).isEqualTo(AppConfig.Mode.GATEWAY);
        assertThat(gateway.discord().token()).isPresent();
        assertThat(worker.mode()).isEqualTo(AppConfig.Mode.WORKER);
        assertThat(worker.discord().token()).as("a worker needs no token").isEmpty();
        assertThat(worker.store().usesPostgres()).isTrue();
        // the two sides of one environment must agree on these, so they share one ConfigMap
        assertThat(gateway.environment()).isEqualTo(worker.environment()).isNotEqualTo("development");
        assertThat(gateway.bus().partitions()).isEqualTo(worker.bus().partitions());
        assertThat(gateway.bus().natsUrl()).isEqualTo(worker.bus().natsUrl());
    }

    @Test
    void exactlyOneGatewayRunsEvenDuringAnUpdateWhileWorkersScale() {
        JsonNode gateway = resource("Deployment", "guildhall-gateway").path("spec");
        JsonNode worker = resource("Deployment", "guildhall-worker").path("spec");

        assertThat(gateway.path("replicas").asInt()).isEqualTo(1);
        assertThat(gateway.path("strategy").path("type").asText()).isEqualTo("Recreate");
        assertThat(worker.path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode budget = resource("PodDisruptionBudget", "guildhall-worker").path("spec");
        assertThat(budget.path("selector").path("matchLabels"))
                .isEqualTo(worker.path("template").path("metadata").path("labels"));
        assertThat(budget.path("minAvailable").asInt()).isBetween(1, worker.path("replicas").asInt() - 1);
    }

    @Test
    void probesAskTheAppsHealthAndReadinessOnThePortItListensOn() {
        for (String name : List.of("guildhall-gateway", "guildhall-worker")) {
            JsonNode container = onlyContainer(resource("Deployment", name));
            int listening = AppConfig.fromEnvironment(environmentOf(container)).web().port();
            JsonNode port = container.path("ports").get(0);

            assertThat(port.path("containerPort").asInt()).as(name).isEqualTo(listening);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
            assertThat(container.path("readinessProbe").path("httpGet").path("port").asText())
                    .isEqualTo(port.path("name").asText());
            assertThat(container.path("livenessProbe").path("httpGet").path("port").asText())
                    .isEqualTo(port.path("name").asText());
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(name).isNotEmpty();
        }
        JsonNode service = resource("Service", "guildhall-metrics").path("spec");
        for (String name : List.of("guildhall-gateway", "guildhall-worker")) {
            Map<String, String> labels = YAML.convertValue(resource("Deployment", name)
                    .path("spec").path("template").path("metadata").path("labels"), Map.class);
            Map<String, String> selector = YAML.convertValue(service.path("selector"), Map.class);
            assertThat(labels).as(name + " is behind the metrics service").containsAllEntriesOf(selector);
        }
    }

    @Test
    void podsRunAsTheImagesUnprivilegedUser() throws IOException {
        String user = instructions("USER").getLast();
        for (String name : List.of("guildhall-gateway", "guildhall-worker")) {
            JsonNode pod = resource("Deployment", name).path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(user).startsWith(pod.path("securityContext").path("runAsUser").asText() + ":");
            assertThat(onlyContainer(resource("Deployment", name)).path("securityContext")
                    .path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        }
    }

    // ---- docker-compose -------------------------------------------------------------------------------------------

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    }

    /** A service's environment with compose's {@code ${VAR:-default}} applied and {@code ${VAR:?}} given a stand-in. */
    private static Map<String, String> composeEnvironment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.path("environment").fields().forEachRemaining(e -> {
            Matcher m = INTERPOLATION.matcher(e.getValue().asText());
            StringBuilder value = new StringBuilder();
            while (m.find()) {
                String replacement = "-".equals(m.group(2)) ? m.group(3) : standIn(m.group(1));
                m.appendReplacement(value, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(value);
            env.put(e.getKey(), value.toString());
        });
        return env;
    }

    @Test
    void composeWiresTheGatewayAndWorkersToItsOwnNatsAndPostgres() throws IOException {
        JsonNode services = compose().path("services");
        AppConfig gateway = acceptedConfig("compose gateway", composeEnvironment(services.path("gateway")));
        AppConfig worker = acceptedConfig("compose worker", composeEnvironment(services.path("worker")));

        assertThat(gateway.mode()).isEqualTo(AppConfig.Mode.GATEWAY);
        assertThat(worker.mode()).isEqualTo(AppConfig.Mode.WORKER);
        assertThat(worker.discord().token()).isEmpty();
        assertThat(gateway.environment()).isEqualTo(worker.environment());
        assertThat(gateway.bus().partitions()).isEqualTo(worker.bus().partitions());
        assertThat(URI.create(gateway.bus().natsUrl()).getHost()).isEqualTo("nats");
        assertThat(URI.create(worker.bus().natsUrl()).getHost()).isEqualTo("nats");
        assertThat(services.path("nats").path("command").toString()).contains("\"-js\"");

        URI database = URI.create(composeEnvironment(services.path("worker")).get("DATABASE_URL"));
        Map<String, String> postgres = composeEnvironment(services.path("postgres"));
        assertThat(database.getHost()).isEqualTo("postgres");
        assertThat(database.getUserInfo()).isEqualTo(postgres.get("POSTGRES_USER") + ":" + postgres.get("POSTGRES_PASSWORD"));
        assertThat(database.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(services.path("worker").path("depends_on").path("postgres").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(services.path("worker").path("deploy").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void composeNeverHoldsTheTokenItselfAndTheStandaloneProfileAcceptsItsEnvironment() throws IOException {
        JsonNode services = compose().path("services");
        for (String name : List.of("gateway", "standalone")) {
            assertThat(services.path(name).path("environment").path("DISCORD_TOKEN").asText())
                    .as(name + " takes the token from the caller's environment").startsWith("${DISCORD_TOKEN:?");
        }
        AppConfig standalone = acceptedConfig("compose standalone", composeEnvironment(services.path("standalone")));
        assertThat(standalone.mode()).isEqualTo(AppConfig.Mode.STANDALONE);
        assertThat(services.path("standalone").path("profiles").toString()).contains("standalone");
    }

    // ---- Dockerfile -----------------------------------------------------------------------------------------------

    private static List<String> instructions(String keyword) throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("Dockerfile"))) {
            if (line.startsWith(keyword + " ")) found.add(line.substring(keyword.length() + 1).strip());
        }
        return found;
    }

    @Test
    void theImageRunsTheShadedJarOnAJdkTheBuildTargetsAsANonRootUser() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String parent = Files.readString(Path.of("..", "pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)<").matcher(parent);
        assertThat(release.find()).isTrue();
        int target = Integer.parseInt(release.group(1));

        List<String> stages = instructions("FROM");
        assertThat(stages).hasSize(2);
        for (String stage : stages) {
            Matcher jdk = Pattern.compile("temurin-?(\\d+)|temurin:(\\d+)").matcher(stage);
            assertThat(jdk.find()).as(stage).isTrue();
            int version = Integer.parseInt(jdk.group(1) != null ? jdk.group(1) : jdk.group(2));
            assertThat(version).as(stage).isGreaterThanOrEqualTo(target);
        }
        String jar = "guildhall-app/target/" + finalName.group(1) + ".jar";
        assertThat(instructions("COPY")).anyMatch(copy -> copy.startsWith("--from=build") && copy.contains(jar));
        assertThat(instructions("ENTRYPOINT").getLast()).contains("\"-jar\"");
        String user = instructions("USER").getLast();
        assertThat(user).doesNotStartWith("0").doesNotStartWith("root");
        int listening = AppConfig.fromEnvironment(Map.of("METRICS_ADDRESS",
                instructions("ENV").stream().filter(e -> e.startsWith("METRICS_ADDRESS="))
                        .findFirst().orElseThrow().replaceAll("METRICS_ADDRESS=(\\S+).*", "$1"))).web().port();
        assertThat(instructions("EXPOSE")).containsExactly(Integer.toString(listening));
    }

    @Test
    void noManifestCarriesASecretValue() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString())
                        .doesNotContainPattern("[MN][A-Za-z\\d]{23,}\\.[\\w-]{6}\\.[\\w-]{27,}") // a bot token's shape
                        // a database password is always a ${...} reference
                        .doesNotContainPattern("postgres(ql)?://[^:\\s/]+:(?!\\$\\{)[^@\\s]+@");
            }
        }
    }
}
