package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Builds INTERACTION_CREATE payloads and slash-command option trees the way Discord's client would. */
final class InteractionPayloads {
    private final World world;
    private final long applicationId;

    InteractionPayloads(World world, long applicationId) {
        this.world = world;
        this.applicationId = applicationId;
    }

    /** The common envelope; callers hold the world's lock. */
    ObjectNode envelope(Model.Interaction interaction, JsonNode data) {
        Views views = world.views;
        Model.Guild guild = world.guild(interaction.guildId);
        Model.Channel channel = world.channel(interaction.channelId);
        Model.Member member = world.member(guild, interaction.userId);
        ObjectNode node = views.object();
        node.put("id", Views.id(interaction.id));
        node.put("application_id", Views.id(applicationId));
        node.put("type", interaction.type);
        node.set("data", data);
        node.put("guild_id", Views.id(guild.id));
        ObjectNode partialGuild = node.putObject("guild");
        partialGuild.put("id", Views.id(guild.id));
        partialGuild.put("locale", "en-US");
        partialGuild.putArray("features");
        node.put("channel_id", Views.id(channel.id));
        node.set("channel", views.channel(channel));
        ObjectNode memberJson = views.member(member, true);
        memberJson.put("permissions", Long.toString(world.permissions(guild, interaction.userId)));
        node.set("member", memberJson);
        node.put("token", interaction.token);
        node.put("version", 1);
        node.put("app_permissions", Long.toString(world.permissions(guild, world.bot.id)));
        node.put("locale", "en-US");
        node.put("guild_locale", "en-US");
        node.putArray("entitlements");
        node.putObject("authorizing_integration_owners").put("0", Views.id(guild.id));
        node.put("context", 0);
        node.put("attachment_size_limit", 26_214_400);
        return node;
    }

    /** The data of a chat-input command: "round create" becomes a subcommand option holding the given options. */
    ObjectNode commandData(ObjectNode command, String[] path, Map<String, Object> values, Model.Guild guild) {
        Views views = world.views;
        ObjectNode data = views.object();
        data.put("id", command.get("id").asText());
        data.put("name", command.get("name").asText());
        data.put("type", 1);
        data.put("guild_id", Views.id(guild.id));
        ObjectNode resolved = views.object();
        JsonNode definitions = command.path("options");
        ArrayNode target = data.putArray("options");
        for (int depth = 1; depth < path.length; depth++) {
            JsonNode sub = find(definitions, path[depth]);
            int type = sub == null ? 0 : sub.path("type").asInt();
            if (type != 1 && type != 2) {
                throw new IllegalArgumentException("/" + String.join(" ", path) + " is not a registered subcommand");
            }
            ObjectNode option = target.addObject();
            option.put("type", type);
            option.put("name", path[depth]);
            target = option.putArray("options");
            definitions = sub.path("options");
        }
        if (path.length == 1 && hasSubcommands(definitions)) {
            throw new IllegalArgumentException("/" + path[0] + " needs a subcommand");
        }
        for (JsonNode definition : definitions) {
            if (definition.path("required").asBoolean(false) && !values.containsKey(definition.path("name").asText())) {
                throw new IllegalArgumentException("missing required option " + definition.path("name").asText());
            }
        }
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            JsonNode definition = find(definitions, entry.getKey());
            int type = definition == null ? inferType(entry.getValue()) : definition.path("type").asInt();
            target.add(option(entry.getKey(), type, entry.getValue(), guild, resolved));
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return data;
    }

    private static boolean hasSubcommands(JsonNode definitions) {
        for (JsonNode d : definitions) {
            int type = d.path("type").asInt();
            if (type == 1 || type == 2) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode definitions, String name) {
        for (JsonNode d : definitions) {
            if (d.path("name").asText().equals(name)) {
                return d;
            }
        }
        return null;
    }

    private static int inferType(Object value) {
        if (value instanceof Boolean) {
            return 5;
        }
        if (value instanceof Integer || value instanceof Long) {
            return 4;
        }
        if (value instanceof Number) {
            return 10;
        }
        return 3;
    }

    private ObjectNode option(String name, int type, Object value, Model.Guild guild, ObjectNode resolved) {
        Views views = world.views;
        ObjectNode option = views.object();
        option.put("type", type);
        option.put("name", name);
        String text = String.valueOf(value);
        switch (type) {
            case 4 -> option.put("value", value instanceof Number n ? n.longValue() : Long.parseLong(text));
            case 10 -> option.put("value", value instanceof Number n ? n.doubleValue() : Double.parseDouble(text));
            case 5 -> option.put("value", value instanceof Boolean b ? b.booleanValue() : Boolean.parseBoolean(text));
            case 6, 7, 8, 9 -> {
                long id = Long.parseUnsignedLong(text);
                option.put("value", Views.id(id));
                resolve(type, id, guild, resolved);
            }
            default -> option.put("value", text);
        }
        return option;
    }

    private void resolve(int type, long id, Model.Guild guild, ObjectNode resolved) {
        Views views = world.views;
        boolean mentionableRole = type == 9 && guild.roles.containsKey(id);
        if (type == 6 || (type == 9 && !mentionableRole)) {
            Model.Member member = world.member(guild, id);
            resolved.with("users").set(Views.id(id), views.user(id));
            ObjectNode memberJson = views.member(member, false);
            memberJson.put("permissions", Long.toString(world.permissions(guild, id)));
            resolved.with("members").set(Views.id(id), memberJson);
        } else if (type == 8 || mentionableRole) {
            resolved.with("roles").set(Views.id(id), views.role(world.role(guild, id)));
        } else {
            Model.Channel channel = world.channel(id);
            ObjectNode partial = views.channel(channel);
            partial.put("permissions", Long.toString(world.permissions(guild, world.bot.id)));
            resolved.with("channels").set(Views.id(id), partial);
        }
    }

    /**
     * Modal submit data: the opened modal's layout with each text input's value filled in. Components the bot sent
     * without an {@code id} get one numbered in layout order, as Discord assigns them (JDA requires it on submit).
     */
    ObjectNode modalData(JsonNode modal, Map<String, String> values) {
        int[] nextId = {0};
        ObjectNode data = world.views.object();
        data.put("custom_id", modal.path("custom_id").asText());
        ArrayNode components = data.putArray("components");
        for (JsonNode component : modal.path("components")) {
            ObjectNode submitted = world.views.object();
            submitted.put("type", component.path("type").asInt());
            submitted.put("id", component.path("id").asInt(++nextId[0]));
            if (component.has("component")) {
                submitted.set("component", filled(component.get("component"), values, nextId));
            }
            if (component.has("components")) {
                ArrayNode children = submitted.putArray("components");
                component.get("components").forEach(child -> children.add(filled(child, values, nextId)));
            }
            components.add(submitted);
        }
        return data;
    }

    private ObjectNode filled(JsonNode input, Map<String, String> values, int[] nextId) {
        ObjectNode node = world.views.object();
        node.put("type", input.path("type").asInt());
        node.put("id", input.path("id").asInt(++nextId[0]));
        if (input.has("custom_id")) {
            String customId = input.get("custom_id").asText();
            node.put("custom_id", customId);
            if (input.path("type").asInt() == 4) {
                node.put("value", values.getOrDefault(customId, input.path("value").asText("")));
            } else if (values.containsKey(customId)) {
                node.putArray("values").add(values.get(customId));
            }
        }
        return node;
    }
}
