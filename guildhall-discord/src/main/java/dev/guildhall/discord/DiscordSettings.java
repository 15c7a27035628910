package dev.guildhall.discord;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the bot token, and for the local emulator its REST base URL and gateway URL. Absent URLs
 * mean real Discord. {@code autoDefer}: an interaction still unanswered after this long is deferred by the adapter,
 * inside Discord's 3-second limit. {@code toString} never shows the token.
 */
public record DiscordSettings(String token, Optional<URI> restBaseUrl, Optional<URI> gatewayUrl, int shardsTotal,
                              Duration autoDefer) {
    /** Leaves half a second of Discord's 3 for the deferral's own round trip. */
    public static final Duration DEFAULT_AUTO_DEFER = Duration.ofMillis(2500);
    private static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);

    public DiscordSettings {
        Objects.requireNonNull(autoDefer, "autoDefer");
        if (autoDefer.isNegative() || autoDefer.isZero() || autoDefer.compareTo(DISCORD_DEADLINE) >= 0) {
            throw new IllegalArgumentException("autoDefer must be between 0 and 3 seconds (Discord's limit), got "
                    + autoDefer);
        }
        if (token == null || token.isBlank()) throw new IllegalArgumentException("the Discord bot token is missing");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        if (restBaseUrl.isPresent() != gatewayUrl.isPresent()) {
            throw new IllegalArgumentException("a custom Discord needs both a REST base URL and a gateway URL");
        }
        if (shardsTotal < 1) throw new IllegalArgumentException("shardsTotal must be >= 1, got " + shardsTotal);
    }

    /** Real Discord with one shard. */
    public static DiscordSettings discord(String token) {
        return new DiscordSettings(token, Optional.empty(), Optional.empty(), 1, DEFAULT_AUTO_DEFER);
    }

    /** A local Discord (the emulator) at these URLs, with one shard. */
    public static DiscordSettings emulator(String token, URI restBaseUrl, URI gatewayUrl) {
        return new DiscordSettings(token, Optional.of(restBaseUrl), Optional.of(gatewayUrl), 1, DEFAULT_AUTO_DEFER);
    }

    public DiscordSettings withShardsTotal(int n) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, n, autoDefer);
    }

    /** Defers interactions still unanswered after {@code delay} (default {@link #DEFAULT_AUTO_DEFER}). */
    public DiscordSettings withAutoDefer(Duration delay) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, shardsTotal, delay);
    }

    public boolean isCustomDiscord() {
        return gatewayUrl.isPresent();
    }

    /** JDA's REST layer appends routes to the base URL, so it must end with a slash ({@code .../api/v10/}). */
    String restBaseUrlText() {
        String text = restBaseUrl.orElseThrow().toString();
        return text.endsWith("/") ? text : text + "/";
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=<hidden>, restBaseUrl=" + restBaseUrl.map(URI::toString).orElse("discord")
                + ", gatewayUrl=" + gatewayUrl.map(URI::toString).orElse("discord") + ", shardsTotal=" + shardsTotal + ", autoDefer=" + autoDefer + "]";
    }
}
