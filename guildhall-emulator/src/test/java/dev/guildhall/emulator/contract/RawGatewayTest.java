package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** A real WebSocket against the emulator's gateway: the handshake, sequence numbers, auth and sharding. */
class RawGatewayTest {
    private static final Duration TIMEOUT = EmulatorFixture.EVENT_TIMEOUT;

    private static int shardOf(long guildId, int shards) {
        return (int) ((guildId >> 22) % shards);
    }

    @Test
    void aSocketReceivesHelloThenReadyThenDispatchesWithIncreasingSequence() {
        try (EmulatorFixture fx = EmulatorFixture.start();
             RawGatewayClient client = RawGatewayClient.connect(fx.emulator.gatewayUrl(), fx.emulator.botToken())) {
            JsonNode hello = client.await(p -> true, TIMEOUT, "any payload");
            assertThat(hello.path("op").asInt()).as("first payload is HELLO").isEqualTo(10);
            assertThat(hello.path("d").path("heartbeat_interval").asLong()).isPositive();

            JsonNode ready = client.awaitDispatch("READY", d -> true, TIMEOUT);
            assertThat(ready.path("d").path("user").path("id").asLong()).isEqualTo(fx.emulator.botUserId());
            assertThat(ready.path("d").path("user").path("bot").asBoolean()).isTrue();
            assertThat(ready.path("d").path("session_id").asText()).isNotBlank();
            assertThat(ready.path("d").path("private_channels").isArray()).isTrue();
            assertThat(ready.path("d").path("guilds")).anySatisfy(g -> {
                assertThat(g.path("id").asLong()).isEqualTo(fx.guildId);
                assertThat(g.path("unavailable").asBoolean()).isTrue();
            });
            client.awaitDispatch("GUILD_CREATE", field("id", fx.guildId), TIMEOUT);

            long channel = fx.control.createChannelAsUser(fx.guildId, "sequenced");
            long message = fx.control.postMessageAsUser(fx.generalChannelId, fx.ownerId, "numbered");
            client.awaitDispatch("CHANNEL_CREATE", field("id", channel), TIMEOUT);
            client.awaitDispatch("MESSAGE_CREATE", field("id", message), TIMEOUT);

            List<Long> sequence = client.dispatches().stream().map(p -> p.path("s").asLong()).toList();
            assertThat(sequence).first().isEqualTo(ready.path("s").asLong());
            assertThat(sequence).doesNotHaveDuplicates().isSorted();

            client.heartbeat();
            client.await(p -> p.path("op").asInt() == 11, TIMEOUT, "HEARTBEAT_ACK");
        }
    }

    @Test
    void identifyingWithAWrongTokenIsClosedWith4004() {
        try (EmulatorFixture fx = EmulatorFixture.start();
             RawGatewayClient client = RawGatewayClient.connect(fx.emulator.gatewayUrl(), "not-the-token")) {
            assertThat(client.awaitClose(TIMEOUT)).isEqualTo(4004);
            assertThat(client.dispatches()).isEmpty();
        }
    }

    @Test
    void twoShardsEachReceiveOnlyTheirGuildsEvents() {
        EmulatorOptions defaults = EmulatorOptions.defaults();
        // max_concurrency 2 puts shards 0 and 1 in different identify buckets, so neither waits for the other.
        EmulatorOptions options = new EmulatorOptions(defaults.host(), 0, defaults.botToken(), 2);
        try (DiscordEmulator emulator = DiscordEmulator.start(options)) {
            long[] guildOfShard = new long[] {-1, -1};
            Instant deadline = Instant.now().plusSeconds(5);
            // Snowflakes carry a millisecond timestamp in bits 22+, so guilds made over time land on both shards.
            while ((guildOfShard[0] < 0 || guildOfShard[1] < 0) && Instant.now().isBefore(deadline)) {
                long id = emulator.control().createGuild("Club", "owner").path("id").asLong();
                guildOfShard[shardOf(id, 2)] = id;
            }
            assertThat(guildOfShard).as("a guild on each shard").doesNotContain(-1L);
            emulator.control().botJoin(guildOfShard[0]);
            emulator.control().botJoin(guildOfShard[1]);

            try (RawGatewayClient shard0 = RawGatewayClient.connectShard(emulator.gatewayUrl(), emulator.botToken(), 0, 2);
                 RawGatewayClient shard1 = RawGatewayClient.connectShard(emulator.gatewayUrl(), emulator.botToken(), 1, 2)) {
                RawGatewayClient[] clients = {shard0, shard1};
                for (int shard = 0; shard < 2; shard++) {
                    JsonNode ready = clients[shard].awaitDispatch("READY", d -> true, TIMEOUT);
                    assertThat(StreamSupport.stream(ready.path("d").path("guilds").spliterator(), false)
                            .map(g -> g.path("id").asLong()).toList())
                            .as("READY of shard %d", shard).containsExactly(guildOfShard[shard]);
                    assertThat(ready.path("d").path("shard")).extracting(JsonNode::asInt).containsExactly(shard, 2);
                    clients[shard].awaitDispatch("GUILD_CREATE", field("id", guildOfShard[shard]), TIMEOUT);
                }

                // Events from before the shards identified were routed without a known shard count; judge later ones.
                long identifiedAt = emulator.control().events().stream().mapToLong(e -> e.seq()).max().orElse(0);
                long general0 = EmulatorFixture.channelNamed(emulator.control().guild(guildOfShard[0]), "general");
                long general1 = EmulatorFixture.channelNamed(emulator.control().guild(guildOfShard[1]), "general");
                long first0 = emulator.control().createChannelAsUser(guildOfShard[0], "shard-zero");
                long first1 = emulator.control().createChannelAsUser(guildOfShard[1], "shard-one");
                long owner0 = emulator.control().guild(guildOfShard[0]).path("owner_id").asLong();
                long owner1 = emulator.control().guild(guildOfShard[1]).path("owner_id").asLong();
                long last0 = emulator.control().postMessageAsUser(general0, owner0, "last on zero");
                long last1 = emulator.control().postMessageAsUser(general1, owner1, "last on one");

                shard0.awaitDispatch("CHANNEL_CREATE", field("id", first0), TIMEOUT);
                shard0.awaitDispatch("MESSAGE_CREATE", field("id", last0), TIMEOUT);
                shard1.awaitDispatch("CHANNEL_CREATE", field("id", first1), TIMEOUT);
                shard1.awaitDispatch("MESSAGE_CREATE", field("id", last1), TIMEOUT);
                for (int shard = 0; shard < 2; shard++) {
                    long other = guildOfShard[1 - shard];
                    assertThat(clients[shard].dispatches()).as("shard %d dispatches", shard).noneMatch(p ->
                            p.path("d").path("guild_id").asLong() == other || p.path("d").path("id").asLong() == other);
                }
                assertThat(emulator.control().events()).filteredOn(e -> e.guildId().isPresent() && e.seq() > identifiedAt)
                        .allSatisfy(e -> assertThat(e.shard()).isEqualTo(shardOf(e.guildId().get(), 2)));
            }
        }
    }
}
