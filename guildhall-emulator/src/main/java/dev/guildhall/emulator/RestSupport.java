package dev.guildhall.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every REST route shares: bot authentication, per-route rate-limit buckets with Discord's headers, injected
 * failures, Discord-shaped error bodies, and the record of every call with its OpenAPI route template.
 */
final class RestSupport {
    static final String PREFIX = "/api/v10";
    static final int BUCKET_LIMIT = 50;
    private static final long WINDOW_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(RestSupport.class);

    /** A route body: gets the request, returns the JSON to send (null for 204). */
    interface Route {
        Object handle(Context ctx) throws Exception;
    }

    enum Auth { BOT, NONE }

    /** A result whose status differs from the route's usual success status (an upsert that replaced: 200, not 201). */
    record WithStatus(int status, Object body) {}

    private record Failure(int status, int remaining) {}

    private static final class Bucket {
        long windowStart;
        int used;
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final String botToken;
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private final Map<String, Failure> failures = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();

    RestSupport(ObjectMapper json, Clock clock, String botToken) {
        this.json = json;
        this.clock = clock;
        this.botToken = botToken;
    }

    void add(Javalin app, HandlerType method, String route, Auth auth, int successStatus, Route body) {
        app.addHttpHandler(method, PREFIX + route, ctx -> serve(ctx, method.name(), route, auth, successStatus, body));
    }

    /** Unknown paths under /api/v10 still answer like Discord and are recorded. */
    void addFallback(Javalin app) {
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
            app.addHttpHandler(method, PREFIX + "/*", ctx -> {
                error(ctx, 404, body("404: Not Found", 0));
                record(method.name(), ctx.path().substring(PREFIX.length()), ctx);
            });
        }
    }

    private void serve(Context ctx, String method, String route, Auth auth, int successStatus, Route body) {
        try {
            if (auth == Auth.BOT && !("Bot " + botToken).equals(ctx.header("Authorization"))) {
                throw EmulatorException.unauthorized();
            }
            if (!takeToken(ctx, method, route)) {
                return;
            }
            Integer injected = takeFailure(method, route);
            if (injected != null) {
                injectedError(ctx, injected);
                return;
            }
            Object result = body.handle(ctx);
            if (result == null) {
                ctx.status(204);
            } else if (result instanceof WithStatus special) {
                ctx.status(special.status()).contentType("application/json").result(json.writeValueAsString(special.body()));
            } else {
                ctx.status(successStatus).contentType("application/json").result(json.writeValueAsString(result));
            }
        } catch (EmulatorException e) {
            ObjectNode error = body(e.getMessage(), e.code);
            if (!e.fieldErrors.isEmpty()) {
                ObjectNode errors = error.putObject("errors");
                e.fieldErrors.forEach((field, fieldError) -> {
                    ObjectNode target = errors;
                    for (String part : field.split("\\.")) {
                        target = target.with(part);
                    }
                    target.putArray("_errors").addObject().put("code", fieldError.code()).put("message", fieldError.message());
                });
            }
            error(ctx, e.status, error);
        } catch (JsonProcessingException e) {
            error(ctx, 400, body("The request body contains invalid JSON.", 50109));
        } catch (Exception e) {
            LOG.warn("emulated {} {} failed", method, route, e);
            error(ctx, 500, body("500: Internal Server Error", 0));
        } finally {
            record(method, route, ctx);
        }
    }

    private void record(String method, String route, Context ctx) {
        synchronized (recorded) {
            recorded.add(new RecordedRequest(method, route, ctx.path().substring(PREFIX.length()),
                    ctx.status().getCode(), clock.instant()));
        }
    }

    private ObjectNode body(String message, int code) {
        ObjectNode body = json.createObjectNode();
        body.put("message", message);
        body.put("code", code);
        return body;
    }

    private void error(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    // ---- rate limits -----------------------------------------------------------------------------------------------

    private boolean takeToken(Context ctx, String method, String route) {
        String major = majorParameter(ctx);
        String bucketId = HexFormat.of().toHexDigits((method + " " + route).hashCode());
        long now = clock.millis();
        int remaining;
        long resetAt;
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(method + " " + route + " " + major, k -> new Bucket());
            if (now - bucket.windowStart >= WINDOW_MS) {
                bucket.windowStart = now;
                bucket.used = 0;
            }
            resetAt = bucket.windowStart + WINDOW_MS;
            if (bucket.used >= BUCKET_LIMIT) {
                remaining = -1;
            } else {
                bucket.used++;
                remaining = BUCKET_LIMIT - bucket.used;
            }
        }
        double resetAfter = Math.max(0, resetAt - now) / 1000.0;
        ctx.header("X-RateLimit-Limit", Integer.toString(BUCKET_LIMIT));
        ctx.header("X-RateLimit-Remaining", Integer.toString(Math.max(0, remaining)));
        ctx.header("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", resetAt / 1000.0));
        ctx.header("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
        ctx.header("X-RateLimit-Bucket", bucketId);
        if (remaining >= 0) {
            return true;
        }
        rateLimited(ctx, Math.max(resetAfter, 0.001));
        return false;
    }

    private void rateLimited(Context ctx, double retryAfter) {
        ObjectNode body = json.createObjectNode();
        body.put("message", "You are being rate limited.");
        body.put("code", 0);
        body.put("retry_after", retryAfter);
        body.put("global", false);
        ctx.header("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
        ctx.header("X-RateLimit-Scope", "user");
        ctx.status(429).contentType("application/json").result(body.toString());
    }

    private static String majorParameter(Context ctx) {
        Map<String, String> params = ctx.pathParamMap();
        // Discord's major parameter for webhooks is the id with the token: each interaction's webhook (the
        // application's id, the interaction's token) has buckets of its own
        if (params.containsKey("webhook_id") && params.containsKey("webhook_token")) {
            return params.get("webhook_id") + "/" + params.get("webhook_token");
        }
        for (String major : List.of("channel_id", "guild_id", "webhook_id", "interaction_id")) {
            if (params.containsKey(major)) {
                return params.get(major);
            }
        }
        return "";
    }

    // ---- failure injection and recording ---------------------------------------------------------------------------

    void injectFailure(String method, String route, int status, int count) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx code");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        String normalized = route.startsWith("/") ? route : "/" + route;
        synchronized (failures) {
            failures.put(method.toUpperCase(Locale.ROOT) + " " + normalized, new Failure(status, count));
        }
    }

    private Integer takeFailure(String method, String route) {
        synchronized (failures) {
            String key = method + " " + route;
            Failure failure = failures.get(key);
            if (failure == null) {
                return null;
            }
            if (failure.remaining() <= 1) {
                failures.remove(key);
            } else {
                failures.put(key, new Failure(failure.status(), failure.remaining() - 1));
            }
            return failure.status();
        }
    }

    private void injectedError(Context ctx, int status) {
        switch (status) {
            case 429 -> rateLimited(ctx, 0.25);
            case 401 -> error(ctx, 401, body("401: Unauthorized", 0));
            case 403 -> error(ctx, 403, body("Missing Permissions", 50013));
            case 404 -> error(ctx, 404, body("404: Not Found", 0));
            case 400 -> error(ctx, 400, body("400: Bad Request", 0));
            default -> error(ctx, status, body(status + ": " + (status >= 500 ? "Internal Server Error" : "Error"), 0));
        }
    }

    List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    /** The JSON body, or the payload_json part of a multipart body (messages with files). */
    JsonNode body(Context ctx) throws JsonProcessingException {
        String contentType = ctx.contentType();
        String raw = contentType != null && contentType.startsWith("multipart/") ? ctx.formParam("payload_json") : ctx.body();
        if (raw == null || raw.isBlank()) {
            return json.createObjectNode();
        }
        return json.readTree(raw);
    }
}
