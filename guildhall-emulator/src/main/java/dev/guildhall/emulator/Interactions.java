package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Interactions from their creation (a user runs a command, clicks a button, submits a modal) through the bot's
 * callback, follow-ups and edits of the original response. All state changes happen under the world's lock.
 */
final class Interactions {
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final World world;
    private final Commands commands;
    private final InteractionPayloads payloads;
    private final long applicationId;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Model.Interaction> byId = new HashMap<>();
    private final Map<Long, CompletableFuture<Void>> answered = new HashMap<>();
    private final List<Model.OpenModal> openModals = new ArrayList<>();

    Interactions(World world, Commands commands, long applicationId) {
        this.world = world;
        this.commands = commands;
        this.applicationId = applicationId;
        this.payloads = new InteractionPayloads(world, applicationId);
    }

    // ---- user side -----------------------------------------------------------------------------------------------

    InteractionOutcome invokeCommand(long guildId, long channelId, long userId, String commandLine,
            Map<String, Object> options, Duration timeout) {
        String[] path = commandLine.trim().replaceFirst("^/", "").split("\\s+");
        Model.Interaction interaction = world.locked(() -> {
            Model.Guild guild = checkPlace(guildId, channelId, userId);
            ObjectNode command = commands.resolve(guildId, path[0]).orElseThrow(() ->
                    new IllegalArgumentException("/" + path[0] + " is not registered for guild " + guildId));
            ObjectNode data = payloads.commandData(command, path, options, guild);
            return create(2, guildId, channelId, userId, null, data, null);
        });
        return await(interaction, timeout);
    }

    InteractionOutcome clickButton(long guildId, long channelId, long messageId, long userId, String customId,
            Duration timeout) {
        Model.Interaction interaction = world.locked(() -> {
            checkPlace(guildId, channelId, userId);
            Model.Message message = world.message(world.channel(channelId), messageId);
            ObjectNode data = world.views.object();
            data.put("custom_id", customId);
            data.put("component_type", 2);
            return create(3, guildId, channelId, userId, messageId, data, world.messageView(message));
        });
        return await(interaction, timeout);
    }

    InteractionOutcome submitModal(long guildId, long channelId, long userId, String customId,
            Map<String, String> values, Duration timeout) {
        Model.Interaction interaction = world.locked(() -> {
            checkPlace(guildId, channelId, userId);
            Model.OpenModal modal = openModals.stream()
                    .filter(m -> m.userId() == userId && m.customId().equals(customId)).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("no modal '" + customId + "' is open for user " + userId));
            openModals.remove(modal);
            return create(5, guildId, channelId, userId, null, payloads.modalData(modal.data(), values), null);
        });
        return await(interaction, timeout);
    }

    private Model.Guild checkPlace(long guildId, long channelId, long userId) {
        Model.Guild guild = world.guild(guildId);
        if (!guild.botJoined) {
            throw new IllegalArgumentException("the bot is not in guild " + guildId);
        }
        if (world.channel(channelId).guildId != guildId) {
            throw new IllegalArgumentException("channel " + channelId + " is not in guild " + guildId);
        }
        world.member(guild, userId);
        return guild;
    }

    private Model.Interaction create(int type, long guildId, long channelId, long userId, Long sourceMessageId,
            ObjectNode data, ObjectNode message) {
        byte[] secret = new byte[48];
        random.nextBytes(secret);
        String token = "aW50ZXJhY3Rpb246" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Model.Interaction interaction = new Model.Interaction(world.ids.next(), token, type, guildId, channelId,
                userId, world.clock.instant(), sourceMessageId);
        synchronized (this) {
            byId.put(interaction.id, interaction);
            answered.put(interaction.id, new CompletableFuture<>());
        }
        ObjectNode payload = payloads.envelope(interaction, data);
        if (message != null) {
            payload.set("message", message);
        }
        world.dispatcher.dispatch("INTERACTION_CREATE", guildId, payload);
        return interaction;
    }

    private InteractionOutcome await(Model.Interaction interaction, Duration timeout) {
        CompletableFuture<Void> done;
        synchronized (this) {
            done = answered.get(interaction.id);
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the outcome then shows no response: that is the answer the caller asked for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return outcome(Views.id(interaction.id));
    }

    InteractionOutcome outcome(String interactionId) {
        return world.locked(() -> {
            Model.Interaction interaction = find(interactionId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown interaction " + interactionId));
            Optional<JsonNode> original = Optional.ofNullable(interaction.originalMessageId).flatMap(this::messageJson);
            List<JsonNode> followups = interaction.followupIds.stream().map(this::messageJson)
                    .flatMap(Optional::stream).toList();
            return new InteractionOutcome(interactionId, Optional.ofNullable(interaction.firstCallback)
                    .map(JsonNode::deepCopy), followups, original);
        });
    }

    private Optional<JsonNode> messageJson(long messageId) {
        return world.guilds().stream().flatMap(g -> g.channels.values().stream())
                .map(c -> c.messages.get(messageId)).filter(m -> m != null).findFirst()
                .map(m -> (JsonNode) world.messageView(m));
    }

    private synchronized Optional<Model.Interaction> find(String interactionId) {
        try {
            return Optional.ofNullable(byId.get(Long.parseUnsignedLong(interactionId)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- bot side (REST) -----------------------------------------------------------------------------------------

    /** Handles a callback; returns the InteractionCallbackResponse body Discord gives for {@code with_response=true}. */
    ObjectNode callback(String interactionId, String token, JsonNode body) {
        ObjectNode response = world.locked(() -> {
            Model.Interaction interaction = find(interactionId).filter(i -> i.token.equals(token))
                    .filter(i -> !expired(i)).orElseThrow(EmulatorException::unknownInteraction);
            if (interaction.firstCallback != null) {
                throw EmulatorException.badRequest(40060, "Interaction has already been acknowledged.");
            }
            if (body == null || !body.hasNonNull("type")) {
                new EmulatorException.FormErrors().required("type").throwIfAny();
            }
            int type = body.get("type").asInt();
            JsonNode data = body.path("data");
            InteractionCallbacks.Result result = new InteractionCallbacks(world, applicationId, openModals)
                    .apply(interaction, type, data);
            ObjectNode sent = world.views.object();
            sent.put("type", type);
            sent.set("data", data.isMissingNode() ? world.views.object() : data.deepCopy());
            interaction.firstCallback = sent;
            return result.responseBody(world, interaction, type);
        });
        CompletableFuture<Void> done;
        synchronized (this) {
            done = answered.get(Long.parseUnsignedLong(interactionId));
        }
        done.complete(null);
        return response;
    }

    private boolean expired(Model.Interaction interaction) {
        return world.clock.instant().isAfter(interaction.createdAt.plus(TOKEN_LIFETIME));
    }

    /** The interaction a webhook token belongs to; 401 once the token expired, like Discord. */
    Model.Interaction byToken(long appId, String token) {
        Model.Interaction interaction;
        synchronized (this) {
            interaction = byId.values().stream().filter(i -> i.token.equals(token)).findFirst().orElse(null);
        }
        if (appId != applicationId || interaction == null) {
            throw EmulatorException.unknownWebhook();
        }
        if (expired(interaction)) {
            throw new EmulatorException(EmulatorException.Kind.UNAUTHORIZED, 401, 50027, "Invalid Webhook Token", Map.of());
        }
        return interaction;
    }

    InteractionCallbacks webhookSide() {
        return new InteractionCallbacks(world, applicationId, openModals);
    }
}
