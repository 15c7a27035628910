package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What each callback type does to the world, and the interaction webhook (follow-ups, original edits).
 * Callers hold the world's lock.
 */
final class InteractionCallbacks {
    private static final int EPHEMERAL = 64;
    private static final int LOADING = 128;

    private final World world;
    private final long applicationId;
    private final List<Model.OpenModal> openModals;

    InteractionCallbacks(World world, long applicationId, List<Model.OpenModal> openModals) {
        this.world = world;
        this.applicationId = applicationId;
        this.openModals = openModals;
    }

    /** The message (if any) a callback created or touched. */
    record Result(Model.Message message) {
        ObjectNode responseBody(World world, Model.Interaction interaction, int callbackType) {
            ObjectNode body = world.views.object();
            ObjectNode summary = body.putObject("interaction");
            summary.put("id", Views.id(interaction.id));
            summary.put("type", interaction.type);
            summary.put("channel_id", Views.id(interaction.channelId));
            summary.put("guild_id", Views.id(interaction.guildId));
            if (message != null) {
                summary.put("response_message_id", Views.id(message.id));
                summary.put("response_message_loading", (message.flags & LOADING) != 0);
                summary.put("response_message_ephemeral", message.ephemeral());
            }
            // Discord's schema has a message resource only for replies (4) and message updates (7)
            if (message != null && (callbackType == 4 || callbackType == 7)) {
                ObjectNode resource = body.putObject("resource");
                resource.put("type", callbackType);
                resource.set("message", world.messageView(message));
            }
            return body;
        }
    }

    Result apply(Model.Interaction interaction, int type, JsonNode data) {
        return switch (type) {
            case 4 -> {
                MessageBody body = MessageBody.parse(data.isObject() ? data : world.views.object()).requireSomething();
                Model.Message message = createResponse(interaction, body, body.flags() == null ? 0 : body.flags());
                yield new Result(message);
            }
            case 5 -> {
                int flags = LOADING | (data.path("flags").asInt(0) & EPHEMERAL);
                Model.Message message = createResponse(interaction, MessageBody.of(""), flags);
                interaction.originalLoading = true;
                yield new Result(message);
            }
            case 6 -> {
                Model.Message source = componentMessage(interaction, type);
                interaction.originalMessageId = source.id;
                yield new Result(null);
            }
            case 7 -> {
                Model.Message source = componentMessage(interaction, type);
                MessageBody body = MessageBody.parse(data.isObject() ? data : world.views.object());
                Model.Message edited = world.editMessage(source.channelId, source.id, body, m -> { });
                interaction.originalMessageId = edited.id;
                yield new Result(edited);
            }
            case 9 -> {
                if (interaction.type == 5) {
                    throw EmulatorException.badRequest(50035, "A modal cannot answer a modal submit");
                }
                checkModal(data);
                openModals.add(new Model.OpenModal(interaction.userId, data.get("custom_id").asText(), data.deepCopy()));
                yield new Result(null);
            }
            default -> {
                new EmulatorException.FormErrors().add("type", "BASE_TYPE_CHOICES",
                        "Value must be one of {4, 5, 6, 7, 9}.").throwIfAny();
                yield new Result(null);
            }
        };
    }

    private Model.Message componentMessage(Model.Interaction interaction, int type) {
        if (interaction.sourceMessageId == null) {
            throw EmulatorException.badRequest(50035, "Callback type " + type + " needs a component interaction");
        }
        return world.message(world.channel(interaction.channelId), interaction.sourceMessageId);
    }

    private static void checkModal(JsonNode data) {
        EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
        if (!data.hasNonNull("custom_id")) {
            errors.required("data.custom_id");
        }
        if (!data.hasNonNull("title")) {
            errors.required("data.title");
        } else if (data.get("title").asText().length() > 45) {
            errors.length("data.title", 1, 45);
        }
        if (!data.path("components").isArray() || data.path("components").isEmpty()) {
            errors.required("data.components");
        }
        errors.throwIfAny();
    }

    private Model.Message createResponse(Model.Interaction interaction, MessageBody body, int flags) {
        MessageBody withFlags = body.withFlags(flags);
        Model.Message message = world.createMessage(interaction.channelId, world.bot.id, withFlags, m -> {
            m.flags = flags & (EPHEMERAL | LOADING | 4 | 4096 | 32768);
            decorate(interaction, m);
        });
        interaction.originalMessageId = message.id;
        return message;
    }

    private void decorate(Model.Interaction interaction, Model.Message message) {
        message.type = interaction.type == 2 ? 20 : 0;
        message.webhookId = applicationId;
        message.applicationId = applicationId;
        ObjectNode metadata = world.views.object();
        metadata.put("id", Views.id(interaction.id));
        metadata.put("type", interaction.type);
        metadata.set("user", world.views.user(interaction.userId));
        metadata.putObject("authorizing_integration_owners").put("0", Views.id(interaction.guildId));
        if (interaction.sourceMessageId != null) {
            metadata.put("interacted_message_id", Views.id(interaction.sourceMessageId));
        }
        message.interactionMetadata = metadata;
    }

    // ---- interaction webhook -------------------------------------------------------------------------------------

    Model.Message followup(Model.Interaction interaction, JsonNode json) {
        if (interaction.firstCallback == null) {
            throw EmulatorException.unknownWebhook();
        }
        MessageBody body = MessageBody.parse(json).requireSomething();
        if (interaction.originalLoading && interaction.originalMessageId != null) {
            // Discord fills a deferred "thinking" response with the first follow-up instead of posting a new message
            Model.Message filled = editOriginal(interaction, body);
            interaction.followupIds.add(filled.id);
            return filled;
        }
        int flags = body.flags() == null ? 0 : body.flags();
        Model.Message message = world.createMessage(interaction.channelId, world.bot.id, body, m -> {
            m.flags = flags & (EPHEMERAL | 4 | 4096 | 32768);
            decorate(interaction, m);
        });
        interaction.followupIds.add(message.id);
        return message;
    }

    Model.Message original(Model.Interaction interaction) {
        if (interaction.originalMessageId == null) {
            throw EmulatorException.unknownMessage();
        }
        return world.message(world.channel(interaction.channelId), interaction.originalMessageId);
    }

    Model.Message editOriginal(Model.Interaction interaction, MessageBody body) {
        Model.Message original = original(interaction);
        interaction.originalLoading = false;
        return world.editMessage(original.channelId, original.id, body, m -> m.flags &= ~LOADING);
    }

    /** A message of this interaction ("@original" or a follow-up id). */
    Model.Message ownMessage(Model.Interaction interaction, String messageId) {
        if ("@original".equals(messageId)) {
            return original(interaction);
        }
        long id = parseId(messageId);
        if (!interaction.followupIds.contains(id) && !Long.valueOf(id).equals(interaction.originalMessageId)) {
            throw EmulatorException.unknownMessage();
        }
        return world.message(world.channel(interaction.channelId), id);
    }

    Model.Message edit(Model.Interaction interaction, String messageId, JsonNode json) {
        MessageBody body = MessageBody.parse(json);
        if ("@original".equals(messageId)) {
            return editOriginal(interaction, body);
        }
        Model.Message message = ownMessage(interaction, messageId);
        return world.editMessage(message.channelId, message.id, body, m -> { });
    }

    void delete(Model.Interaction interaction, String messageId) {
        Model.Message message = ownMessage(interaction, messageId);
        world.deleteMessage(message.channelId, message.id);
        if (Long.valueOf(message.id).equals(interaction.originalMessageId)) {
            interaction.originalLoading = false;
        }
    }

    static long parseId(String raw) {
        try {
            return Long.parseUnsignedLong(raw);
        } catch (NumberFormatException e) {
            throw EmulatorException.unknownMessage();
        }
    }
}
