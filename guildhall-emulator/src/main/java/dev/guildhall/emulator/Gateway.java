package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway v10 over WebSocket, JSON, no compression: HELLO, IDENTIFY (4004 on a bad token), RESUME (replay or op 9),
 * heartbeats, READY and GUILD_CREATE per joined guild of the session's shard, member chunk requests.
 */
final class Gateway {
    static final int HEARTBEAT_INTERVAL_MS = 41_250;
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final ObjectMapper json;
    private final World world;
    private final Dispatcher dispatcher;
    private final String botToken;
    private final long applicationId;
    private final String gatewayUrl;
    private final SecureRandom random = new SecureRandom();
    /** WebSocket session id to the gateway session it identified or resumed. */
    private final Map<String, GatewaySession> bySocket = new ConcurrentHashMap<>();
    final AtomicInteger identifies = new AtomicInteger();

    Gateway(ObjectMapper json, World world, String botToken, long applicationId, String gatewayUrl) {
        this.json = json;
        this.world = world;
        this.dispatcher = world.dispatcher;
        this.botToken = botToken;
        this.applicationId = applicationId;
        this.gatewayUrl = gatewayUrl;
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::onConnect);
        ws.onMessage(this::onMessage);
        ws.onClose(this::onClose);
        ws.onError(ctx -> LOG.debug("gateway socket error: {}", String.valueOf(ctx.error())));
    }

    private void onConnect(WsConnectContext ctx) {
        String encoding = ctx.queryParam("encoding");
        if (encoding != null && !encoding.equals("json")) {
            ctx.closeSession(4002, "Only JSON encoding is emulated.");
            return;
        }
        if (ctx.queryParam("compress") != null) {
            ctx.closeSession(4002, "Compression is not emulated.");
            return;
        }
        ObjectNode hello = json.createObjectNode();
        hello.put("op", 10);
        hello.putNull("s");
        hello.putNull("t");
        hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
        ctx.send(hello.toString());
    }

    private void onClose(WsCloseContext ctx) {
        GatewaySession session = bySocket.remove(ctx.sessionId());
        if (session != null && session.attachedTo(ctx)) {
            session.detach();
        }
    }

    private void onMessage(WsMessageContext ctx) {
        JsonNode frame;
        try {
            frame = json.readTree(ctx.message());
        } catch (Exception e) {
            ctx.closeSession(4002, "Error while decoding payload.");
            return;
        }
        int op = frame.path("op").asInt(-1);
        JsonNode d = frame.path("d");
        GatewaySession session = bySocket.get(ctx.sessionId());
        switch (op) {
            case 1 -> send(ctx, session, opFrame(11, null));
            case 2 -> identify(ctx, session, d);
            case 6 -> resume(ctx, session, d);
            case 3, 4 -> requireSession(ctx, session);
            case 8 -> {
                if (requireSession(ctx, session)) {
                    requestMembers(session, d);
                }
            }
            default -> ctx.closeSession(4001, "Unknown opcode.");
        }
    }

    private boolean requireSession(WsContext ctx, GatewaySession session) {
        if (session == null) {
            ctx.closeSession(4003, "Not authenticated.");
            return false;
        }
        return true;
    }

    private boolean tokenValid(JsonNode d) {
        String token = d.path("token").asText("");
        if (token.startsWith("Bot ")) {
            token = token.substring(4);
        }
        return token.equals(botToken);
    }

    private void identify(WsContext ctx, GatewaySession existing, JsonNode d) {
        if (existing != null) {
            ctx.closeSession(4005, "Already authenticated.");
            return;
        }
        if (!tokenValid(d)) {
            ctx.closeSession(4004, "Authentication failed.");
            return;
        }
        int shardId = 0;
        int shardTotal = 1;
        if (d.path("shard").isArray()) {
            shardId = d.path("shard").path(0).asInt(-1);
            shardTotal = d.path("shard").path(1).asInt(0);
        }
        if (shardTotal < 1 || shardId < 0 || shardId >= shardTotal) {
            ctx.closeSession(4010, "Invalid shard.");
            return;
        }
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        GatewaySession session = new GatewaySession(HexFormat.of().formatHex(raw), shardId, shardTotal, ctx);
        identifies.incrementAndGet();
        bySocket.put(ctx.sessionId(), session);
        world.locked(() -> {
            dispatcher.register(session);
            dispatcher.dispatchTo(session, "READY", null, ready(session));
            for (Model.Guild guild : world.guilds()) {
                if (guild.botJoined && session.handles(guild.id)) {
                    dispatcher.dispatchTo(session, "GUILD_CREATE", guild.id, world.views.guildCreate(guild));
                }
            }
            return null;
        });
    }

    private ObjectNode ready(GatewaySession session) {
        ObjectNode ready = json.createObjectNode();
        ready.put("v", 10);
        ObjectNode user = world.views.user(world.bot.id);
        user.put("verified", true);
        user.put("mfa_enabled", false);
        ready.set("user", user);
        ArrayNode guilds = ready.putArray("guilds");
        for (Model.Guild guild : world.guilds()) {
            if (guild.botJoined && session.handles(guild.id)) {
                guilds.addObject().put("id", Views.id(guild.id)).put("unavailable", true);
            }
        }
        ready.put("session_id", session.sessionId);
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", gatewayUrl);
        ready.putArray("shard").add(session.shardId).add(session.shardTotal);
        ready.putObject("application").put("id", Views.id(applicationId)).put("flags", 0);
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putObject("user_settings");
        ready.putArray("_trace").add("[\"guildhall-emulator\"]");
        return ready;
    }

    private void resume(WsContext ctx, GatewaySession existing, JsonNode d) {
        if (!tokenValid(d)) {
            ctx.closeSession(4004, "Authentication failed.");
            return;
        }
        String sessionId = d.path("session_id").asText("");
        long seq = d.path("seq").asLong(0);
        boolean resumed = world.locked(() -> {
            Optional<GatewaySession> session = dispatcher.session(sessionId);
            if (session.isEmpty() || !session.get().resume(ctx, seq)) {
                return false;
            }
            bySocket.put(ctx.sessionId(), session.get());
            session.get().dispatch(dispatcher::frame, "RESUMED", json.createObjectNode());
            return true;
        });
        if (!resumed) {
            ctx.send(opFrame(9, false));
        }
    }

    private void requestMembers(GatewaySession session, JsonNode d) {
        long guildId = d.path("guild_id").isArray() ? d.path("guild_id").path(0).asLong() : d.path("guild_id").asLong();
        world.locked(() -> {
            Model.Guild guild = world.guilds().stream().filter(g -> g.id == guildId && g.botJoined).findFirst().orElse(null);
            if (guild == null) {
                return null;
            }
            ObjectNode chunk = json.createObjectNode();
            chunk.put("guild_id", Views.id(guildId));
            ArrayNode members = chunk.putArray("members");
            guild.members.values().forEach(m -> members.add(world.views.member(m, true)));
            chunk.put("chunk_index", 0);
            chunk.put("chunk_count", 1);
            if (d.has("nonce")) {
                chunk.set("nonce", d.get("nonce"));
            }
            dispatcher.dispatchTo(session, "GUILD_MEMBERS_CHUNK", guildId, chunk);
            return null;
        });
    }

    private void send(WsContext ctx, GatewaySession session, String frame) {
        if (session != null && session.attachedTo(ctx)) {
            session.sendRaw(frame);
        } else {
            ctx.send(frame);
        }
    }

    private String opFrame(int op, Object d) {
        ObjectNode frame = json.createObjectNode();
        frame.put("op", op);
        frame.set("d", json.valueToTree(d));
        frame.putNull("s");
        frame.putNull("t");
        return frame.toString();
    }
}
