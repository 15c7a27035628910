package dev.guildhall.discord;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the bot token, and for the local emulator its REST base URL and gateway URL. Absent URLs
 * mean real Discord. {@code toString} never shows the token.
 */
public record DiscordSettings(String token, Optional<URI> restBaseUrl, Optional<URI> gatewayUrl, int shardsTotal) {
    public DiscordSettings {
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
        return new DiscordSettings(token, Optional.empty(), Optional.empty(), 1);
    }

    /** A local Discord (the emulator) at these URLs, with one shard. */
    public static DiscordSettings emulator(String token, URI restBaseUrl, URI gatewayUrl) {
        return new DiscordSettings(token, Optional.of(restBaseUrl), Optional.of(gatewayUrl), 1);
    }

    public DiscordSettings withShardsTotal(int n) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, n);
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
                + ", gatewayUrl=" + gatewayUrl.map(URI::toString).orElse("discord") + ", shardsTotal=" + shardsTotal + "]";
    }
}
