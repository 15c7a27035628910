package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.Snowflakes;
import dev.guildhall.emulator.EmulatorControl;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.guildhall.discord.EmulatedDiscord.id;
import static org.assertj.core.api.Assertions.assertThat;

class ShardingEndToEndTest {
    private static final int SHARDS = 2;

    @Test
    void twoShardsEachReceiveTheirOwnGuilds() throws Exception {
        Map<Integer, GuildId> guildByShard = new HashMap<>();
        try (EmulatedDiscord discord = EmulatedDiscord.start(SHARDS, control -> joinOneGuildPerShard(control, guildByShard))) {
            assertThat(discord.connection.isConnected()).isTrue();

            for (var entry : guildByShard.entrySet()) {
                Envelope joined = discord.awaitEnvelope(e -> e.guild().equals(entry.getValue())
                        && e.event() instanceof GuildEvent.GuildJoined, "GuildJoined of " + entry.getValue());
                assertThat(joined.shard()).isEqualTo(entry.getKey());
                assertThat(discord.port().guild(entry.getValue())).isPresent();
            }

            // A guild the bot joins later arrives on its own shard too
            JsonNode late = discord.joinedGuild("Late Club");
            GuildId lateId = GuildId.of(id(late));
            Envelope lateJoin = discord.awaitEnvelope(e -> e.guild().equals(lateId)
                    && e.event() instanceof GuildEvent.GuildJoined, "GuildJoined of the late guild");
            assertThat(lateJoin.shard()).isEqualTo(Snowflakes.shardOf(lateId, SHARDS));
        }
    }

    /** Snowflakes carry their creation millisecond, so guilds created a moment apart land on different shards. */
    private static void joinOneGuildPerShard(EmulatorControl control, Map<Integer, GuildId> guildByShard) {
        for (int attempt = 0; guildByShard.size() < SHARDS; attempt++) {
            if (attempt > 500) throw new AssertionError("could not create a guild for every shard");
            GuildId guild = GuildId.of(id(control.createGuild("Club " + attempt, "owner" + attempt)));
            int shard = Snowflakes.shardOf(guild, SHARDS);
            if (guildByShard.putIfAbsent(shard, guild) == null) control.botJoin(guild.value());
        }
    }
}
