package dev.guildhall.emulator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord's OpenAPI 3.1 description used as an oracle: does a response (or a request body) of a route match what
 * Discord documents for it?
 *
 * <p>How the spec is turned into JSON Schema 2020-12 for the networknt validator:
 * <ul>
 *   <li>The 1.2 MB document is parsed once per JVM ({@link #discord()}). Every response and request-body schema is
 *       copied by reference under one synthetic root {@code {"components": ..., "guildhall": {"<operationId>.<kind>": schema}}}
 *       and that root becomes one schema document, so {@code #/components/schemas/X} refs resolve inside it and each
 *       resolved ref is compiled once and shared. Keys are operation ids, not {@code /paths/...} pointers, because the
 *       validator reads a numeric pointer segment such as {@code 200} as an array index.</li>
 *   <li>Response-level {@code $ref}s ({@code #/components/responses/ClientErrorResponse}) are resolved here, before the
 *       validator sees the schema. Status lookup is exact code, then the range ({@code 4XX}), then {@code default}; an
 *       undeclared status is a violation.</li>
 *   <li>{@code format}: known formats are asserted ({@code date-time}, {@code uri}); unknown ones ({@code snowflake},
 *       {@code int32}, {@code int64}, {@code double}, {@code nonce}) are annotations, as 2020-12 allows. Snowflakes are
 *       still checked: {@code SnowflakeType} is a string with a digits-only {@code pattern}.</li>
 *   <li>{@code contentEncoding} is an annotation in 2020-12 (not asserted). {@code x-discord-union} (which marks
 *       {@code anyOf} as "exactly one" in Discord's tooling) is ignored, so those unions are checked as plain
 *       {@code anyOf}: a little more lenient than Discord. One erratum is applied, see {@link #withErrata}. This spec has no OpenAPI 3.0 {@code nullable} leftovers
 *       (nulls are {@code type: [X, "null"]}), and no {@code discriminator}.</li>
 * </ul>
 */
final class OpenApiContract {
    static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT_IRI = "https://discord.com/api/v10/openapi.json";
    private static final String OPERATIONS = "guildhall";
    private static final String JSON_MEDIA = "application/json";
    private static final int MAX_REPORTED = 40;

    private final Path source;
    private final JsonNode spec;
    private final JsonSchema document;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(Path source, JsonNode spec, JsonSchema document) {
        this.source = source;
        this.spec = spec;
        this.document = document;
    }

    /** The spec located by {@link SpecLocation}, parsed once per JVM; fails with where it looked when missing. */
    static OpenApiContract discord() {
        return Loaded.INSTANCE.orElseThrow(() -> new AssertionError(Loaded.FAILURE));
    }

    /** Parses a spec file; exposed for tests of the contract itself. */
    static OpenApiContract load(Path specFile) {
        try (InputStream in = Files.newInputStream(specFile)) {
            return fromSpec(specFile, JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Discord OpenAPI spec " + specFile, e);
        }
    }

    static OpenApiContract fromSpec(Path source, JsonNode spec) {
        ObjectNode operations = JSON.createObjectNode();
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode operation = op.getValue();
            if (!operation.has("responses")) {
                return; // path-level "parameters", not an operation
            }
            String id = operation.path("operationId").asText(op.getKey() + " " + path.getKey());
            operation.path("responses").properties().forEach(r -> mediaSchema(resolve(spec, r.getValue()))
                    .ifPresent(schema -> operations.set(id + ".response." + r.getKey(), schema)));
            mediaSchema(resolve(spec, operation.path("requestBody")))
                    .ifPresent(schema -> operations.set(id + ".request", schema));
        }));
        ObjectNode root = JSON.createObjectNode();
        root.set("components", withErrata(spec.path("components")));
        root.set(OPERATIONS, operations);

        // The synthetic root and the one extension keyword are declared, so any other unknown keyword still warns.
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keyword(new NonValidationKeyword("components"))
                .keyword(new NonValidationKeyword(OPERATIONS))
                .keyword(new NonValidationKeyword("x-discord-union"))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .build();
        JsonSchema document = factory.getSchema(SchemaLocation.of(DOCUMENT_IRI), root, config);
        return new OpenApiContract(source, spec, document);
    }

    /**
     * Where the spec contradicts Discord's documentation and live API, the documented behaviour wins, narrowly:
     * a field error ({@code errors.<field>._errors[]}) carries a string code such as {@code "BASE_TYPE_REQUIRED"},
     * which the spec types as an integer. JDA reads it as a string too.
     */
    private static JsonNode withErrata(JsonNode components) {
        ObjectNode patched = components.deepCopy();
        JsonNode errorsArray = patched.path("schemas").path("InnerErrors").path("properties").path("_errors");
        if (errorsArray instanceof ObjectNode array) {
            array.set("items", JSON.createObjectNode()
                    .put("type", "object")
                    .<ObjectNode>set("properties", JSON.createObjectNode()
                            .<ObjectNode>set("code", JSON.createObjectNode()
                                    .set("type", JSON.createArrayNode().add("string").add("integer")))
                            .set("message", JSON.createObjectNode().put("type", "string")))
                    .set("required", JSON.createArrayNode().add("code").add("message")));
        }
        return patched;
    }

    Path source() {
        return source;
    }

    /** Everything wrong with this response for Discord; empty when it conforms. */
    List<String> responseViolations(String method, String pathTemplate, int status, JsonNode body) {
        List<String> problems = new ArrayList<>();
        String where = method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " -> " + status;
        Optional<JsonNode> operation = operation(method, pathTemplate, problems);
        if (operation.isEmpty()) {
            return problems;
        }
        JsonNode responses = operation.get().path("responses");
        Optional<String> declared = declaredStatus(responses, status);
        if (declared.isEmpty()) {
            List<String> known = new ArrayList<>();
            responses.fieldNames().forEachRemaining(known::add);
            problems.add(where + ": status not declared by Discord for this route (declared: " + known + ")");
            return problems;
        }
        JsonNode response = resolve(spec, responses.get(declared.get()));
        boolean empty = body == null || body.isMissingNode();
        if (mediaSchema(response).isEmpty()) {
            if (!empty) {
                problems.add(where + ": Discord answers this status with no body, but got " + abbreviate(body));
            }
            return problems;
        }
        if (empty) {
            problems.add(where + ": Discord answers this status with a JSON body, but the body was empty");
            return problems;
        }
        String key = operationId(operation.get(), method, pathTemplate) + ".response." + declared.get();
        problems.addAll(validate(where, key, body));
        return problems;
    }

    /** Everything wrong with a request body we send, judged against the route's requestBody schema. */
    List<String> requestViolations(String method, String pathTemplate, JsonNode body) {
        List<String> problems = new ArrayList<>();
        String where = method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " request";
        Optional<JsonNode> operation = operation(method, pathTemplate, problems);
        if (operation.isEmpty()) {
            return problems;
        }
        if (mediaSchema(resolve(spec, operation.get().path("requestBody"))).isEmpty()) {
            problems.add(where + ": Discord declares no JSON request body for this route");
            return problems;
        }
        problems.addAll(validate(where, operationId(operation.get(), method, pathTemplate) + ".request", body));
        return problems;
    }

    void assertResponse(String method, String pathTemplate, int status, JsonNode body) {
        failOn(responseViolations(method, pathTemplate, status, body));
    }

    void assertRequest(String method, String pathTemplate, JsonNode body) {
        failOn(requestViolations(method, pathTemplate, body));
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("Response/request does not match Discord's OpenAPI spec:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private Optional<JsonNode> operation(String method, String pathTemplate, List<String> problems) {
        JsonNode pathItem = spec.path("paths").path(pathTemplate);
        if (pathItem.isMissingNode()) {
            problems.add(pathTemplate + ": no such path template in Discord's spec");
            return Optional.empty();
        }
        JsonNode operation = pathItem.path(method.toLowerCase(Locale.ROOT));
        if (!operation.has("responses")) {
            problems.add(method + " " + pathTemplate + ": Discord's spec has no such operation");
            return Optional.empty();
        }
        return Optional.of(operation);
    }

    private List<String> validate(String where, String key, JsonNode body) {
        JsonSchema schema = compiled.computeIfAbsent(key, k -> document.getSubSchema(
                SchemaLocation.Fragment.of("/" + OPERATIONS + "/" + k.replace("~", "~0").replace("/", "~1"))));
        // A failed oneOf reports every branch, often with the same message several times: keep each once.
        Set<String> distinct = new TreeSet<>();
        for (ValidationMessage message : schema.validate(body)) {
            distinct.add(where + ": " + message.getMessage());
        }
        List<String> problems = new ArrayList<>(distinct);
        // Branch noise of a failed oneOf (the other branches' consts and enums) goes last; the cause comes first.
        problems.sort(Comparator.comparing(OpenApiContract::isBranchNoise));
        if (problems.size() > MAX_REPORTED) {
            int omitted = problems.size() - MAX_REPORTED;
            problems = new ArrayList<>(problems.subList(0, MAX_REPORTED));
            problems.add(where + ": ... " + omitted + " more violations omitted");
        }
        return problems;
    }

    private static boolean isBranchNoise(String problem) {
        return problem.contains("constant value") || problem.contains("in the enumeration")
                || problem.contains("one and only one schema");
    }

    private static Optional<String> declaredStatus(JsonNode responses, int status) {
        String exact = Integer.toString(status);
        if (responses.has(exact)) {
            return Optional.of(exact);
        }
        String range = exact.charAt(0) + "XX";
        if (responses.has(range)) {
            return Optional.of(range);
        }
        return responses.has("default") ? Optional.of("default") : Optional.empty();
    }

    private static String operationId(JsonNode operation, String method, String pathTemplate) {
        return operation.path("operationId").asText(method.toLowerCase(Locale.ROOT) + " " + pathTemplate);
    }

    /** Follows a local {@code $ref} (response or requestBody objects); schemas are left to the validator. */
    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("remote $ref not supported: " + ref);
            }
            current = spec.at(ref.substring(1));
        }
        return current;
    }

    private static Optional<JsonNode> mediaSchema(JsonNode responseOrBody) {
        JsonNode schema = responseOrBody.path("content").path(JSON_MEDIA).path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    private static String abbreviate(JsonNode body) {
        String text = body.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Once per JVM: the spec is large and every contract test class shares it. */
    private static final class Loaded {
        static final String FAILURE;
        static final Optional<OpenApiContract> INSTANCE;

        static {
            Optional<OpenApiContract> loaded = Optional.empty();
            String failure = null;
            try {
                loaded = Optional.of(load(SpecLocation.locate()));
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            INSTANCE = loaded;
            FAILURE = failure;
        }
    }
}
