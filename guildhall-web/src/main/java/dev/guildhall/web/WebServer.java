package dev.guildhall.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP server: {@code /health} (liveness), {@code /ready} (readiness, one entry per check) and
 * {@code /metrics} (Prometheus text format). Every error answers JSON {@code {"error": "..."}}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Javalin app;
    private final Readiness readiness;

    private WebServer(Javalin app, Readiness readiness) {
        this.app = app;
        this.readiness = readiness;
    }

    /** Binds {@code settings.host():settings.port()} (port 0 = a free port) and starts serving; fails fast if it cannot bind. */
    public static WebServer start(WebSettings settings, PrometheusMeterRegistry registry, List<ReadinessCheck> checks) {
        return start(settings, registry, checks, DEFAULT_CHECK_TIMEOUT, Optional.empty());
    }

    /** With the operator endpoints ({@link OperatorRoutes}) when {@code operator} is present. */
    public static WebServer start(WebSettings settings, PrometheusMeterRegistry registry, List<ReadinessCheck> checks,
                                  Optional<Operator> operator) {
        return start(settings, registry, checks, DEFAULT_CHECK_TIMEOUT, operator);
    }

    /** The operator endpoints' bearer token and what they act on. */
    public record Operator(String token, PluginControl plugins) {
        @Override
        public String toString() {
            return "Operator[token=(set)]";
        }
    }

    static WebServer start(WebSettings settings, PrometheusMeterRegistry registry, List<ReadinessCheck> checks,
                           Duration checkTimeout) {
        return start(settings, registry, checks, checkTimeout, Optional.empty());
    }

    private static WebServer start(WebSettings settings, PrometheusMeterRegistry registry, List<ReadinessCheck> checks,
                                   Duration checkTimeout, Optional<Operator> operator) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        Readiness readiness = new Readiness(List.copyOf(checks), checkTimeout);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = true;
            config.startupWatcherEnabled = false;
        });
        app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/ready", ctx -> ready(ctx, readiness));
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        operator.ifPresent(o -> OperatorRoutes.mount(app, o.token(), o.plugins()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "internal error");
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null) {
                error(ctx, HttpStatus.NOT_FOUND.getCode(), "not found");
            }
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            readiness.close();
            app.stop();
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + WebSettings.VARIABLE + "): " + e.getMessage(), e);
        }
        LOG.info("HTTP server listening on {}:{}", settings.host(), app.port());
        return new WebServer(app, readiness);
    }

    private static void ready(Context ctx, Readiness readiness) {
        Readiness.Report report = readiness.probe();
        Map<String, Object> body = new LinkedHashMap<>();   // status first, for people reading it with curl
        body.put("status", report.ready() ? "ready" : "not_ready");
        body.put("checks", report.checks());
        ctx.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null || message.isBlank() ? "error" : message));
    }

    /** The port actually bound (useful when the settings asked for port 0). */
    public int port() {
        return app.port();
    }

    /** Stops accepting requests and releases the port. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            readiness.close();
        }
    }
}
