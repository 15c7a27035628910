package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guildhall.emulator.RecordedRequest;
import dev.guildhall.emulator.contract.DiscordRest.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Injected failures let bot tests rehearse Discord outages: exactly {@code count} calls fail, then all is well. */
class FailureInjectionTest {
    private static final String ROLES = "/guilds/{guild_id}/roles";

    private EmulatorFixture fx;

    @BeforeEach
    void start() {
        fx = EmulatorFixture.start();
        fx.control.clearRequests();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void anInjected500FailsTheNextCallOnlyThenTheRouteWorksAgain() {
        fx.control.injectFailure("POST", ROLES, 500, 1);

        // Discord's spec declares no 5XX for this route, so the failing answer is checked by hand, not by the spec.
        Reply failed = fx.rest.unchecked().post(ROLES, object().put("name", "First try"), fx.guildId).expect(500);
        assertThat(failed.body().has("code")).as("Discord's error body: %s", failed.body()).isTrue();
        assertThat(failed.body().path("message").isTextual()).as("Discord's error body: %s", failed.body()).isTrue();
        assertThat(fx.rest.get(ROLES, fx.guildId).body()).noneSatisfy(
                role -> assertThat(role.path("name").asText()).isEqualTo("First try"));

        Reply retried = fx.rest.post(ROLES, object().put("name", "Second try"), fx.guildId).expect(200);
        assertThat(retried.body().path("name").asText()).isEqualTo("Second try");

        assertThat(fx.control.requests()).filteredOn(r -> r.method().equals("POST"))
                .extracting(RecordedRequest::route, RecordedRequest::status)
                .containsExactly(Tuple.tuple(ROLES, 500), Tuple.tuple(ROLES, 200));
    }

    @Test
    void anInjectedFailureOnlyHitsItsOwnMethodAndRoute() {
        fx.control.injectFailure("POST", ROLES, 500, 1);
        fx.rest.get(ROLES, fx.guildId).expect(200);
        fx.rest.post("/guilds/{guild_id}/channels", object().put("name", "unaffected").put("type", 0), fx.guildId)
                .expect(201);
        fx.rest.unchecked().post(ROLES, object().put("name", "hit"), fx.guildId).expect(500);
    }

    @Test
    void anInjected429CarriesDiscordsRateLimitBody() {
        fx.control.injectFailure("POST", ROLES, 429, 1);
        Reply limited = fx.rest.post(ROLES, object().put("name", "Too fast"), fx.guildId).expect(429);
        assertThat(limited.body().path("retry_after").isNumber()).isTrue();
        fx.rest.post(ROLES, object().put("name", "Patient"), fx.guildId).expect(200);
    }
}
