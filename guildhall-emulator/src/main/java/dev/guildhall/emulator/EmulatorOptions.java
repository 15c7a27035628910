package dev.guildhall.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** How to start a {@link DiscordEmulator}: where to bind, the one valid bot token, and identify concurrency. */
public record EmulatorOptions(String host, int port, String botToken, int maxConcurrency) {

    public EmulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(botToken, "botToken");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (botToken.isBlank()) {
            throw new IllegalArgumentException("botToken must not be blank");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** 127.0.0.1, a free port, a random token, max_concurrency 1. */
    public static EmulatorOptions defaults() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = "emulator." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new EmulatorOptions("127.0.0.1", 0, token, 1);
    }

    public EmulatorOptions withPort(int port) {
        return new EmulatorOptions(host, port, botToken, maxConcurrency);
    }

    public EmulatorOptions withBotToken(String token) {
        return new EmulatorOptions(host, port, token, maxConcurrency);
    }

    /** The token is a secret: never print it. */
    @Override
    public String toString() {
        return "EmulatorOptions[host=" + host + ", port=" + port + ", maxConcurrency=" + maxConcurrency + "]";
    }
}
