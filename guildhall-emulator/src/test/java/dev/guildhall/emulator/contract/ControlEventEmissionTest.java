package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.emulator.DispatchedEvent;
import dev.guildhall.emulator.InteractionOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the humans of the emulated Discord do (through the control API) reaches the bot as gateway events. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class ControlEventEmissionTest {
    private final EmulatorFixture fx;
    private RawGatewayClient gateway;

    ControlEventEmissionTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    @BeforeAll
    void start() {
        gateway = fx.readyGateway();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void botJoiningAGuildEmitsGuildCreateWithWhatJdaNeeds() {
        long guild = fx.control.createGuild("New Club", "founder").path("id").asLong();
        assertThat(fx.control.events())
                .noneMatch(e -> e.type().equals("GUILD_CREATE") && e.guildId().equals(Optional.of(guild)));

        fx.control.botJoin(guild);
        JsonNode data = fx.awaitEvent("GUILD_CREATE", field("id", guild)).data();
        assertThat(data.path("name").asText()).isEqualTo("New Club");
        for (String required : List.of("member_count", "members", "roles", "channels", "threads", "emojis",
                "voice_states", "guild_scheduled_events")) {
            assertThat(data.has(required)).as("GUILD_CREATE has %s", required).isTrue();
        }
        assertThat(data.path("roles")).anySatisfy(role -> assertThat(role.path("id").asLong()).isEqualTo(guild));
        assertThat(data.path("members")).anySatisfy(member ->
                assertThat(member.path("user").path("id").asLong()).isEqualTo(fx.emulator.botUserId()));
        assertThat(fx.control.guild(guild).path("bot_joined").asBoolean()).isTrue();
    }

    @Test
    void botLeavingAGuildEmitsGuildDelete() {
        long guild = fx.control.createGuild("Short Stay", "founder").path("id").asLong();
        fx.control.botJoin(guild);
        fx.control.botLeave(guild);
        JsonNode data = fx.awaitEvent("GUILD_DELETE", field("id", guild)).data();
        assertThat(data.path("unavailable").isBoolean()).isTrue();
        assertThat(data.path("unavailable").asBoolean()).isFalse();
        assertThat(fx.control.guild(guild).path("bot_joined").asBoolean()).isFalse();
    }

    @Test
    void aMemberJoiningEmitsGuildMemberAdd() {
        long user = fx.control.addMember(fx.guildId, "newcomer", false, List.of());
        DispatchedEvent event = fx.awaitEvent("GUILD_MEMBER_ADD",
                d -> Long.toString(user).equals(d.path("user").path("id").asText()));
        assertThat(event.guildId()).contains(fx.guildId);
        assertThat(event.data().path("guild_id").asLong()).isEqualTo(fx.guildId);
        assertThat(event.data().path("user").path("username").asText()).isEqualTo("newcomer");
    }

    @Test
    void aMemberJoiningAGuildWithoutTheBotEmitsNothing() {
        long guild = fx.control.createGuild("Botless", "founder").path("id").asLong();
        fx.control.addMember(guild, "lonely", false, List.of());
        assertThat(fx.control.events()).noneMatch(e -> e.guildId().equals(Optional.of(guild)));
    }

    @Test
    void aUserCreatingAndDeletingAChannelEmitsChannelCreateAndDelete() {
        long channel = fx.control.createChannelAsUser(fx.guildId, "user-made");
        assertThat(fx.awaitEvent("CHANNEL_CREATE", field("id", channel)).data().path("name").asText())
                .isEqualTo("user-made");
        fx.control.deleteChannelAsUser(fx.guildId, channel);
        fx.awaitEvent("CHANNEL_DELETE", field("id", channel));
    }

    @Test
    void aUserCreatingAndDeletingARoleEmitsGuildRoleCreateAndDelete() {
        long role = fx.control.createRoleAsUser(fx.guildId, "Moderator", 8192);
        DispatchedEvent created = fx.awaitEvent("GUILD_ROLE_CREATE",
                d -> Long.toString(role).equals(d.path("role").path("id").asText()));
        assertThat(created.data().path("role").path("permissions").asText()).isEqualTo("8192");
        fx.control.deleteRoleAsUser(fx.guildId, role);
        fx.awaitEvent("GUILD_ROLE_DELETE", field("role_id", role));
    }

    @Test
    void aUserPostingAMessageEmitsMessageCreateWithTheAuthor() {
        long user = fx.control.addMember(fx.guildId, "chatty", false, List.of());
        long message = fx.control.postMessageAsUser(fx.generalChannelId, user, "hi bot");
        JsonNode data = fx.awaitEvent("MESSAGE_CREATE", field("id", message)).data();
        assertThat(data.path("author").path("id").asLong()).isEqualTo(user);
        assertThat(data.path("content").asText()).isEqualTo("hi bot");
        assertThat(data.path("guild_id").asLong()).isEqualTo(fx.guildId);
        assertThat(data.path("member").isObject()).as("guild messages carry the author's member").isTrue();
    }

    @Test
    void aUserReactingEmitsMessageReactionAdd() {
        long user = fx.control.addMember(fx.guildId, "reactor", false, List.of());
        long message = fx.control.postMessageAsUser(fx.generalChannelId, user, "rsvp here");
        fx.control.addReactionAsUser(fx.generalChannelId, message, user, "🥏");
        JsonNode data = fx.awaitEvent("MESSAGE_REACTION_ADD", field("message_id", message)).data();
        assertThat(data.path("user_id").asLong()).isEqualTo(user);
        assertThat(data.path("emoji").path("name").asText()).isEqualTo("🥏");
        assertThat(data.path("channel_id").asLong()).isEqualTo(fx.generalChannelId);
    }

    @Test
    void invokingACommandEmitsInteractionCreateWithWhatJdaNeeds() {
        fx.registerGuildCommand("ping");
        InteractionOutcome outcome = fx.control.invokeCommand(fx.guildId, fx.generalChannelId, fx.ownerId, "ping",
                Map.of(), Duration.ofMillis(100));
        JsonNode data = fx.awaitEvent("INTERACTION_CREATE", field("id", outcome.interactionId())).data();
        assertThat(data.path("type").asInt()).isEqualTo(2);
        assertThat(data.path("version").asInt()).isEqualTo(1);
        assertThat(data.path("token").asText()).isNotBlank();
        assertThat(data.path("application_id").asLong()).isEqualTo(fx.applicationId);
        assertThat(data.path("guild_id").asLong()).isEqualTo(fx.guildId);
        assertThat(data.path("guild").path("id").asLong()).isEqualTo(fx.guildId);
        assertThat(data.path("channel_id").asLong()).isEqualTo(fx.generalChannelId);
        assertThat(data.path("channel").path("id").asLong()).isEqualTo(fx.generalChannelId);
        assertThat(data.has("context")).isTrue();
        assertThat(data.path("authorizing_integration_owners").isObject()).isTrue();
        assertThat(data.path("member").path("user").path("id").asLong()).isEqualTo(fx.ownerId);
        assertThat(data.path("member").path("permissions").isTextual()).isTrue();
        assertThat(data.path("data").path("name").asText()).isEqualTo("ping");
    }

    @Test
    void invokingAnUnregisteredCommandIsRefused() {
        assertThatThrownBy(() -> fx.control.invokeCommand(fx.guildId, fx.generalChannelId, fx.ownerId, "nope",
                Map.of(), Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlEventsAndSocketDispatchesAgree() {
        long channel = fx.control.createChannelAsUser(fx.guildId, "mirrored");
        DispatchedEvent recorded = fx.awaitEvent("CHANNEL_CREATE", field("id", channel));
        JsonNode wire = gateway.awaitDispatch("CHANNEL_CREATE", field("id", channel), EmulatorFixture.EVENT_TIMEOUT);
        assertThat(wire.path("d")).isEqualTo(recorded.data());
    }
}
