package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The control API over HTTP under /control: the same operations as {@link EmulatorControl}, snowflakes as strings. */
final class ControlRoutes {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper json;
    private final Control control;
    private final Dispatcher dispatcher;

    ControlRoutes(ObjectMapper json, Control control, Dispatcher dispatcher) {
        this.json = json;
        this.control = control;
        this.dispatcher = dispatcher;
    }

    void register(Javalin app) {
        app.post("/control/guilds", wrap(ctx -> {
            JsonNode body = body(ctx);
            return control.createGuild(text(body, "name"), text(body, "owner_name"));
        }));
        app.get("/control/guilds", wrap(ctx -> control.guilds()));
        app.get("/control/guilds/{g}", wrap(ctx -> control.guild(id(ctx.pathParam("g")))));
        app.get("/control/guilds/{g}/scheduled-events", wrap(ctx -> control.scheduledEvents(id(ctx.pathParam("g")))));
        app.post("/control/guilds/{g}/members", wrap(ctx -> {
            JsonNode body = body(ctx);
            List<Long> roles = new ArrayList<>();
            body.path("role_ids").forEach(r -> roles.add(id(r.asText())));
            long userId = control.addMember(id(ctx.pathParam("g")), text(body, "username"),
                    body.path("administrator").asBoolean(false), roles);
            return Map.of("user_id", Views.id(userId));
        }));
        app.delete("/control/guilds/{g}/members/{u}", wrap(ctx -> {
            control.removeMember(id(ctx.pathParam("g")), id(ctx.pathParam("u")));
            return null;
        }));
        app.post("/control/guilds/{g}/bot/join", wrap(ctx -> {
            control.botJoin(id(ctx.pathParam("g")));
            return control.guild(id(ctx.pathParam("g")));
        }));
        app.post("/control/guilds/{g}/bot/leave", wrap(ctx -> {
            control.botLeave(id(ctx.pathParam("g")));
            return control.guild(id(ctx.pathParam("g")));
        }));
        app.post("/control/guilds/{g}/channels", wrap(ctx -> {
            long channelId = control.createChannelAsUser(id(ctx.pathParam("g")), text(body(ctx), "name"));
            return Map.of("channel_id", Views.id(channelId));
        }));
        app.delete("/control/guilds/{g}/channels/{c}", wrap(ctx -> {
            control.deleteChannelAsUser(id(ctx.pathParam("g")), id(ctx.pathParam("c")));
            return null;
        }));
        app.post("/control/guilds/{g}/roles", wrap(ctx -> {
            JsonNode body = body(ctx);
            long roleId = control.createRoleAsUser(id(ctx.pathParam("g")), text(body, "name"),
                    Long.parseLong(body.path("permissions").asText("0")));
            return Map.of("role_id", Views.id(roleId));
        }));
        app.delete("/control/guilds/{g}/roles/{r}", wrap(ctx -> {
            control.deleteRoleAsUser(id(ctx.pathParam("g")), id(ctx.pathParam("r")));
            return null;
        }));
        app.get("/control/channels/{c}/messages", wrap(ctx -> control.messages(id(ctx.pathParam("c")))));
        app.post("/control/channels/{c}/messages", wrap(ctx -> {
            JsonNode body = body(ctx);
            long messageId = control.postMessageAsUser(id(ctx.pathParam("c")), id(text(body, "user_id")), text(body, "content"));
            return Map.of("message_id", Views.id(messageId));
        }));
        app.post("/control/channels/{c}/messages/{m}/reactions", wrap(ctx -> {
            JsonNode body = body(ctx);
            control.addReactionAsUser(id(ctx.pathParam("c")), id(ctx.pathParam("m")), id(text(body, "user_id")),
                    text(body, "emoji"));
            return null;
        }));
        registerInteractions(app);
        app.get("/control/commands", wrap(ctx -> {
            String guildId = ctx.queryParam("guild_id");
            return control.commands(guildId == null ? OptionalLong.empty() : OptionalLong.of(id(guildId)));
        }));
        app.get("/control/requests", wrap(ctx -> control.requests().stream().map(r -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("method", r.method());
            view.put("route", r.route());
            view.put("path", r.path());
            view.put("status", r.status());
            view.put("at", r.at().toString());
            return view;
        }).toList()));
        app.delete("/control/requests", wrap(ctx -> {
            control.clearRequests();
            return null;
        }));
        app.post("/control/failures", wrap(ctx -> {
            JsonNode body = body(ctx);
            control.injectFailure(text(body, "method"), text(body, "route"), body.path("status").asInt(500),
                    body.path("count").asInt(1));
            return null;
        }));
        app.get("/control/events", wrap(ctx -> {
            long after = ctx.queryParam("after") == null ? 0 : Long.parseLong(ctx.queryParam("after"));
            ArrayNode events = json.createArrayNode();
            for (DispatchedEvent event : dispatcher.eventsAfter(after)) {
                ObjectNode node = events.addObject();
                node.put("seq", event.seq());
                node.put("type", event.type());
                if (event.guildId().isPresent()) {
                    node.put("guild_id", Views.id(event.guildId().get()));
                } else {
                    node.putNull("guild_id");
                }
                node.put("shard", event.shard());
                node.set("data", event.data());
            }
            return events;
        }));
    }

    private void registerInteractions(Javalin app) {
        app.post("/control/interactions/command", wrap(ctx -> {
            JsonNode body = body(ctx);
            Map<String, Object> options = new LinkedHashMap<>();
            body.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), plain(e.getValue())));
            return outcome(control.invokeCommand(id(text(body, "guild_id")), id(text(body, "channel_id")),
                    id(text(body, "user_id")), text(body, "command"), options, timeout(body)));
        }));
        app.post("/control/interactions/button", wrap(ctx -> {
            JsonNode body = body(ctx);
            return outcome(control.clickButton(id(text(body, "guild_id")), id(text(body, "channel_id")),
                    id(text(body, "message_id")), id(text(body, "user_id")), text(body, "custom_id"), timeout(body)));
        }));
        app.post("/control/interactions/modal", wrap(ctx -> {
            JsonNode body = body(ctx);
            Map<String, String> values = new LinkedHashMap<>();
            body.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            return outcome(control.submitModal(id(text(body, "guild_id")), id(text(body, "channel_id")),
                    id(text(body, "user_id")), text(body, "custom_id"), values, timeout(body)));
        }));
        app.get("/control/interactions/{id}", wrap(ctx -> outcome(control.interaction(ctx.pathParam("id")))));
    }

    private ObjectNode outcome(InteractionOutcome outcome) {
        ObjectNode node = json.createObjectNode();
        node.put("interaction_id", outcome.interactionId());
        node.set("response", outcome.response().orElse(json.nullNode()));
        node.set("followups", json.valueToTree(outcome.followups()));
        node.set("original", outcome.original().orElse(json.nullNode()));
        return node;
    }

    private static Object plain(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }

    private static Duration timeout(JsonNode body) {
        return body.hasNonNull("timeout_ms") ? Duration.ofMillis(body.get("timeout_ms").asLong()) : DEFAULT_TIMEOUT;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value.asText();
    }

    private static long id(String raw) {
        try {
            return Long.parseUnsignedLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a snowflake: " + raw);
        }
    }

    private JsonNode body(Context ctx) {
        try {
            String raw = ctx.body();
            return raw.isBlank() ? json.createObjectNode() : json.readTree(raw);
        } catch (Exception e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
    }

    interface ControlHandler {
        Object handle(Context ctx) throws Exception;
    }

    private Handler wrap(ControlHandler handler) {
        return ctx -> {
            try {
                Object result = handler.handle(ctx);
                if (result == null) {
                    ctx.status(204);
                } else {
                    ctx.contentType("application/json").result(json.writeValueAsString(result));
                }
            } catch (EmulatorException e) {
                fail(ctx, e.status == 404 ? 404 : 400, e.getMessage() + fieldText(e));
            } catch (IllegalArgumentException e) {
                fail(ctx, 400, e.getMessage());
            } catch (IllegalStateException e) {
                fail(ctx, 400, e.getMessage());
            }
        };
    }

    private static String fieldText(EmulatorException e) {
        return e.fieldErrors.isEmpty() ? "" : " " + e.fieldErrors.keySet();
    }

    private void fail(Context ctx, int status, String message) {
        ObjectNode error = json.createObjectNode();
        error.put("error", message == null ? "bad request" : message);
        ctx.status(status).contentType("application/json").result(error.toString());
    }
}
