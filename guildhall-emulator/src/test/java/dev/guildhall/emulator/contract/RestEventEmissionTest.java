package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.field;
import static dev.guildhall.emulator.contract.EmulatorFixture.message;
import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guildhall.emulator.DispatchedEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every REST mutation the bot makes is echoed on the gateway, as Discord does; JDA's cache depends on it. Response
 * shapes are the route tests' business, so these calls are not checked against the spec.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class RestEventEmissionTest {
    private final EmulatorFixture fx;
    private DiscordRest rest;
    private RawGatewayClient gateway;

    RestEventEmissionTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    @BeforeAll
    void start() {
        rest = fx.rest.unchecked();
        gateway = fx.readyGateway();
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void assertInGuild(DispatchedEvent event) {
        assertThat(event.guildId()).contains(fx.guildId);
        assertThat(event.data().path("guild_id").asLong()).isEqualTo(fx.guildId);
    }

    @Test
    void creatingAChannelEmitsChannelCreate() {
        String id = rest.post("/guilds/{guild_id}/channels", object().put("name", "created").put("type", 0), fx.guildId)
                .id();
        DispatchedEvent event = fx.awaitEvent("CHANNEL_CREATE", field("id", id));
        assertInGuild(event);
        assertThat(event.data().path("name").asText()).isEqualTo("created");
    }

    @Test
    void modifyingAChannelEmitsChannelUpdate() {
        String id = rest.post("/guilds/{guild_id}/channels", object().put("name", "before").put("type", 0), fx.guildId)
                .id();
        rest.patch("/channels/{channel_id}", object().put("name", "after"), id);
        DispatchedEvent event = fx.awaitEvent("CHANNEL_UPDATE", field("id", id));
        assertInGuild(event);
        assertThat(event.data().path("name").asText()).isEqualTo("after");
    }

    @Test
    void deletingAChannelEmitsChannelDelete() {
        String id = rest.post("/guilds/{guild_id}/channels", object().put("name", "gone").put("type", 0), fx.guildId)
                .id();
        rest.delete("/channels/{channel_id}", id);
        assertInGuild(fx.awaitEvent("CHANNEL_DELETE", field("id", id)));
    }

    @Test
    void creatingARoleEmitsGuildRoleCreate() {
        String id = rest.post("/guilds/{guild_id}/roles", object().put("name", "Player"), fx.guildId).id();
        DispatchedEvent event = fx.awaitEvent("GUILD_ROLE_CREATE", d -> id.equals(d.path("role").path("id").asText()));
        assertInGuild(event);
        assertThat(event.data().path("role").path("name").asText()).isEqualTo("Player");
    }

    @Test
    void modifyingARoleEmitsGuildRoleUpdate() {
        String id = rest.post("/guilds/{guild_id}/roles", object().put("name", "Editor"), fx.guildId).id();
        rest.patch("/guilds/{guild_id}/roles/{role_id}", object().put("name", "Head Editor"), fx.guildId, id);
        DispatchedEvent event = fx.awaitEvent("GUILD_ROLE_UPDATE",
                d -> id.equals(d.path("role").path("id").asText()) && "Head Editor".equals(d.path("role").path("name").asText()));
        assertInGuild(event);
    }

    @Test
    void deletingARoleEmitsGuildRoleDelete() {
        String id = rest.post("/guilds/{guild_id}/roles", object().put("name", "Doomed"), fx.guildId).id();
        rest.delete("/guilds/{guild_id}/roles/{role_id}", fx.guildId, id);
        assertInGuild(fx.awaitEvent("GUILD_ROLE_DELETE", field("role_id", id)));
    }

    @Test
    void addingARoleToAMemberEmitsGuildMemberUpdate() {
        String roleId = rest.post("/guilds/{guild_id}/roles", object().put("name", "Tagged"), fx.guildId).id();
        long member = fx.control.addMember(fx.guildId, "driver", false, List.of());
        rest.put("/guilds/{guild_id}/members/{user_id}/roles/{role_id}", fx.guildId, member, roleId);
        DispatchedEvent event = fx.awaitEvent("GUILD_MEMBER_UPDATE",
                d -> Long.toString(member).equals(d.path("user").path("id").asText()));
        assertInGuild(event);
        assertThat(event.data().path("roles")).extracting(r -> r.asText()).contains(roleId);
    }

    @Test
    void removingARoleFromAMemberEmitsGuildMemberUpdateWithoutIt() {
        String roleId = rest.post("/guilds/{guild_id}/roles", object().put("name", "Untagged"), fx.guildId).id();
        long member = fx.control.addMember(fx.guildId, "putter", false, List.of(Long.parseLong(roleId)));
        long before = fx.control.events().getLast().seq();

        rest.delete("/guilds/{guild_id}/members/{user_id}/roles/{role_id}", fx.guildId, member, roleId);

        DispatchedEvent event = fx.control.awaitEvent(e -> e.seq() > before && e.type().equals("GUILD_MEMBER_UPDATE")
                && Long.toString(member).equals(e.data().path("user").path("id").asText()), EmulatorFixture.EVENT_TIMEOUT);
        assertInGuild(event);
        assertThat(event.data().path("roles")).extracting(r -> r.asText()).doesNotContain(roleId);
    }

    @Test
    void creatingAMessageEmitsMessageCreate() {
        String id = rest.post("/channels/{channel_id}/messages", message("hello"), fx.generalChannelId).id();
        DispatchedEvent event = fx.awaitEvent("MESSAGE_CREATE", field("id", id));
        assertInGuild(event);
        assertThat(event.data().path("channel_id").asLong()).isEqualTo(fx.generalChannelId);
        assertThat(event.data().path("author").path("id").asLong()).isEqualTo(fx.emulator.botUserId());
        assertThat(event.data().path("content").asText()).isEqualTo("hello");
    }

    @Test
    void editingAMessageEmitsMessageUpdate() {
        String id = rest.post("/channels/{channel_id}/messages", message("v1"), fx.generalChannelId).id();
        rest.patch("/channels/{channel_id}/messages/{message_id}", message("v2"), fx.generalChannelId, id);
        DispatchedEvent event = fx.awaitEvent("MESSAGE_UPDATE", field("id", id));
        assertInGuild(event);
        assertThat(event.data().path("content").asText()).isEqualTo("v2");
    }

    @Test
    void deletingAMessageEmitsMessageDelete() {
        String id = rest.post("/channels/{channel_id}/messages", message("bye"), fx.generalChannelId).id();
        rest.delete("/channels/{channel_id}/messages/{message_id}", fx.generalChannelId, id);
        DispatchedEvent event = fx.awaitEvent("MESSAGE_DELETE", field("id", id));
        assertInGuild(event);
        assertThat(event.data().path("channel_id").asLong()).isEqualTo(fx.generalChannelId);
    }

    @Test
    void reactingAsTheBotEmitsMessageReactionAdd() {
        String id = rest.post("/channels/{channel_id}/messages", message("vote"), fx.generalChannelId).id();
        rest.put("/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me", fx.generalChannelId, id, "✅");
        DispatchedEvent event = fx.awaitEvent("MESSAGE_REACTION_ADD", field("message_id", id));
        assertInGuild(event);
        assertThat(event.data().path("user_id").asLong()).isEqualTo(fx.emulator.botUserId());
        assertThat(event.data().path("emoji").path("name").asText()).isEqualTo("✅");
    }

    @Test
    void restEventsReachTheConnectedSocketToo() {
        String id = rest.post("/channels/{channel_id}/messages", message("over the wire"), fx.generalChannelId).id();
        gateway.awaitDispatch("MESSAGE_CREATE", field("id", id), EmulatorFixture.EVENT_TIMEOUT);
    }
}
