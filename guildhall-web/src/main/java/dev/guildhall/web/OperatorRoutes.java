package dev.guildhall.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The operator's endpoints, under {@code /operator}: {@code GET /operator/modules} lists the plugins,
 * {@code POST /operator/modules/{name}/load|reload|unload} changes one. Every request needs
 * {@code Authorization: Bearer <OPERATOR_TOKEN>} (401 without it); a process without a token has no such routes
 * (404), so an unset token never means an open door.
 */
final class OperatorRoutes {
    private final byte[] token;
    private final PluginControl plugins;

    private OperatorRoutes(String token, PluginControl plugins) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.plugins = plugins;
    }

    static void mount(Javalin app, String token, PluginControl plugins) {
        if (token.isBlank()) throw new IllegalArgumentException("the operator token is empty");
        OperatorRoutes routes = new OperatorRoutes(token, plugins);
        app.before("/operator/*", routes::authorize);
        app.get("/operator/modules", ctx -> ctx.json(Map.of("plugins", plugins.list())));
        app.post("/operator/modules/{name}/{action}", routes::change);
        app.exception(PluginControl.Refused.class, (e, ctx) ->
                ctx.status(HttpStatus.CONFLICT).json(Map.of("error", e.getMessage())));
    }

    private void authorize(Context ctx) {
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // compares every byte whatever the first difference, so timing says nothing of the token
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("a valid operator token is required");
        }
    }

    private void change(Context ctx) {
        String name = ctx.pathParam("name");
        PluginControl.Plugin plugin = switch (ctx.pathParam("action")) {
            case "load" -> plugins.load(name);
            case "reload" -> plugins.reload(name);
            case "unload" -> plugins.unload(name);
            default -> {
                ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not found"));
                yield null;
            }
        };
        if (plugin != null) ctx.json(plugin);
    }
}
