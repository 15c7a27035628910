package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.emulator.DiscordEmulator;
import dev.guildhall.emulator.EmulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatedDiscordExtension.class)
class ConnectionEndToEndTest {
    private final EmulatedDiscord discord;

    ConnectionEndToEndTest(EmulatedDiscord discord) {
        this.discord = discord;
    }

    @Test
    void connectingReachesReadyWithEveryShardConnected() {
        assertThat(discord.connection.isConnected()).isTrue();
        assertThat(discord.connection.selfUserId()).isEqualTo(discord.emulator.botUserId());
    }

    @Test
    void theBotIdentifiesThroughTheEmulatorsRestApi() {
        assertThat(discord.control().requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.route()).isEqualTo("/users/@me");
            assertThat(r.status()).isEqualTo(200);
        });
    }

    @Test
    void aGuildSnapshotListsTextChannelsAndRolesButNotEveryone() {
        JsonNode guild = discord.joinedGuild("Snapshot Club");
        GuildId id = GuildId.of(EmulatedDiscord.id(guild));

        GuildSnapshot snapshot = discord.port().guild(id).orElseThrow();

        assertThat(snapshot.name()).isEqualTo("Snapshot Club");
        assertThat(snapshot.channelNamed("general")).isPresent();
        assertThat(snapshot.roleNamed("Admin")).isPresent();
        assertThat(snapshot.roles()).noneMatch(r -> r.id().value() == id.value());
        assertThat(snapshot.roles()).noneMatch(r -> r.name().equals("@everyone"));
    }

    @Test
    void aGuildTheBotIsNotInHasNoSnapshot() {
        JsonNode guild = discord.control().createGuild("Elsewhere", "someone");

        assertThat(discord.port().guild(GuildId.of(EmulatedDiscord.id(guild)))).isEmpty();
    }

    @Test
    void closingDisconnectsEveryShard() throws Exception {
        EmulatedDiscord other = EmulatedDiscord.start();
        try {
            assertThat(other.connection.isConnected()).isTrue();
        } finally {
            other.close();
        }
        assertThat(other.connection.isConnected()).isFalse();
    }

    @Test
    void aTokenDiscordRejectsFailsAtConnect() {
        try (DiscordEmulator emulator = DiscordEmulator.start(EmulatorOptions.defaults())) {
            DiscordSettings wrong = DiscordSettings.emulator("not-" + emulator.botToken(), emulator.restBaseUrl(),
                    emulator.gatewayUrl());

            assertThatThrownBy(() -> DiscordConnection.connect(wrong, e -> {}).close())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token")
                    .hasMessageNotContaining(emulator.botToken());
        }
    }
}
