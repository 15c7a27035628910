package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.array;
import static dev.guildhall.emulator.contract.EmulatorFixture.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.emulator.contract.DiscordRest.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Global and guild application commands: list, create, delete, bulk overwrite, and their errors. */
class CommandRoutesContractTest {
    private static final String GLOBAL = "/applications/{application_id}/commands";
    private static final String GLOBAL_ONE = "/applications/{application_id}/commands/{command_id}";
    private static final String GUILD = "/applications/{application_id}/guilds/{guild_id}/commands";
    private static final String GUILD_ONE = "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}";

    private EmulatorFixture fx;

    @BeforeEach
    void start() {
        fx = EmulatorFixture.start();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static List<String> names(Reply list) {
        List<String> names = new ArrayList<>();
        list.body().forEach(command -> names.add(command.path("name").asText()));
        return names;
    }

    @Test
    void globalCommandsCanBeCreatedListedAndDeleted() {
        assertThat(names(fx.rest.get(GLOBAL, fx.applicationId).expect(200))).isEmpty();

        Reply created = fx.rest.post(GLOBAL, slashCommand("ping", "Replies with pong"), fx.applicationId);
        assertThat(created.status()).isIn(200, 201);
        assertThat(created.body().path("application_id").asLong()).isEqualTo(fx.applicationId);
        assertThat(created.body().has("guild_id")).as("a global command has no guild_id").isFalse();
        assertThat(names(fx.rest.get(GLOBAL, fx.applicationId).expect(200))).containsExactly("ping");
        assertThat(fx.control.commands(OptionalLong.empty())).extracting(c -> c.path("name").asText())
                .containsExactly("ping");

        fx.rest.delete(GLOBAL_ONE, fx.applicationId, created.id()).expect(204);
        assertThat(names(fx.rest.get(GLOBAL, fx.applicationId).expect(200))).isEmpty();
    }

    @Test
    void theBotLeavingAGuildDropsItsCommandsThereAndARejoinDoesNotBringThemBack() {
        fx.rest.put(GUILD, array().add(slashCommand("setup", "Set up")), fx.applicationId, fx.guildId).expect(200);
        fx.rest.post(GLOBAL, slashCommand("ping", "Replies with pong"), fx.applicationId);

        fx.control.botLeave(fx.guildId);
        fx.control.botJoin(fx.guildId);

        assertThat(names(fx.rest.get(GUILD, fx.applicationId, fx.guildId).expect(200))).isEmpty();
        assertThat(names(fx.rest.get(GLOBAL, fx.applicationId).expect(200))).containsExactly("ping");
    }

    @Test
    void guildCommandsCanBeCreatedListedAndDeleted() {
        Reply created = fx.rest.post(GUILD, slashCommand("setup", "Set the club up"), fx.applicationId, fx.guildId);
        assertThat(created.status()).isIn(200, 201);
        assertThat(created.body().path("guild_id").asLong()).isEqualTo(fx.guildId);
        assertThat(names(fx.rest.get(GUILD, fx.applicationId, fx.guildId).expect(200))).containsExactly("setup");
        assertThat(names(fx.rest.get(GLOBAL, fx.applicationId).expect(200))).isEmpty();

        fx.rest.delete(GUILD_ONE, fx.applicationId, fx.guildId, created.id()).expect(204);
        assertThat(fx.control.commands(OptionalLong.of(fx.guildId))).isEmpty();
    }

    @Test
    void bulkOverwriteReplacesTheWholeSet() {
        fx.rest.post(GUILD, slashCommand("old", "Goes away"), fx.applicationId, fx.guildId);
        JsonNode set = array()
                .add(slashCommand("round", "Disc golf rounds")
                        .set("options", array().add(EmulatorFixture.object()
                                .put("type", 1).put("name", "create").put("description", "Create a round"))))
                .add(slashCommand("tags", "Tag leaderboard"));

        Reply replaced = fx.rest.put(GUILD, set, fx.applicationId, fx.guildId).expect(200);
        assertThat(names(replaced)).containsExactlyInAnyOrder("round", "tags");
        assertThat(names(fx.rest.get(GUILD, fx.applicationId, fx.guildId).expect(200)))
                .containsExactlyInAnyOrder("round", "tags");

        Reply globalReplaced = fx.rest.put(GLOBAL, array().add(slashCommand("help", "How to use")), fx.applicationId)
                .expect(200);
        assertThat(names(globalReplaced)).containsExactly("help");
        assertThat(names(fx.rest.put(GLOBAL, array(), fx.applicationId).expect(200))).isEmpty();
    }

    @Test
    void deletingAnUnknownCommandIs404() {
        fx.rest.delete(GLOBAL_ONE, fx.applicationId, 1234567890123456789L).expect(404);
        fx.rest.delete(GUILD_ONE, fx.applicationId, fx.guildId, 1234567890123456789L).expect(404);
    }

    @Test
    void commandsOfAnUnknownGuildAre404() {
        fx.rest.get(GUILD, fx.applicationId, 1234567890123456789L).expect(404);
    }

    @Test
    void aCommandWithoutADescriptionIs400NamingTheField() {
        Reply reply = fx.rest.sendInvalid("POST", GUILD,
                EmulatorFixture.object().put("name", "nodesc").put("type", 1), fx.applicationId, fx.guildId)
                .expect(400);
        assertThat(reply.body().path("code").asInt()).isEqualTo(50035);
        assertThat(reply.body().path("errors").has("description")).as("errors: %s", reply.body()).isTrue();
    }

    @Test
    void aCommandWithAnInvalidNameIs400NamingTheField() {
        Reply reply = fx.rest.sendInvalid("POST", GLOBAL, slashCommand("Not A Name!", "Bad name"), fx.applicationId)
                .expect(400);
        assertThat(reply.body().path("errors").has("name")).as("errors: %s", reply.body()).isTrue();
    }
}
