package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.discord.DiscordSettings;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorOptions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The no-token experience: a local Discord emulator with a demo guild (an owner with Administrator and a few
 * members) that the bot joins, and the page to drive it. The bot token is random and lives only in this process.
 */
final class Sandbox implements AutoCloseable {
    static final String DEMO_GUILD = "Guildhall Sandbox";
    static final List<String> DEMO_MEMBERS = List.of("alice", "bob", "carol");

    private final DiscordEmulator emulator;
    private final long demoGuild;

    private Sandbox(DiscordEmulator emulator, long demoGuild) {
        this.emulator = emulator;
        this.demoGuild = demoGuild;
    }

    static Sandbox start(AppConfig.SandboxConfig config) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = "sandbox." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        DiscordEmulator emulator = DiscordEmulator.start(new EmulatorOptions(config.host(), config.port(), token, 1));
        try {
            JsonNode guild = emulator.control().createGuild(DEMO_GUILD, "owner");
            long guildId = guild.get("id").asLong();
            for (String member : DEMO_MEMBERS) {
                emulator.control().addMember(guildId, member, false, List.of());
            }
            emulator.control().botJoin(guildId);
            return new Sandbox(emulator, guildId);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    DiscordSettings discordSettings() {
        return DiscordSettings.emulator(emulator.botToken(), emulator.restBaseUrl(), emulator.gatewayUrl());
    }

    String pageAddress() {
        return emulator.baseUrl().resolve("sandbox/").toString();
    }

    long demoGuild() {
        return demoGuild;
    }

    DiscordEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
