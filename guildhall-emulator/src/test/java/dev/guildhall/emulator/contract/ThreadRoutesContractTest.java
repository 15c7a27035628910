package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.field;
import static dev.guildhall.emulator.contract.EmulatorFixture.message;
import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.emulator.DispatchedEvent;
import dev.guildhall.emulator.contract.DiscordRest.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Public threads started on a message, and messages inside them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class ThreadRoutesContractTest {
    private static final String MESSAGES = "/channels/{channel_id}/messages";
    private static final String THREADS = "/channels/{channel_id}/messages/{message_id}/threads";

    private final EmulatorFixture fx;

    ThreadRoutesContractTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    private String post(long channel, String content) {
        return fx.rest.post(MESSAGES, message(content), channel).expect(200).id();
    }

    @Test
    void startingAThreadAnswers201WithAPublicThreadWhoseIdIsTheMessages() {
        String message = post(fx.generalChannelId, "Round embed");

        Reply thread = fx.rest.post(THREADS, object().put("name", "Reminder").put("auto_archive_duration", 1440),
                fx.generalChannelId, message).expect(201);

        assertThat(thread.id()).isEqualTo(message);
        assertThat(thread.body().path("type").asInt()).isEqualTo(11);
        assertThat(thread.body().path("parent_id").asLong()).isEqualTo(fx.generalChannelId);
        assertThat(thread.body().path("owner_id").asLong()).isEqualTo(fx.emulator.botUserId());
        assertThat(thread.body().path("thread_metadata").path("auto_archive_duration").asInt()).isEqualTo(1440);
        assertThat(fx.rest.get("/channels/{channel_id}", thread.id()).expect(200).body().path("type").asInt())
                .isEqualTo(11);
    }

    @Test
    void aThreadTakesMessagesAndTheirEventsCarryItsId() {
        String thread = fx.rest.post(THREADS, object().put("name", "Chat"), fx.generalChannelId,
                post(fx.generalChannelId, "Round")).expect(201).id();

        String reply = post(Long.parseLong(thread), "See you there");

        DispatchedEvent created = fx.awaitEvent("MESSAGE_CREATE", field("id", reply));
        assertThat(created.data().path("channel_id").asText()).isEqualTo(thread);
        assertThat(fx.control.messages(Long.parseLong(thread)))
                .anySatisfy(m -> assertThat(m.path("content").asText()).isEqualTo("See you there"));
        assertThat(fx.rest.get("/channels/{channel_id}", thread).expect(200).body().path("message_count").asInt())
                .isEqualTo(1);
    }

    @Test
    void startingAThreadEmitsThreadCreateAndListsItAmongTheGuildViewsChannelsOnly() {
        String thread = fx.rest.post(THREADS, object().put("name", "Listed"), fx.generalChannelId,
                post(fx.generalChannelId, "Round")).expect(201).id();

        DispatchedEvent event = fx.awaitEvent("THREAD_CREATE", field("id", thread));
        assertThat(event.guildId()).contains(fx.guildId);
        assertThat(event.data().path("newly_created").asBoolean()).isTrue();
        JsonNode view = fx.control.guild(fx.guildId);
        assertThat(view.path("channels")).anySatisfy(c -> {
            assertThat(c.path("id").asText()).isEqualTo(thread);
            assertThat(c.path("type").asInt()).isEqualTo(11);
        });
        assertThat(fx.rest.get("/guilds/{guild_id}/channels", fx.guildId).expect(200).body())
                .noneSatisfy(c -> assertThat(c.path("id").asText()).isEqualTo(thread));
    }

    @Test
    void aMessageHoldsOneThreadAtMost() {
        String message = post(fx.generalChannelId, "Only once");
        fx.rest.post(THREADS, object().put("name", "First"), fx.generalChannelId, message).expect(201);

        Reply second = fx.rest.post(THREADS, object().put("name", "Second"), fx.generalChannelId, message).expect(400);

        assertThat(second.body().path("code").asInt()).isEqualTo(160004);
    }

    @Test
    void aThreadOnAnUnknownMessageIs404AndANamelessOneIs400() {
        fx.rest.post(THREADS, object().put("name", "Lost"), fx.generalChannelId, "1234567890123456789").expect(404);

        Reply nameless = fx.rest.sendInvalid("POST", THREADS, object(), fx.generalChannelId,
                post(fx.generalChannelId, "Round")).expect(400);
        assertThat(nameless.body().path("errors").has("name")).isTrue();
    }
}
