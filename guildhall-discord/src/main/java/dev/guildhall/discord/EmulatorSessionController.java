package dev.guildhall.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Points JDA at a gateway other than Discord's (the local emulator). Keeps the parent's identify pacing; only the
 * URL and, for shard managers, the shard count come from our settings instead of {@code GET gateway/bot}.
 */
final class EmulatorSessionController extends ConcurrentSessionController {
    private final String gatewayUrl;
    private final int shardsTotal;

    EmulatorSessionController(String gatewayUrl, int shardsTotal) {
        this.gatewayUrl = gatewayUrl;
        this.shardsTotal = shardsTotal;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        // Concurrency 1 is Discord's default bucket: identifies are spaced 5 s apart, as the emulator expects
        return new ShardedGateway(gatewayUrl, shardsTotal, 1);
    }
}
