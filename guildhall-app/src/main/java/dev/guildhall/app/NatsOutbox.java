package dev.guildhall.app;

import dev.guildhall.bus.nats.ActionCodec;
import dev.guildhall.bus.nats.OutboundAction;
import dev.guildhall.bus.nats.RemoteDiscord;
import dev.guildhall.core.id.GuildId;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A worker's outbox: the gateway executes each action id at most once, so publishing again is safe. */
final class NatsOutbox implements ActionOutbox {
    private final RemoteDiscord discord;
    private final ActionCodec codec = new ActionCodec();

    NatsOutbox(RemoteDiscord discord) {
        this.discord = discord;
    }

    @Override
    public Collecting collect(String unitId) {
        RemoteDiscord.Batch batch = discord.begin(unitId);
        return new Collecting() {
            @Override
            public List<String> actions() {
                return batch.actions().stream()
                        .map(action -> new String(codec.encode(action), StandardCharsets.UTF_8)).toList();
            }

            @Override
            public void close() {
                batch.close();
            }
        };
    }

    @Override
    public void deliver(GuildId guild, String unitId, List<String> stored) {
        discord.publish(guild, stored.stream()
                .map(text -> codec.decodeOutbound(text.getBytes(StandardCharsets.UTF_8))).toList());
    }
}
