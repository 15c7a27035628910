package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of a message create/edit body the emulator keeps; absent fields stay null so an edit leaves them.
 * {@code allowedMentions} is null when the body has none (Discord then parses every mention type).
 */
record MessageBody(String content, ArrayNode embeds, ArrayNode components, Integer flags,
        AllowedMentions allowedMentions) {

    static MessageBody parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw EmulatorException.badRequest(50109, "The request body contains invalid JSON.");
        }
        EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
        String content = null;
        if (body.has("content") && !body.get("content").isNull()) {
            if (!body.get("content").isTextual()) {
                errors.add("content", "BASE_TYPE_STRING", "Must be a string.");
            } else {
                content = body.get("content").asText();
                if (content.length() > 2000) {
                    errors.add("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
                }
            }
        }
        ArrayNode embeds = arrayOrNull(body, "embeds", errors);
        if (embeds != null && embeds.size() > 10) {
            errors.add("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }
        ArrayNode components = arrayOrNull(body, "components", errors);
        Integer flags = body.hasNonNull("flags") ? body.get("flags").asInt() : null;
        AllowedMentions allowedMentions = AllowedMentions.parse(body, errors);
        errors.throwIfAny();
        if (components != null) {
            numberComponents(components, new int[] {0});
        }
        if (embeds != null) {
            embeds.forEach(MessageBody::normalizeEmbed);
        }
        return new MessageBody(content, embeds, components, flags, allowedMentions);
    }

    MessageBody withFlags(int flags) {
        return new MessageBody(content, embeds, components, flags, allowedMentions);
    }

    private static ArrayNode arrayOrNull(JsonNode body, String field, EmulatorException.FormErrors errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(field, "BASE_TYPE_LIST", "Must be an array.");
            return null;
        }
        return (ArrayNode) value.deepCopy();
    }

    /** Discord numbers every component of a message in tree order when the sender gave no id. */
    private static void numberComponents(JsonNode components, int[] next) {
        for (JsonNode component : components) {
            if (component instanceof ObjectNode node) {
                if (!node.hasNonNull("id")) {
                    node.put("id", ++next[0]);
                } else {
                    next[0] = Math.max(next[0], node.get("id").asInt());
                }
                if (node.has("components")) {
                    numberComponents(node.get("components"), next);
                }
                for (String child : new String[] {"component", "accessory"}) {
                    if (node.get(child) instanceof ObjectNode nested) {
                        numberComponents(JsonNodeFactory.instance.arrayNode().add(nested), next);
                    }
                }
            }
        }
    }

    /** Embeds come back with their type and with inline set on every field. */
    private static void normalizeEmbed(JsonNode embed) {
        if (embed instanceof ObjectNode node) {
            if (!node.hasNonNull("type")) {
                node.put("type", "rich");
            }
            for (JsonNode field : node.path("fields")) {
                if (field instanceof ObjectNode f && !f.hasNonNull("inline")) {
                    f.put("inline", false);
                }
            }
        }
    }

    boolean isEmpty() {
        return (content == null || content.isEmpty()) && (embeds == null || embeds.isEmpty())
                && (components == null || components.isEmpty());
    }

    /** A new message needs content, an embed or a component (attachments are not emulated). */
    MessageBody requireSomething() {
        if (isEmpty()) {
            throw EmulatorException.badRequest(50006, "Cannot send an empty message");
        }
        return this;
    }

    /** A new text is parsed for mentions again, under this body's allowed mentions (Discord's default if none). */
    void applyTo(Model.Message message) {
        if (content != null) {
            message.content = content;
            message.pinged = (allowedMentions == null ? AllowedMentions.DISCORD_DEFAULT : allowedMentions).pinged(content);
        }
        if (embeds != null) {
            message.embeds = embeds;
        }
        if (components != null) {
            message.components = components;
        }
    }

    static MessageBody of(String content) {
        return new MessageBody(content, null, null, null, null);
    }
}
