package dev.guildhall.store.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.settings.ModuleSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * Checks a module's merged settings against its JSON Schema (networknt validator, 2020-12) and then its own checks.
 * Problems are written from the schema, not copied from the validator: "field: rule" in plain words, short even when
 * the schema holds a long enum.
 */
final class SettingsValidator {
    private static final int ENUM_SHOWN = 8;
    private static final int FALLBACK_LENGTH = 160;

    private final ObjectMapper json;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /**
     * Compiled schemas by module instance: a plugin reloaded at runtime is a new instance with perhaps a new schema,
     * and an unloaded one is forgotten with its class loader.
     */
    private final Map<GuildModule, Compiled> schemas = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    SettingsValidator(ObjectMapper json) {
        this.json = json;
    }

    private record Compiled(JsonSchema schema, JsonNode root, ObjectNode defaults) {}

    /** The module's defaults as a JSON object; a copy the caller may change. */
    ObjectNode defaults(GuildModule module) {
        return compiled(module).defaults().deepCopy();
    }

    /** The keys the module knows: the schema's properties, else its defaults' keys. */
    Set<String> knownKeys(GuildModule module) {
        Compiled compiled = compiled(module);
        Set<String> keys = new TreeSet<>();
        compiled.root().path("properties").fieldNames().forEachRemaining(keys::add);
        compiled.defaults().fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Every problem of {@code merged}, one line each, sorted by field; empty when it is valid. */
    List<String> problems(GuildModule module, ObjectNode merged) {
        Compiled compiled = compiled(module);
        Map<String, String> byField = new LinkedHashMap<>();
        compiled.schema().validate(merged).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .forEach(message -> {
                    String field = fieldOf(message);
                    byField.putIfAbsent(field, field + ": " + rule(message, compiled.root().path("properties").path(field)));
                });
        List<String> problems = new ArrayList<>(new TreeMap<>(byField).values());
        if (problems.isEmpty()) problems.addAll(module.checkSettings(toSettings(merged)));
        return problems;
    }

    /** Why the module's schema or defaults cannot be used (not JSON, not a schema, defaults it refuses); else empty. */
    List<String> schemaProblems(GuildModule module) {
        try {
            Compiled compiled = compiled(module);
            return compiled.schema().validate(compiled.defaults()).stream()
                    .map(message -> "default " + fieldOf(message) + ": " + rule(message,
                            compiled.root().path("properties").path(fieldOf(message))))
                    .sorted().toList();
        } catch (RuntimeException e) {
            return List.of(e.getMessage());
        }
    }

    ModuleSettings toSettings(ObjectNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            Object value = scalar(entry.getValue());
            if (value != null) values.put(entry.getKey(), value);
        });
        return new ModuleSettings(values);
    }

    private static Object scalar(JsonNode node) {
        if (node.isIntegralNumber()) return node.longValue();
        if (node.isNumber()) return node.doubleValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isTextual()) return node.textValue();
        return null;
    }

    private Compiled compiled(GuildModule module) {
        String id = module.id();
        return schemas.computeIfAbsent(module, key -> {
            try {
                JsonNode root = json.readTree(module.settingsSchema());
                JsonNode defaults = json.readTree(module.defaultSettings());
                if (!(defaults instanceof ObjectNode object)) {
                    throw new IllegalStateException("the default settings of module '" + id + "' are not a JSON object");
                }
                return new Compiled(factory.getSchema(root), root, object);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the settings schema or defaults of module '" + id + "' are not JSON", e);
            }
        });
    }

    private static String fieldOf(ValidationMessage message) {
        if (message.getProperty() != null && !message.getProperty().isEmpty()) return message.getProperty();
        var location = message.getInstanceLocation();
        return location.getNameCount() == 0 ? "settings" : String.valueOf(location.getElement(location.getNameCount() - 1));
    }

    /** The rule a value broke, from the keyword that failed and that keyword's value in the field's schema. */
    private static String rule(ValidationMessage message, JsonNode field) {
        String type = message.getType() == null ? "" : message.getType();
        return switch (type) {
            case "type" -> "must be " + typeName(field.path("type").asText());
            case "minimum" -> "must be at least " + field.path("minimum").asText();
            case "maximum" -> "must be at most " + field.path("maximum").asText();
            case "exclusiveMinimum" -> "must be more than " + field.path("exclusiveMinimum").asText();
            case "exclusiveMaximum" -> "must be less than " + field.path("exclusiveMaximum").asText();
            case "minLength" -> "must be at least " + field.path("minLength").asText() + " characters long";
            case "maxLength" -> "must be at most " + field.path("maxLength").asText() + " characters long";
            case "pattern" -> "must match the pattern " + field.path("pattern").asText();
            case "enum" -> "must be one of " + choices(field.path("enum"));
            case "const" -> "must be " + field.path("const");
            case "multipleOf" -> "must be a multiple of " + field.path("multipleOf").asText();
            case "additionalProperties", "unevaluatedProperties" -> "is not a known setting";
            case "required" -> "must be given";
            default -> fallback(message);
        };
    }

    private static String typeName(String type) {
        return switch (type) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "string" -> "text";
            default -> "of type " + type;
        };
    }

    private static String choices(JsonNode values) {
        List<String> all = StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
        if (all.size() <= ENUM_SHOWN) return String.join(", ", all);
        return "the " + all.size() + " allowed values, such as " + String.join(", ", all.subList(0, 3));
    }

    private static String fallback(ValidationMessage message) {
        String text = message.getMessage().replaceFirst("^\\$[.\\w]*: ", "");
        return text.length() <= FALLBACK_LENGTH ? text : text.substring(0, FALLBACK_LENGTH) + "…";
    }
}
