package dev.guildhall.app;

import dev.guildhall.bus.nats.NatsConnections;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.web.WebSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Guildhall reads from its environment, read in this one place, one record per concern. A bad value
 * fails start-up with a message naming the variable.
 */
public record AppConfig(Mode mode, String environment, DiscordConfig discord, StoreSettings store, WebSettings web,
                        SandboxConfig sandbox, List<UserId> masterAdmins, BusConfig bus, PluginConfig plugins) {

    public enum Mode { STANDALONE, GATEWAY, WORKER }

    /**
     * {@code token} empty means the sandbox: the built-in emulator. {@code apiBaseUrl} and {@code gatewayUrl} point
     * the client at a Discord-compatible server other than Discord (a running emulator).
     */
    public record DiscordConfig(Optional<String> token, Optional<URI> apiBaseUrl, Optional<URI> gatewayUrl,
                                Optional<GuildId> devGuild, int shards) {
        @Override
        public String toString() {
            return "DiscordConfig[token=" + (token.isPresent() ? "(set)" : "(none)") + ", apiBaseUrl=" + apiBaseUrl
                    + ", gatewayUrl=" + gatewayUrl + ", devGuild=" + devGuild + ", shards=" + shards + "]";
        }
    }

    /**
     * Distributed mode's bus: the NATS server, the partition count (fixed for an environment's whole life: it decides
     * which consumer owns a guild), deliveries before the dead letters, how long a handler may take before NATS
     * redelivers, and how many envelopes a gateway holds while NATS is unreachable.
     */
    public record BusConfig(String natsUrl, int partitions, int maxDeliveries, Duration ackWait, int gatewayBuffer,
                            Duration interactionDeferAfter) {
        /** The NATS URL without any user or password in it, for logs and readiness messages. */
        public String natsAddress() {
            return NatsConnections.redacted(natsUrl);
        }

        @Override
        public String toString() {
            return "BusConfig[natsUrl=" + natsAddress() + ", partitions=" + partitions + ", maxDeliveries="
                    + maxDeliveries + ", ackWait=" + ackWait + ", gatewayBuffer=" + gatewayBuffer
                    + ", interactionDeferAfter=" + interactionDeferAfter + "]";
        }
    }

    /**
     * Plugin modules: the folder of plugin jars ({@code MODULES_DIR}, default {@code ./modules}) and the bearer token
     * of the operator endpoints ({@code OPERATOR_TOKEN}; absent means those endpoints do not exist).
     */
    public record PluginConfig(Path modulesDir, Optional<String> operatorToken) {
        @Override
        public String toString() {
            return "PluginConfig[modulesDir=" + modulesDir + ", operatorToken="
                    + (operatorToken.isPresent() ? "(set)" : "(none)") + "]";
        }
    }

    /** Where the sandbox's emulator listens (its page is served there too). */
    public record SandboxConfig(String host, int port) {}

    public static AppConfig fromEnvironment(Map<String, String> env) {
        Mode mode = switch (get(env, "BOT_MODE").orElse("standalone").toLowerCase()) {
            case "standalone" -> Mode.STANDALONE;
            case "gateway" -> Mode.GATEWAY;
            case "worker" -> Mode.WORKER;
            default -> throw new ConfigException("BOT_MODE", "one of standalone, gateway, worker");
        };
        DiscordConfig discord = new DiscordConfig(get(env, "DISCORD_TOKEN"), url(env, "DISCORD_API_BASE_URL"),
                url(env, "DISCORD_GATEWAY_URL"), get(env, "DISCORD_GUILD_ID").map(v -> snowflake("DISCORD_GUILD_ID", v)).map(GuildId::of),
                integer(env, "DISCORD_SHARDS", 1, 1, 4096));
        Path dataDir = Path.of(get(env, "GUILDHALL_DATA_DIR").orElse("data"));
        StoreSettings store;
        try {
            store = StoreSettings.fromDatabaseUrl(get(env, "DATABASE_URL").orElse(""), dataDir.resolve("guildhall.db"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_URL", e.getMessage());
        }
        WebSettings web;
        try {
            web = WebSettings.parse(get(env, "METRICS_ADDRESS").orElse(":8080"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("METRICS_ADDRESS", e.getMessage());
        }
        WebSettings sandboxAddress;
        try {
            sandboxAddress = WebSettings.parse(get(env, "SANDBOX_ADDRESS").orElse("127.0.0.1:8081"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SANDBOX_ADDRESS", e.getMessage());
        }
        List<UserId> admins = get(env, "MASTER_ADMIN_IDS").map(v -> Arrays.stream(v.split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> UserId.of(snowflake("MASTER_ADMIN_IDS", s))).toList()).orElse(List.of());
        BusConfig bus = new BusConfig(get(env, "NATS_URL").orElse("nats://127.0.0.1:4222"),
                integer(env, "BUS_PARTITIONS", 16, 1, 1024), integer(env, "BUS_MAX_DELIVERIES", 5, 1, 100),
                Duration.ofSeconds(integer(env, "BUS_ACK_WAIT_SECONDS", 30, 1, 3600)),
                integer(env, "GATEWAY_BUFFER_SIZE", 50_000, 1, 10_000_000),
                Duration.ofMillis(integer(env, "INTERACTION_DEFER_MS", 2500, 100, 2900)));
        String environment = get(env, "ENVIRONMENT").orElse("development");
        if (!environment.matches("[A-Za-z0-9_-]{1,32}")) {
            // it becomes part of NATS subjects and stream names
            throw new ConfigException("ENVIRONMENT", "1 to 32 letters, digits, '-' or '_', got '" + environment + "'");
        }
        return new AppConfig(mode, environment, discord, store, web,
                new SandboxConfig(sandboxAddress.host(), sandboxAddress.port()), admins, bus,
                new PluginConfig(Path.of(get(env, "MODULES_DIR").orElse("modules")), get(env, "OPERATOR_TOKEN")));
    }

    /**
     * What in this environment says it is a production one (and so no place for the sandbox): a PostgreSQL database
     * ({@code DATABASE_URL}) or {@code ENVIRONMENT=production}; empty for a laptop's environment.
     */
    public Optional<String> productionSign() {
        if (environment.equalsIgnoreCase("production")) return Optional.of("ENVIRONMENT=" + environment);
        if (store.usesPostgres()) return Optional.of("DATABASE_URL is set");
        return Optional.empty();
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<URI> url(Map<String, String> env, String name) {
        return get(env, name).map(v -> {
            try {
                URI uri = URI.create(v);
                if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException("no host");
                return uri;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, "an absolute URL such as http://127.0.0.1:8081/api/v10/, got '" + v + "'");
            }
        });
    }

    private static long snowflake(String name, String value) {
        try {
            long id = Long.parseUnsignedLong(value);
            if (id <= 0) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "a Discord id (digits), got '" + value + "'");
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> value = get(env, name);
        if (value.isEmpty()) return fallback;
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) throw new NumberFormatException();
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "a whole number from " + min + " to " + max + ", got '" + value.get() + "'");
        }
    }
}
