package dev.guildhall.emulator;

import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

/** Builds a real JDA pointed at an emulator: REST base URL, gateway URL, JSON without compression, no chunking. */
final class JdaClient {
    private JdaClient() {}

    static JDABuilder builder(DiscordEmulator emulator, Object... listeners) {
        String gateway = emulator.gatewayUrl().toString();
        return JDABuilder.createLight(emulator.botToken(), EnumSet.of(GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_MESSAGES))
                .setRestConfig(new RestConfig().setBaseUrl(emulator.restBaseUrl().toString()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .setGatewayEncoding(net.dv8tion.jda.api.GatewayEncoding.JSON)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setMemberCachePolicy(MemberCachePolicy.ALL)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .addEventListeners(listeners);
    }

    static JDA connect(DiscordEmulator emulator, Object... listeners) throws InterruptedException {
        return builder(emulator, listeners).build().awaitReady();
    }
}
