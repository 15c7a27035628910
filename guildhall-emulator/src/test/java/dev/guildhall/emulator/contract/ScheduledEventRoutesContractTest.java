package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.field;
import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.emulator.DispatchedEvent;
import dev.guildhall.emulator.contract.DiscordRest.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** External guild scheduled events: list, create, get, modify, delete, and the gateway events they emit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class ScheduledEventRoutesContractTest {
    private static final String EVENTS = "/guilds/{guild_id}/scheduled-events";
    private static final String EVENT = EVENTS + "/{guild_scheduled_event_id}";
    private static final Instant START = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    private final EmulatorFixture fx;

    ScheduledEventRoutesContractTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    private static ObjectNode external(String name, String location, Instant start, Instant end) {
        ObjectNode body = object().put("name", name).put("privacy_level", 2).put("entity_type", 3)
                .put("scheduled_start_time", start.toString()).put("scheduled_end_time", end.toString());
        body.putObject("entity_metadata").put("location", location);
        return body;
    }

    private Reply create(String name) {
        return fx.rest.post(EVENTS, external(name, "Maple Hill", START, START.plus(Duration.ofHours(3)))
                .put("description", "Bring water"), fx.guildId).expect(200);
    }

    @Test
    void creatingAnExternalEventAnswersItScheduledWithItsLocationAndTimes() {
        Reply created = create("Sunday round");

        assertThat(created.body().path("name").asText()).isEqualTo("Sunday round");
        assertThat(created.body().path("status").asInt()).isEqualTo(1);
        assertThat(created.body().path("entity_type").asInt()).isEqualTo(3);
        assertThat(created.body().path("entity_metadata").path("location").asText()).isEqualTo("Maple Hill");
        assertThat(Instant.parse(created.body().path("scheduled_start_time").asText())).isEqualTo(START);
        assertThat(created.body().path("creator_id").asLong()).isEqualTo(fx.emulator.botUserId());
        assertThat(fx.rest.get(EVENT, fx.guildId, created.id()).expect(200).body().path("name").asText())
                .isEqualTo("Sunday round");
    }

    @Test
    void listingEventsIncludesTheCreatedOne() {
        String id = create("Listed round").id();

        Reply list = fx.rest.get(EVENTS, fx.guildId).expect(200);

        assertThat(list.body()).anySatisfy(e -> assertThat(e.path("id").asText()).isEqualTo(id));
        assertThat(fx.control.scheduledEvents(fx.guildId)).anySatisfy(e -> assertThat(e.path("id").asText()).isEqualTo(id));
    }

    @Test
    void modifyingAnEventChangesOnlyTheGivenFields() {
        String id = create("To move").id();
        ObjectNode patch = object().put("name", "Moved").put("scheduled_start_time", START.plusSeconds(3600).toString());
        patch.putObject("entity_metadata").put("location", "Oak Park");

        Reply patched = fx.rest.patch(EVENT, patch, fx.guildId, id).expect(200);

        assertThat(patched.body().path("name").asText()).isEqualTo("Moved");
        assertThat(patched.body().path("entity_metadata").path("location").asText()).isEqualTo("Oak Park");
        assertThat(Instant.parse(patched.body().path("scheduled_start_time").asText())).isEqualTo(START.plusSeconds(3600));
        assertThat(patched.body().path("description").asText()).isEqualTo("Bring water");
    }

    @Test
    void statusMovesFromScheduledToActiveToCompletedAndNoFurther() {
        String id = create("Status round").id();

        fx.rest.patch(EVENT, object().put("status", 2), fx.guildId, id).expect(200);
        fx.rest.patch(EVENT, object().put("status", 1), fx.guildId, id).expect(400);
        fx.rest.patch(EVENT, object().put("status", 3), fx.guildId, id).expect(200);

        fx.rest.patch(EVENT, object().put("name", "Too late"), fx.guildId, id).expect(400);
    }

    @Test
    void deletingAnEventAnswers204ThenItIsGone() {
        String id = create("Doomed round").id();

        fx.rest.delete(EVENT, fx.guildId, id).expect(204);

        fx.rest.get(EVENT, fx.guildId, id).expect(404);
        fx.rest.delete(EVENT, fx.guildId, id).expect(404);
    }

    @Test
    void aStartInThePastIs400NamingTheField() {
        Instant past = Instant.now().minus(Duration.ofHours(1));

        Reply refused = fx.rest.post(EVENTS, external("Yesterday", "Here", past, past.plus(Duration.ofHours(2))),
                fx.guildId).expect(400);

        assertThat(refused.body().path("code").asInt()).isEqualTo(50035);
        assertThat(refused.body().path("errors").has("scheduled_start_time")).isTrue();
    }

    @Test
    void anEndBeforeTheStartAndAMissingLocationAre400() {
        Reply endFirst = fx.rest.post(EVENTS, external("Backwards", "Here", START, START.minusSeconds(60)),
                fx.guildId).expect(400);
        assertThat(endFirst.body().path("errors").has("scheduled_end_time")).isTrue();

        ObjectNode noPlace = external("Nowhere", "x", START, START.plusSeconds(60));
        noPlace.remove("entity_metadata");
        Reply missing = fx.rest.sendInvalid("POST", EVENTS, noPlace, fx.guildId).expect(400);
        assertThat(missing.body().path("errors").has("entity_metadata")).isTrue();
    }

    @Test
    void createUpdateAndDeleteAreEmittedOnTheGateway() {
        String id = create("Watched round").id();
        DispatchedEvent created = fx.awaitEvent("GUILD_SCHEDULED_EVENT_CREATE", field("id", id));
        assertThat(created.guildId()).contains(fx.guildId);
        assertThat(created.data().path("guild_id").asLong()).isEqualTo(fx.guildId);

        fx.rest.patch(EVENT, object().put("name", "Renamed"), fx.guildId, id).expect(200);
        DispatchedEvent updated = fx.awaitEvent("GUILD_SCHEDULED_EVENT_UPDATE", field("id", id));
        assertThat(updated.data().path("name").asText()).isEqualTo("Renamed");

        fx.rest.delete(EVENT, fx.guildId, id).expect(204);
        fx.awaitEvent("GUILD_SCHEDULED_EVENT_DELETE", field("id", id));
    }

    @Test
    void unknownEventsAre404() {
        fx.rest.get(EVENT, fx.guildId, "1234567890123456789").expect(404);
        fx.rest.patch(EVENT, object().put("name", "x"), fx.guildId, "1234567890123456789").expect(404);
    }
}
