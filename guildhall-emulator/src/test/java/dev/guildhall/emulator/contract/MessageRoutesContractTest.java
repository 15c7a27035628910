package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.array;
import static dev.guildhall.emulator.contract.EmulatorFixture.message;
import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.emulator.contract.DiscordRest.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Messages (create, get, list, edit, delete) and the bot's own reactions (PUT/DELETE @me). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class MessageRoutesContractTest {
    private static final String MESSAGES = "/channels/{channel_id}/messages";
    private static final String MESSAGE = "/channels/{channel_id}/messages/{message_id}";
    private static final String MY_REACTION = "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me";
    private static final long UNKNOWN = 1234567890123456789L;

    private final EmulatorFixture fx;

    MessageRoutesContractTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    private static ObjectNode richMessage() {
        ObjectNode body = message("Round on Saturday");
        body.set("embeds", array().add(object().put("title", "Saturday round").put("description", "Hole 1 at 10:00")
                .put("color", 0x3498db)
                .set("fields", array().add(object().put("name", "Course").put("value", "Riverside").put("inline", true)))));
        body.set("components", array().add(object().put("type", 1).set("components", array()
                .add(object().put("type", 2).put("style", 3).put("label", "Accept").put("custom_id", "rsvp:accept"))
                .add(object().put("type", 2).put("style", 4).put("label", "Decline").put("custom_id", "rsvp:decline")))));
        return body;
    }

    @Test
    void creatingAPlainMessageAnswersTheMessageFromTheBot() {
        Reply created = fx.rest.post(MESSAGES, message("hello club"), fx.generalChannelId).expect(200);
        assertThat(created.body().path("content").asText()).isEqualTo("hello club");
        assertThat(created.body().path("channel_id").asLong()).isEqualTo(fx.generalChannelId);
        assertThat(created.body().path("author").path("id").asLong()).isEqualTo(fx.emulator.botUserId());
        assertThat(created.body().path("edited_timestamp").isNull()).isTrue();
    }

    @Test
    void aMessageWithEmbedsAndButtonsKeepsThem() {
        Reply created = fx.rest.post(MESSAGES, richMessage(), fx.generalChannelId).expect(200);
        assertThat(created.body().path("embeds").get(0).path("title").asText()).isEqualTo("Saturday round");
        assertThat(created.body().path("components").get(0).path("components").get(1).path("custom_id").asText())
                .isEqualTo("rsvp:decline");

        Reply fetched = fx.rest.get(MESSAGE, fx.generalChannelId, created.id()).expect(200);
        assertThat(fetched.body().path("embeds").get(0).path("fields").get(0).path("value").asText())
                .isEqualTo("Riverside");
    }

    @Test
    void listingMessagesAnswersThemNewestFirst() {
        String first = fx.rest.post(MESSAGES, message("first"), fx.generalChannelId).id();
        String second = fx.rest.post(MESSAGES, message("second"), fx.generalChannelId).id();
        Reply list = fx.rest.get(MESSAGES, fx.generalChannelId).expect(200);
        assertThat(list.body()).extracting(m -> m.path("id").asText()).containsSubsequence(second, first);
    }

    @Test
    void editingAMessageAnswersItWithAnEditedTimestamp() {
        String id = fx.rest.post(MESSAGES, message("draft"), fx.generalChannelId).id();
        Reply edited = fx.rest.patch(MESSAGE, message("final"), fx.generalChannelId, id).expect(200);
        assertThat(edited.body().path("content").asText()).isEqualTo("final");
        assertThat(edited.body().path("edited_timestamp").isTextual()).isTrue();
    }

    @Test
    void deletingAMessageAnswers204ThenItIsGone() {
        String id = fx.rest.post(MESSAGES, message("oops"), fx.generalChannelId).id();
        fx.rest.delete(MESSAGE, fx.generalChannelId, id).expect(204);
        assertThat(fx.rest.get(MESSAGE, fx.generalChannelId, id).expect(404).body().path("code").asInt())
                .isEqualTo(10008);
        fx.rest.delete(MESSAGE, fx.generalChannelId, id).expect(404);
    }

    @Test
    void unknownMessagesAndChannelsAre404() {
        fx.rest.get(MESSAGE, fx.generalChannelId, UNKNOWN).expect(404);
        fx.rest.patch(MESSAGE, message("x"), fx.generalChannelId, UNKNOWN).expect(404);
        fx.rest.post(MESSAGES, message("x"), UNKNOWN).expect(404);
        fx.rest.get(MESSAGES, UNKNOWN).expect(404);
    }

    @Test
    void tooLongContentIs400NamingTheField() {
        Reply reply = fx.rest.sendInvalid("POST", MESSAGES, message("x".repeat(2001)), fx.generalChannelId)
                .expect(400);
        assertThat(reply.body().path("code").asInt()).isEqualTo(50035);
        assertThat(reply.body().path("errors").has("content")).as("errors: %s", reply.body()).isTrue();
    }

    private long adminRole() {
        for (var role : fx.control.guild(fx.guildId).path("roles")) {
            if ("Admin".equals(role.path("name").asText())) {
                return role.path("id").asLong();
            }
        }
        throw new AssertionError("the fixture guild has no Admin role");
    }

    @Test
    void withoutAllowedMentionsEveryMentionInTheTextPings() {
        long role = adminRole();
        Reply created = fx.rest.post(MESSAGES, message("@everyone <@&" + role + "> <@" + fx.ownerId + ">"),
                fx.generalChannelId).expect(200);

        assertThat(created.body().path("mention_everyone").asBoolean()).isTrue();
        assertThat(created.body().path("mention_roles")).extracting(r -> r.asLong()).containsExactly(role);
        assertThat(created.body().path("mentions")).extracting(u -> u.path("id").asLong()).containsExactly(fx.ownerId);
    }

    @Test
    void allowedMentionsPingOnlyTheListedUsersWhateverTheTextSays() {
        long role = adminRole();
        ObjectNode body = message("@everyone @here <@&" + role + "> <@" + fx.ownerId + "> <@" + UNKNOWN + ">");
        body.set("allowed_mentions", object().<ObjectNode>set("parse", array())
                .set("users", array().add(Long.toString(fx.ownerId))));

        Reply created = fx.rest.post(MESSAGES, body, fx.generalChannelId).expect(200);

        assertThat(created.body().path("mention_everyone").asBoolean()).isFalse();
        assertThat(created.body().path("mention_roles")).isEmpty();
        assertThat(created.body().path("mentions")).extracting(u -> u.path("id").asLong()).containsExactly(fx.ownerId);
    }

    @Test
    void anEditIsParsedForMentionsAgainUnderItsOwnAllowedMentions() {
        String id = fx.rest.post(MESSAGES, message("@everyone draft"), fx.generalChannelId).id();
        ObjectNode edit = message("@everyone final");
        edit.set("allowed_mentions", object().set("parse", array()));

        Reply edited = fx.rest.patch(MESSAGE, edit, fx.generalChannelId, id).expect(200);

        assertThat(edited.body().path("mention_everyone").asBoolean()).isFalse();
    }

    @Test
    void parsingAllUsersAndListingSomeIs400NamingAllowedMentions() {
        ObjectNode body = message("<@" + fx.ownerId + ">");
        body.set("allowed_mentions", object().<ObjectNode>set("parse", array().add("users"))
                .set("users", array().add(Long.toString(fx.ownerId))));

        Reply reply = fx.rest.sendInvalid("POST", MESSAGES, body, fx.generalChannelId).expect(400);

        assertThat(reply.body().path("code").asInt()).isEqualTo(50035);
        assertThat(reply.body().path("errors").has("allowed_mentions")).as("errors: %s", reply.body()).isTrue();
    }

    @Test
    void reactingAsTheBotAnswers204AndCountsOnTheMessage() {
        String id = fx.rest.post(MESSAGES, message("react to me"), fx.generalChannelId).id();
        fx.rest.put(MY_REACTION, fx.generalChannelId, id, "👍").expect(204);
        Reply fetched = fx.rest.get(MESSAGE, fx.generalChannelId, id).expect(200);
        assertThat(fetched.body().path("reactions")).singleElement().satisfies(reaction -> {
            assertThat(reaction.path("emoji").path("name").asText()).isEqualTo("👍");
            assertThat(reaction.path("count").asInt()).isEqualTo(1);
            assertThat(reaction.path("me").asBoolean()).isTrue();
        });

        fx.rest.delete(MY_REACTION, fx.generalChannelId, id, "👍").expect(204);
        // Discord omits "reactions" once the last one is gone; an empty array would be as good.
        assertThat(fx.rest.get(MESSAGE, fx.generalChannelId, id).expect(200).body().path("reactions")).isEmpty();
    }

    @Test
    void reactingToAnUnknownMessageIs404() {
        fx.rest.put(MY_REACTION, fx.generalChannelId, UNKNOWN, "👍").expect(404);
    }
}
