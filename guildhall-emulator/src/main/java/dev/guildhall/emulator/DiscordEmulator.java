package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A local Discord that the unmodified JDA client connects to: gateway v10 (JSON) at {@code /gateway}, a REST subset
 * under {@code /api/v10/}, the control API under {@code /control} and the sandbox page under {@code /sandbox/},
 * all on one port.
 */
public final class DiscordEmulator implements AutoCloseable {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");

    private final Javalin app;
    private final EmulatorOptions options;
    private final World world;
    private final Control control;
    private final long applicationId;

    private DiscordEmulator(Javalin app, EmulatorOptions options, World world, Control control, long applicationId) {
        this.app = app;
        this.options = options;
        this.world = world;
        this.control = control;
        this.applicationId = applicationId;
    }

    /** Binds host:port (port 0 picks a free one) and starts serving. */
    public static DiscordEmulator start(EmulatorOptions options) {
        return start(options, Clock.systemUTC());
    }

    static DiscordEmulator start(EmulatorOptions options, Clock clock) {
        ObjectMapper json = new ObjectMapper();
        Snowflakes ids = new Snowflakes(clock);
        Dispatcher dispatcher = new Dispatcher(json);
        World world = new World(clock, ids, json, dispatcher, "Guildhall");
        long applicationId = world.bot.id;
        Commands commands = new Commands(json, ids, applicationId);
        Interactions interactions = new Interactions(world, commands, applicationId);
        RestSupport rest = new RestSupport(json, clock, options.botToken());
        Control control = new Control(world, commands, interactions, rest);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            // "/sandbox" and "/sandbox/" must stay different routes: one redirects to the other
            config.router.ignoreTrailingSlashes = false;
            // JDA heartbeats every ~41 s; Jetty's default idle timeout would drop a quiet socket before that
            config.jetty.modifyWebSocketServletFactory(factory -> factory.setIdleTimeout(Duration.ofMinutes(5)));
        });
        // the gateway URL embeds the port, known only after binding: the gateway reads it lazily
        String[] gatewayUrl = new String[1];
        app.start(options.host(), options.port());
        gatewayUrl[0] = "ws://" + options.host() + ":" + app.port() + "/gateway";
        Gateway gateway = new Gateway(json, world, options.botToken(), applicationId, gatewayUrl[0]);
        app.ws("/gateway", gateway::configure);
        new RestRoutes(world, commands, interactions, rest, applicationId, gatewayUrl[0], options.maxConcurrency(),
                gateway.identifies::get).register(app);
        new ControlRoutes(json, control, dispatcher).register(app);
        app.get("/", ctx -> ctx.redirect("/sandbox/"));
        app.get("/sandbox", ctx -> ctx.redirect("/sandbox/"));
        app.get("/sandbox/", DiscordEmulator::sandboxFile);
        app.get("/sandbox/<file>", DiscordEmulator::sandboxFile);
        return new DiscordEmulator(app, options, world, control, applicationId);
    }

    /** Serves the sandbox page from the classpath folder {@code sandbox/}. */
    private static void sandboxFile(Context ctx) throws IOException {
        String file = ctx.pathParamMap().getOrDefault("file", "");
        if (file.isEmpty()) {
            file = "index.html";
        }
        if (file.contains("..") || file.startsWith("/")) {
            ctx.status(404);
            return;
        }
        try (InputStream in = DiscordEmulator.class.getClassLoader().getResourceAsStream("sandbox/" + file)) {
            if (in == null) {
                ctx.status(404).result("not found");
                return;
            }
            String extension = file.substring(file.lastIndexOf('.') + 1);
            ctx.contentType(CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
            ctx.result(in.readAllBytes());
        }
    }

    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT/}. */
    public URI baseUrl() {
        return URI.create("http://" + options.host() + ":" + port() + "/");
    }

    /** {@code http://HOST:PORT/api/v10/}, for JDA's {@code RestConfig#setBaseUrl}. */
    public URI restBaseUrl() {
        return URI.create("http://" + options.host() + ":" + port() + "/api/v10/");
    }

    /** {@code ws://HOST:PORT/gateway}, also the {@code url} of {@code GET gateway/bot}. */
    public URI gatewayUrl() {
        return URI.create("ws://" + options.host() + ":" + port() + "/gateway");
    }

    public String botToken() {
        return options.botToken();
    }

    public long applicationId() {
        return applicationId;
    }

    public long botUserId() {
        return world.bot.id;
    }

    public EmulatorControl control() {
        return control;
    }

    @Override
    public void close() {
        world.dispatcher.closeAll();
        app.stop();
    }
}
