package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.message;
import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.emulator.contract.DiscordRest.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The interaction callback and the interaction webhook, answered by the test itself: a raw gateway client receives
 * INTERACTION_CREATE (id and token), the control API invokes the command without waiting for an answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class InteractionRoutesContractTest {
    private static final String CALLBACK = "/interactions/{interaction_id}/{interaction_token}/callback";
    private static final String WEBHOOK = "/webhooks/{webhook_id}/{webhook_token}";
    private static final String ORIGINAL = "/webhooks/{webhook_id}/{webhook_token}/messages/@original";
    private static final Duration DO_NOT_WAIT = Duration.ofMillis(100);

    private final EmulatorFixture fx;
    private RawGatewayClient gateway;

    InteractionRoutesContractTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    /** An interaction the bot has been told about and not yet answered. */
    private record Pending(String id, String token) {}

    @BeforeAll
    void start() {
        gateway = fx.readyGateway();
        fx.registerGuildCommand("contract");
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private Pending invoke() {
        InteractionOutcome outcome = fx.control.invokeCommand(fx.guildId, fx.generalChannelId, fx.ownerId, "contract",
                Map.of(), DO_NOT_WAIT);
        assertThat(outcome.response()).as("nobody answered yet").isEmpty();
        JsonNode created = gateway.awaitDispatch("INTERACTION_CREATE",
                d -> outcome.interactionId().equals(d.path("id").asText()), EmulatorFixture.EVENT_TIMEOUT);
        String token = created.path("d").path("token").asText();
        assertThat(token).isNotBlank();
        return new Pending(outcome.interactionId(), token);
    }

    private static ObjectNode reply(int type, String content) {
        ObjectNode body = object().put("type", type);
        if (content != null) {
            body.set("data", message(content));
        }
        return body;
    }

    @Test
    void aCallbackWithoutWithResponseAnswers204AndIsRecorded() {
        Pending pending = invoke();
        fx.rest.post(CALLBACK, reply(4, "pong"), pending.id(), pending.token()).expect(204);

        InteractionOutcome outcome = fx.control.interaction(pending.id());
        assertThat(outcome.response()).hasValueSatisfying(response -> {
            assertThat(response.path("type").asInt()).isEqualTo(4);
            assertThat(response.path("data").path("content").asText()).isEqualTo("pong");
        });
        assertThat(outcome.original()).hasValueSatisfying(
                original -> assertThat(original.path("content").asText()).isEqualTo("pong"));
    }

    @Test
    void aCallbackWithResponseAnswers200WithTheInteractionAndItsMessage() {
        Pending pending = invoke();
        Reply answered = fx.rest.withQuery("POST", CALLBACK, "with_response=true", reply(4, "pong with response"),
                pending.id(), pending.token()).expect(200);
        assertThat(answered.body().path("interaction").path("id").asText()).isEqualTo(pending.id());
        assertThat(answered.body().path("resource").path("message").path("content").asText())
                .isEqualTo("pong with response");
    }

    @Test
    void aSecondCallbackForTheSameInteractionIs400() {
        Pending pending = invoke();
        fx.rest.post(CALLBACK, reply(4, "once"), pending.id(), pending.token()).expect(204);
        Reply again = fx.rest.post(CALLBACK, reply(4, "twice"), pending.id(), pending.token()).expect(400);
        assertThat(again.body().path("code").asInt()).as("Interaction has already been acknowledged").isEqualTo(40060);
    }

    @Test
    void aCallbackForAnUnknownInteractionOrWrongTokenIsRejected() {
        Pending pending = invoke();
        // Discord answers a bad token for a real interaction with 401 (Invalid interaction token) or 404.
        assertThat(fx.rest.post(CALLBACK, reply(4, "x"), pending.id(), "not-the-token").status()).isIn(401, 404);
        fx.rest.post(CALLBACK, reply(4, "x"), 1234567890123456789L, pending.token()).expect(404);
    }

    @Test
    void anInvalidCallbackTypeIs400NamingTheField() {
        Pending pending = invoke();
        Reply reply = fx.rest.sendInvalid("POST", CALLBACK, object().put("type", 42), pending.id(), pending.token())
                .expect(400);
        assertThat(reply.body().path("errors").has("type")).as("errors: %s", reply.body()).isTrue();
    }

    @Test
    void aDeferredReplyIsCompletedByEditingTheOriginal() {
        Pending pending = invoke();
        Reply deferred = fx.rest.withQuery("POST", CALLBACK, "with_response=true", reply(5, null),
                pending.id(), pending.token()).expect(200);
        assertThat(deferred.body().path("interaction").path("id").asText()).isEqualTo(pending.id());

        Reply edited = fx.rest.patch(ORIGINAL, message("done thinking"), fx.applicationId, pending.token()).expect(200);
        assertThat(edited.body().path("content").asText()).isEqualTo("done thinking");
        assertThat(fx.control.interaction(pending.id()).original()).hasValueSatisfying(
                original -> assertThat(original.path("content").asText()).isEqualTo("done thinking"));
    }

    @Test
    void theOriginalResponseCanBeFetchedEditedAndDeleted() {
        Pending pending = invoke();
        fx.rest.post(CALLBACK, reply(4, "original"), pending.id(), pending.token()).expect(204);

        Reply fetched = fx.rest.get(ORIGINAL, fx.applicationId, pending.token()).expect(200);
        assertThat(fetched.body().path("content").asText()).isEqualTo("original");
        Reply edited = fx.rest.patch(ORIGINAL, message("edited original"), fx.applicationId, pending.token())
                .expect(200);
        assertThat(edited.id()).isEqualTo(fetched.id());
        assertThat(edited.body().path("edited_timestamp").isTextual()).isTrue();

        fx.rest.delete(ORIGINAL, fx.applicationId, pending.token()).expect(204);
        fx.rest.get(ORIGINAL, fx.applicationId, pending.token()).expect(404);
    }

    @Test
    void aDeletedPublicDeferralMakesWayForAnEphemeralFollowup() {
        Pending pending = invoke();
        fx.rest.post(CALLBACK, reply(5, null), pending.id(), pending.token()).expect(204);

        fx.rest.delete(ORIGINAL, fx.applicationId, pending.token()).expect(204);
        ObjectNode secret = message("only you see this").put("flags", 64);
        Reply followup = fx.rest.withQuery("POST", WEBHOOK, "wait=true", secret, fx.applicationId, pending.token())
                .expect(200);

        assertThat(followup.body().path("flags").asInt() & 64).isEqualTo(64);
        InteractionOutcome outcome = fx.control.interaction(pending.id());
        assertThat(outcome.original()).isEmpty();
        assertThat(outcome.followups()).singleElement()
                .satisfies(m -> assertThat(m.path("flags").asInt() & 64).isEqualTo(64));
        assertThat(fx.control.messages(fx.generalChannelId))
                .noneMatch(m -> m.path("content").asText().equals("only you see this"));
    }

    @Test
    void theFirstFollowupFillsAPublicDeferralWhateverItsFlags() {
        Pending pending = invoke();
        fx.rest.post(CALLBACK, reply(5, null), pending.id(), pending.token()).expect(204);

        fx.rest.withQuery("POST", WEBHOOK, "wait=true", message("meant to be private").put("flags", 64),
                fx.applicationId, pending.token()).expect(200);

        assertThat(fx.control.interaction(pending.id()).original()).hasValueSatisfying(original -> {
            assertThat(original.path("content").asText()).isEqualTo("meant to be private");
            assertThat(original.path("flags").asInt() & 64).isZero();
        });
    }

    @Test
    void theOriginalOfAnUnansweredInteractionIs404() {
        Pending pending = invoke();
        fx.rest.get(ORIGINAL, fx.applicationId, pending.token()).expect(404);
        fx.rest.get(ORIGINAL, fx.applicationId, "not-a-token").expect(404);
    }

    @Test
    void aFollowupWithWaitAnswersTheMessageAndIsRecorded() {
        Pending pending = invoke();
        fx.rest.post(CALLBACK, reply(4, "first"), pending.id(), pending.token()).expect(204);
        Reply followup = fx.rest.withQuery("POST", WEBHOOK, "wait=true", message("follow-up"), fx.applicationId,
                pending.token()).expect(200);
        assertThat(followup.body().path("content").asText()).isEqualTo("follow-up");
        assertThat(followup.body().path("webhook_id").asLong()).isEqualTo(fx.applicationId);

        fx.rest.post(WEBHOOK, message("no wait"), fx.applicationId, pending.token()).expect(204);
        assertThat(fx.control.interaction(pending.id()).followups())
                .extracting(m -> m.path("content").asText())
                .containsExactly("follow-up", "no wait");
    }

    @Test
    void aFollowupWithAnUnknownTokenIs404() {
        fx.rest.withQuery("POST", WEBHOOK, "wait=true", message("lost"), fx.applicationId, "not-a-token").expect(404);
    }
}
