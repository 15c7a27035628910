package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guildhall.emulator.contract.DiscordRest.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Guild channels (list, create) and one channel (get, modify, delete). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class ChannelRoutesContractTest {
    private static final String GUILD_CHANNELS = "/guilds/{guild_id}/channels";
    private static final String CHANNEL = "/channels/{channel_id}";
    private static final long UNKNOWN = 1234567890123456789L;

    private final EmulatorFixture fx;

    ChannelRoutesContractTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    @Test
    void listingGuildChannelsIncludesGeneral() {
        Reply list = fx.rest.get(GUILD_CHANNELS, fx.guildId).expect(200);
        assertThat(list.body()).anySatisfy(channel -> {
            assertThat(channel.path("name").asText()).isEqualTo("general");
            assertThat(channel.path("type").asInt()).isZero();
            assertThat(channel.path("guild_id").asLong()).isEqualTo(fx.guildId);
        });
    }

    @Test
    void creatingATextChannelAnswers201WithTheChannel() {
        Reply created = fx.rest.post(GUILD_CHANNELS, object().put("name", "frolf-rounds").put("type", 0), fx.guildId)
                .expect(201);
        assertThat(created.body().path("name").asText()).isEqualTo("frolf-rounds");
        assertThat(created.body().path("guild_id").asLong()).isEqualTo(fx.guildId);

        Reply fetched = fx.rest.get(CHANNEL, created.id()).expect(200);
        assertThat(fetched.body().path("name").asText()).isEqualTo("frolf-rounds");
    }

    @Test
    void creatingACategoryAndAChildChannelKeepsTheParent() {
        Reply category = fx.rest.post(GUILD_CHANNELS, object().put("name", "Frolf").put("type", 4), fx.guildId)
                .expect(201);
        Reply child = fx.rest.post(GUILD_CHANNELS,
                object().put("name", "scores").put("type", 0).put("parent_id", category.id()), fx.guildId)
                .expect(201);
        assertThat(child.body().path("parent_id").asText()).isEqualTo(category.id());
    }

    @Test
    void modifyingAChannelAnswersTheUpdatedChannel() {
        String id = fx.rest.post(GUILD_CHANNELS, object().put("name", "to-rename").put("type", 0), fx.guildId).id();
        Reply patched = fx.rest.patch(CHANNEL, object().put("name", "renamed").put("topic", "Weekly rounds"), id)
                .expect(200);
        assertThat(patched.body().path("name").asText()).isEqualTo("renamed");
        assertThat(patched.body().path("topic").asText()).isEqualTo("Weekly rounds");
        assertThat(fx.rest.get(CHANNEL, id).expect(200).body().path("name").asText()).isEqualTo("renamed");
    }

    @Test
    void deletingAChannelAnswersItThenItIsGone() {
        String id = fx.rest.post(GUILD_CHANNELS, object().put("name", "doomed").put("type", 0), fx.guildId).id();
        Reply deleted = fx.rest.delete(CHANNEL, id).expect(200);
        assertThat(deleted.id()).isEqualTo(id);
        fx.rest.get(CHANNEL, id).expect(404);
        fx.rest.delete(CHANNEL, id).expect(404);
    }

    @Test
    void unknownChannelsAndGuildsAre404WithDiscordsCodes() {
        assertThat(fx.rest.get(CHANNEL, UNKNOWN).expect(404).body().path("code").asInt()).isEqualTo(10003);
        fx.rest.patch(CHANNEL, object().put("name", "x"), UNKNOWN).expect(404);
        assertThat(fx.rest.get(GUILD_CHANNELS, UNKNOWN).expect(404).body().path("code").asInt()).isEqualTo(10004);
    }

    @Test
    void creatingAChannelWithoutANameIs400NamingTheField() {
        Reply reply = fx.rest.sendInvalid("POST", GUILD_CHANNELS, object().put("type", 0), fx.guildId).expect(400);
        assertThat(reply.body().path("code").asInt()).isEqualTo(50035);
        assertThat(reply.body().path("errors").has("name")).as("errors: %s", reply.body()).isTrue();
    }
}
