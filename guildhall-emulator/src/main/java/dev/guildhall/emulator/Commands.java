package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registered application commands, global (scope 0) and per guild, stored in Discord's response shape. */
final class Commands {
    private static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");
    private static final long GLOBAL = 0;

    private final ObjectMapper json;
    private final Snowflakes ids;
    private final long applicationId;
    private final Map<Long, Map<Long, ObjectNode>> byScope = new HashMap<>();

    Commands(ObjectMapper json, Snowflakes ids, long applicationId) {
        this.json = json;
        this.ids = ids;
        this.applicationId = applicationId;
    }

    synchronized List<JsonNode> list(Long guildId) {
        return scope(guildId).values().stream().map(c -> (JsonNode) c.deepCopy()).toList();
    }

    /** Creates or, for an existing name and type, replaces a command; true in the result when it is new. */
    synchronized Map.Entry<Boolean, ObjectNode> upsert(Long guildId, JsonNode body) {
        ObjectNode command = normalize(guildId, body, "");
        Map<Long, ObjectNode> scope = scope(guildId);
        Optional<ObjectNode> existing = find(scope, command.get("name").asText(), command.get("type").asInt());
        existing.ifPresent(old -> command.put("id", old.get("id").asText()));
        scope.put(Long.parseLong(command.get("id").asText()), command);
        return Map.entry(existing.isEmpty(), command.deepCopy());
    }

    synchronized List<JsonNode> overwrite(Long guildId, JsonNode body) {
        if (body == null || !body.isArray()) {
            throw EmulatorException.badRequest(50109, "The request body contains invalid JSON.");
        }
        Map<Long, ObjectNode> scope = scope(guildId);
        List<ObjectNode> next = new ArrayList<>();
        EmulatorException.FormErrors duplicates = new EmulatorException.FormErrors();
        for (int i = 0; i < body.size(); i++) {
            ObjectNode command = normalize(guildId, body.get(i), i + ".");
            String name = command.get("name").asText();
            int type = command.get("type").asInt();
            if (next.stream().anyMatch(c -> c.get("name").asText().equals(name) && c.get("type").asInt() == type)) {
                duplicates.add(i + ".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }
            find(scope, name, type).ifPresent(old -> command.put("id", old.get("id").asText()));
            next.add(command);
        }
        duplicates.throwIfAny();
        scope.clear();
        next.forEach(c -> scope.put(Long.parseLong(c.get("id").asText()), c));
        return next.stream().map(c -> (JsonNode) c.deepCopy()).toList();
    }

    synchronized void delete(Long guildId, long commandId) {
        if (scope(guildId).remove(commandId) == null) {
            throw EmulatorException.unknownCommand();
        }
    }

    /** Discord drops an application's guild commands when the app is removed from the guild. */
    synchronized void dropGuild(long guildId) {
        byScope.remove(guildId);
    }

    synchronized ObjectNode get(Long guildId, long commandId) {
        ObjectNode command = scope(guildId).get(commandId);
        if (command == null) {
            throw EmulatorException.unknownCommand();
        }
        return command.deepCopy();
    }

    /** The chat command a user can run in a guild: a guild command wins over a global one of the same name. */
    synchronized Optional<ObjectNode> resolve(long guildId, String name) {
        return find(scope(guildId), name, 1).or(() -> find(scope(null), name, 1)).map(ObjectNode::deepCopy);
    }

    private Map<Long, ObjectNode> scope(Long guildId) {
        return byScope.computeIfAbsent(guildId == null ? GLOBAL : guildId, k -> new LinkedHashMap<>());
    }

    private static Optional<ObjectNode> find(Map<Long, ObjectNode> scope, String name, int type) {
        return scope.values().stream()
                .filter(c -> c.get("name").asText().equals(name) && c.get("type").asInt() == type).findFirst();
    }

    private ObjectNode normalize(Long guildId, JsonNode body, String prefix) {
        if (body == null || !body.isObject()) {
            throw EmulatorException.badRequest(50109, "The request body contains invalid JSON.");
        }
        int type = body.path("type").asInt(1);
        EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
        String name = body.path("name").asText(null);
        checkName(errors, prefix + "name", name, type == 1);
        String description = body.path("description").asText(type == 1 ? null : "");
        if (type == 1) {
            if (description == null) {
                errors.required(prefix + "description");
            } else if (description.isEmpty() || description.length() > 100) {
                errors.length(prefix + "description", 1, 100);
            }
        }
        JsonNode options = body.get("options");
        if (options != null && options.isArray()) {
            checkOptions(errors, prefix + "options.", options);
        }
        errors.throwIfAny();

        ObjectNode command = json.createObjectNode();
        command.put("id", Views.id(ids.next()));
        command.put("application_id", Views.id(applicationId));
        command.put("version", Views.id(ids.next()));
        JsonNode perms = body.get("default_member_permissions");
        if (perms == null || perms.isNull()) {
            command.putNull("default_member_permissions");
        } else {
            command.put("default_member_permissions", perms.asText());
        }
        command.put("type", type);
        command.put("name", name);
        command.put("description", description == null ? "" : description);
        if (guildId != null) {
            command.put("guild_id", Views.id(guildId));
        }
        command.set("name_localizations", localizations(body.get("name_localizations")));
        command.set("description_localizations", localizations(body.get("description_localizations")));
        command.put("dm_permission", body.path("dm_permission").asBoolean(true));
        if (body.has("contexts") && body.get("contexts").isArray()) {
            command.set("contexts", body.get("contexts").deepCopy());
        } else {
            command.putNull("contexts");
        }
        ArrayNode integrationTypes = command.putArray("integration_types");
        if (body.has("integration_types") && body.get("integration_types").isArray()) {
            body.get("integration_types").forEach(integrationTypes::add);
        } else {
            integrationTypes.add(0);
        }
        command.put("nsfw", body.path("nsfw").asBoolean(false));
        if (options != null && options.isArray() && !options.isEmpty()) {
            command.set("options", cleanOptions(options));
        }
        return command;
    }

    private JsonNode localizations(JsonNode value) {
        return value == null || !value.isObject() ? json.nullNode() : value.deepCopy();
    }

    private static void checkName(EmulatorException.FormErrors errors, String field, String name, boolean lowercase) {
        if (name == null) {
            errors.required(field);
        } else if (name.isEmpty() || name.length() > 32) {
            errors.length(field, 1, 32);
        } else if (!NAME.matcher(name).matches() || (lowercase && !name.equals(name.toLowerCase()))) {
            errors.add(field, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
    }

    private static void checkOptions(EmulatorException.FormErrors errors, String prefix, JsonNode options) {
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            checkName(errors, prefix + i + ".name", option.path("name").asText(null), true);
            String description = option.path("description").asText(null);
            if (description == null) {
                errors.required(prefix + i + ".description");
            } else if (description.isEmpty() || description.length() > 100) {
                errors.length(prefix + i + ".description", 1, 100);
            }
            if (!option.hasNonNull("type")) {
                errors.required(prefix + i + ".type");
            }
            if (option.has("options") && option.get("options").isArray()) {
                checkOptions(errors, prefix + i + ".options.", option.get("options"));
            }
        }
    }

    /** Options as Discord echoes them: the sent fields, without explicit nulls and with false "required" dropped. */
    private ArrayNode cleanOptions(JsonNode options) {
        ArrayNode cleaned = json.createArrayNode();
        for (JsonNode option : options) {
            ObjectNode copy = json.createObjectNode();
            option.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    return;
                }
                if (field.getKey().equals("options") && field.getValue().isArray()) {
                    copy.set("options", cleanOptions(field.getValue()));
                } else if (!(field.getKey().equals("required") && !field.getValue().asBoolean())) {
                    copy.set(field.getKey(), field.getValue().deepCopy());
                }
            });
            cleaned.add(copy);
        }
        return cleaned;
    }
}
