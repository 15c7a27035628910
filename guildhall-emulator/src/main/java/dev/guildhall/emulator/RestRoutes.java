package dev.guildhall.emulator;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** Discord's REST subset under /api/v10 that a bot needs; response bodies follow the OpenAPI response schemas. */
final class RestRoutes {
    private final World world;
    private final Commands commands;
    private final Interactions interactions;
    private final RestSupport rest;
    private final long applicationId;
    private final String gatewayUrl;
    private final int maxConcurrency;
    private final IntSupplier identifies;
    private final ChannelAndRoleRoutes guildRoutes;
    private final ThreadAndEventRoutes threadAndEventRoutes;

    RestRoutes(World world, Commands commands, Interactions interactions, RestSupport rest, long applicationId,
            String gatewayUrl, int maxConcurrency, IntSupplier identifies) {
        this.world = world;
        this.commands = commands;
        this.interactions = interactions;
        this.rest = rest;
        this.applicationId = applicationId;
        this.gatewayUrl = gatewayUrl;
        this.maxConcurrency = maxConcurrency;
        this.identifies = identifies;
        this.guildRoutes = new ChannelAndRoleRoutes(world, rest);
        this.threadAndEventRoutes = new ThreadAndEventRoutes(world, new ThreadsAndEvents(world), rest);
    }

    void register(Javalin app) {
        var bot = RestSupport.Auth.BOT;
        rest.add(app, GET, "/users/@me", bot, 200, ctx -> self());
        rest.add(app, GET, "/gateway", RestSupport.Auth.NONE, 200, ctx -> world.views.object().put("url", gatewayUrl));
        rest.add(app, GET, "/gateway/bot", bot, 200, ctx -> gatewayBot());
        rest.add(app, GET, "/oauth2/applications/@me", bot, 200, ctx -> application());
        registerCommands(app, "/applications/{application_id}/commands", false);
        registerCommands(app, "/applications/{application_id}/guilds/{guild_id}/commands", true);
        guildRoutes.register(app);
        threadAndEventRoutes.register(app);
        registerMessages(app);
        registerInteractions(app);
        rest.addFallback(app);
    }

    private ObjectNode self() {
        ObjectNode user = world.views.user(world.bot.id);
        user.put("mfa_enabled", false);
        user.put("locale", "en-US");
        user.put("verified", true);
        user.put("premium_type", 0);
        user.putNull("email");
        return user;
    }

    private ObjectNode gatewayBot() {
        ObjectNode body = world.views.object();
        body.put("url", gatewayUrl);
        long joined = world.guilds().stream().filter(g -> g.botJoined).count();
        body.put("shards", (int) Math.max(1, (joined + 999) / 1000));
        ObjectNode limit = body.putObject("session_start_limit");
        limit.put("total", 1000);
        limit.put("remaining", Math.max(0, 1000 - identifies.getAsInt()));
        limit.put("reset_after", 86_400_000);
        limit.put("max_concurrency", maxConcurrency);
        return body;
    }

    private ObjectNode application() {
        ObjectNode app = world.views.object();
        app.put("id", Views.id(applicationId));
        app.put("name", world.bot.username);
        app.putNull("icon");
        app.put("description", "");
        app.putNull("type");
        app.set("bot", world.views.user(world.bot.id));
        app.put("bot_public", false);
        app.put("bot_require_code_grant", false);
        app.put("verify_key", "0".repeat(64));
        app.put("flags", 0);
        app.put("flags_new", "0");
        app.putArray("redirect_uris");
        app.putNull("interactions_endpoint_url");
        app.putNull("role_connections_verification_url");
        app.set("owner", world.views.user(world.bot.id));
        app.put("approximate_guild_count", (int) world.guilds().stream().filter(g -> g.botJoined).count());
        app.put("approximate_user_install_count", 0);
        app.put("approximate_user_authorization_count", 0);
        app.put("explicit_content_filter", 0);
        app.putNull("team");
        app.putArray("eligible_oauth2_scopes").add("bot").add("applications.commands");
        app.putArray("tags");
        app.put("summary", "");
        return app;
    }

    // ---- application commands --------------------------------------------------------------------------------------

    private void registerCommands(Javalin app, String base, boolean perGuild) {
        var bot = RestSupport.Auth.BOT;
        rest.add(app, GET, base, bot, 200, ctx -> commands.list(scope(ctx, perGuild)));
        rest.add(app, PUT, base, bot, 200, ctx -> commands.overwrite(scope(ctx, perGuild), rest.body(ctx)));
        rest.add(app, POST, base, bot, 201, ctx -> {
            Map.Entry<Boolean, ObjectNode> result = commands.upsert(scope(ctx, perGuild), rest.body(ctx));
            return result.getKey() ? result.getValue() : new RestSupport.WithStatus(200, result.getValue());
        });
        rest.add(app, GET, base + "/{command_id}", bot, 200, ctx -> commands.get(scope(ctx, perGuild), commandId(ctx)));
        rest.add(app, PATCH, base + "/{command_id}", bot, 200, ctx -> {
            Long scope = scope(ctx, perGuild);
            ObjectNode merged = commands.get(scope, commandId(ctx));
            merged.setAll((ObjectNode) rest.body(ctx));
            commands.delete(scope, commandId(ctx));
            return commands.upsert(scope, merged).getValue();
        });
        rest.add(app, DELETE, base + "/{command_id}", bot, 204, ctx -> {
            commands.delete(scope(ctx, perGuild), commandId(ctx));
            return null;
        });
    }

    private Long scope(Context ctx, boolean perGuild) {
        if (id(ctx, "application_id", EmulatorException::unknownWebhook) != applicationId) {
            throw EmulatorException.unknown("Application", 10002);
        }
        if (!perGuild) {
            return null;
        }
        long guildId = id(ctx, "guild_id", EmulatorException::unknownGuild);
        world.botGuild(guildId);
        return guildId;
    }

    private static long commandId(Context ctx) {
        return id(ctx, "command_id", EmulatorException::unknownCommand);
    }

    static long id(Context ctx, String param, java.util.function.Supplier<EmulatorException> unknown) {
        try {
            return Long.parseUnsignedLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw unknown.get();
        }
    }

    // ---- messages and reactions -------------------------------------------------------------------------------------

    private void registerMessages(Javalin app) {
        var bot = RestSupport.Auth.BOT;
        String messages = "/channels/{channel_id}/messages";
        rest.add(app, POST, messages, bot, 200, ctx -> {
            Model.Channel channel = world.botChannel(channelId(ctx));
            MessageBody body = MessageBody.parse(rest.body(ctx)).requireSomething();
            return world.messageView(world.createMessage(channel.id, world.bot.id, body, m -> m.flags &= 4 | 4096));
        });
        rest.add(app, GET, messages, bot, 200, ctx -> {
            Model.Channel channel = world.botChannel(channelId(ctx));
            int limit = Math.max(1, Math.min(100, parseInt(ctx.queryParam("limit"), 50)));
            List<JsonNode> all = world.messages(channel.id, false);
            Long before = optionalId(ctx.queryParam("before"));
            Long after = optionalId(ctx.queryParam("after"));
            return all.stream()
                    .filter(m -> before == null || Long.parseUnsignedLong(m.get("id").asText()) < before)
                    .filter(m -> after == null || Long.parseUnsignedLong(m.get("id").asText()) > after)
                    .sorted(Comparator.comparing((JsonNode m) -> Long.parseUnsignedLong(m.get("id").asText())).reversed())
                    .limit(limit).toList();
        });
        String message = messages + "/{message_id}";
        rest.add(app, GET, message, bot, 200, ctx -> world.messageView(visibleMessage(ctx)));
        rest.add(app, PATCH, message, bot, 200, ctx -> {
            Model.Message existing = visibleMessage(ctx);
            if (existing.authorId != world.bot.id) {
                throw new EmulatorException(EmulatorException.Kind.FORBIDDEN, 403, 50005,
                        "Cannot edit a message authored by another user", Map.of());
            }
            MessageBody body = MessageBody.parse(rest.body(ctx));
            return world.messageView(world.editMessage(existing.channelId, existing.id, body, m -> { }));
        });
        rest.add(app, DELETE, message, bot, 204, ctx -> {
            Model.Message existing = visibleMessage(ctx);
            world.deleteMessage(existing.channelId, existing.id);
            return null;
        });
        String reaction = message + "/reactions/{emoji_name}/@me";
        rest.add(app, PUT, reaction, bot, 204, ctx -> react(ctx, true));
        rest.add(app, DELETE, reaction, bot, 204, ctx -> react(ctx, false));
    }

    private Object react(Context ctx, boolean add) {
        Model.Message existing = visibleMessage(ctx);
        String emoji = URLDecoder.decode(ctx.pathParam("emoji_name"), StandardCharsets.UTF_8);
        if (emoji.isBlank()) {
            throw EmulatorException.unknownEmoji();
        }
        world.react(existing.channelId, existing.id, world.bot.id, emoji, add);
        return null;
    }

    private Model.Message visibleMessage(Context ctx) {
        Model.Channel channel = world.botChannel(channelId(ctx));
        Model.Message message = world.message(channel, id(ctx, "message_id", EmulatorException::unknownMessage));
        if (message.ephemeral()) {
            throw EmulatorException.unknownMessage();
        }
        return message;
    }

    static long channelId(Context ctx) {
        return id(ctx, "channel_id", EmulatorException::unknownChannel);
    }

    private static int parseInt(String raw, int fallback) {
        try {
            return raw == null ? fallback : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long optionalId(String raw) {
        try {
            return raw == null ? null : Long.parseUnsignedLong(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- interactions -------------------------------------------------------------------------------------------------

    private void registerInteractions(Javalin app) {
        var none = RestSupport.Auth.NONE;
        rest.add(app, POST, "/interactions/{interaction_id}/{interaction_token}/callback", none, 200, ctx -> {
            ObjectNode response = interactions.callback(ctx.pathParam("interaction_id"),
                    ctx.pathParam("interaction_token"), rest.body(ctx));
            return "true".equalsIgnoreCase(ctx.queryParam("with_response")) ? response : null;
        });
        String hook = "/webhooks/{webhook_id}/{webhook_token}";
        rest.add(app, POST, hook, none, 200, ctx -> {
            JsonNode body = rest.body(ctx);
            Model.Message created = world.locked(() -> interactions.webhookSide().followup(interaction(ctx), body));
            return "true".equalsIgnoreCase(ctx.queryParam("wait")) ? world.messageView(created) : null;
        });
        for (String message : List.of(hook + "/messages/@original", hook + "/messages/{message_id}")) {
            rest.add(app, GET, message, none, 200, ctx -> world.locked(() ->
                    world.messageView(interactions.webhookSide().ownMessage(interaction(ctx), messageParam(ctx)))));
            rest.add(app, PATCH, message, none, 200, ctx -> {
                JsonNode body = rest.body(ctx);
                return world.locked(() -> world.messageView(
                        interactions.webhookSide().edit(interaction(ctx), messageParam(ctx), body)));
            });
            rest.add(app, DELETE, message, none, 204, ctx -> world.locked(() -> {
                interactions.webhookSide().delete(interaction(ctx), messageParam(ctx));
                return null;
            }));
        }
    }

    private static String messageParam(Context ctx) {
        return ctx.pathParamMap().getOrDefault("message_id", "@original");
    }

    private Model.Interaction interaction(Context ctx) {
        return interactions.byToken(id(ctx, "webhook_id", EmulatorException::unknownWebhook), ctx.pathParam("webhook_token"));
    }
}
