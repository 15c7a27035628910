package dev.guildhall.emulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guildhall.emulator.contract.DiscordRest.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three routes a bot calls before anything else: who am I, where is the gateway, which application is this. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class IdentityRoutesContractTest {
    private final EmulatorFixture fx;

    IdentityRoutesContractTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    @Test
    void currentUserIsTheBotAsDiscordDescribesIt() {
        Reply me = fx.rest.get("/users/@me").expect(200);
        assertThat(me.idAsLong()).isEqualTo(fx.emulator.botUserId());
        assertThat(me.body().path("bot").asBoolean()).isTrue();
    }

    @Test
    void aWrongBotTokenIsAnswered401WithDiscordsErrorBody() {
        Reply reply = fx.rest.withToken("not-the-token").get("/users/@me").expect(401);
        assertThat(reply.body().path("code").asInt()).isZero();
        assertThat(reply.body().path("message").asText()).isEqualTo("401: Unauthorized");
    }

    @Test
    void aWrongBotTokenIsRejectedOnOtherRoutesToo() {
        fx.rest.withToken("not-the-token").get("/gateway/bot").expect(401);
        fx.rest.withToken("not-the-token").get("/guilds/{guild_id}/roles", fx.guildId).expect(401);
    }

    @Test
    void gatewayBotPointsAtTheEmulatorsGateway() {
        Reply gateway = fx.rest.get("/gateway/bot").expect(200);
        assertThat(gateway.body().path("url").asText()).isEqualTo(fx.emulator.gatewayUrl().toString());
        assertThat(gateway.body().path("shards").asInt()).isPositive();
        assertThat(gateway.body().path("session_start_limit").path("max_concurrency").asInt()).isEqualTo(1);
    }

    @Test
    void currentApplicationIsTheEmulatorsApplication() {
        Reply application = fx.rest.get("/oauth2/applications/@me").expect(200);
        assertThat(application.idAsLong()).isEqualTo(fx.applicationId);
        assertThat(application.body().path("bot").path("id").asLong()).isEqualTo(fx.emulator.botUserId());
    }
}
