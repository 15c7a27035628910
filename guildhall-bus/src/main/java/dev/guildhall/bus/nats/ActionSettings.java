package dev.guildhall.bus.nats;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.Snowflakes;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How workers and gateways exchange actions. {@code environment} isolates streams, subjects and the action ledger as it
 * does for the bus; {@code shardsTotal} is the bot's Discord shard count, which names the subjects a guild's actions
 * travel on; {@code requestTimeout} bounds how long a worker waits for a gateway's answer.
 */
public record ActionSettings(String environment, int shardsTotal, Duration requestTimeout) {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public ActionSettings {
        requireEnvironment(environment);
        if (shardsTotal < 1) throw new IllegalArgumentException("shardsTotal must be >= 1, got " + shardsTotal);
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** With the default request timeout of 10 s. */
    public static ActionSettings of(String environment, int shardsTotal) {
        return new ActionSettings(environment, shardsTotal, DEFAULT_REQUEST_TIMEOUT);
    }

    public ActionSettings withRequestTimeout(Duration timeout) {
        return new ActionSettings(environment, shardsTotal, timeout);
    }

    /** Discord's rule: {@code (guild_id >> 22) % shardsTotal}. */
    public int shardOf(GuildId guild) {
        return Snowflakes.shardOf(guild, shardsTotal);
    }

    /** The environment becomes part of subjects and stream names, where '.', '*', '>' and spaces mean something else. */
    static String requireEnvironment(String environment) {
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("environment must match " + ENVIRONMENT + ", got '" + environment + "'");
        }
        return environment;
    }

    Topology topology() {
        return topologyOf(environment);
    }

    /** The names of an environment's action streams and subjects; the bus partition count plays no part in them. */
    static Topology topologyOf(String environment) {
        return new Topology(requireEnvironment(environment), 1);
    }
}
