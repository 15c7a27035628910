package dev.guildhall.emulator.contract;

import static dev.guildhall.emulator.contract.EmulatorFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guildhall.emulator.contract.DiscordRest.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Roles: list, create, modify, delete, and adding a role to a member. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatorFixtureExtension.class)
class RoleRoutesContractTest {
    private static final String ROLES = "/guilds/{guild_id}/roles";
    private static final String ROLE = "/guilds/{guild_id}/roles/{role_id}";
    private static final String MEMBER_ROLE = "/guilds/{guild_id}/members/{user_id}/roles/{role_id}";
    private static final long UNKNOWN = 1234567890123456789L;

    private final EmulatorFixture fx;

    RoleRoutesContractTest(EmulatorFixture fx) {
        this.fx = fx;
    }

    @Test
    void listingRolesIncludesEveryoneWhoseIdIsTheGuildId() {
        Reply roles = fx.rest.get(ROLES, fx.guildId).expect(200);
        assertThat(roles.body()).anySatisfy(role -> {
            assertThat(role.path("id").asLong()).isEqualTo(fx.guildId);
            assertThat(role.path("name").asText()).isEqualTo("@everyone");
        });
        assertThat(roles.body()).anySatisfy(role -> assertThat(role.path("name").asText()).isEqualTo("Admin"));
    }

    @Test
    void creatingARoleAnswersTheRoleWithPermissionsAsAString() {
        Reply created = fx.rest.post(ROLES, object().put("name", "Player").put("permissions", 1024)
                .put("mentionable", true), fx.guildId).expect(200);
        assertThat(created.body().path("name").asText()).isEqualTo("Player");
        assertThat(created.body().path("permissions").isTextual()).isTrue();
        assertThat(created.body().path("permissions").asText()).isEqualTo("1024");
        assertThat(created.body().path("mentionable").asBoolean()).isTrue();
        assertThat(fx.rest.get(ROLES, fx.guildId).body()).anySatisfy(
                role -> assertThat(role.path("id").asText()).isEqualTo(created.id()));
    }

    @Test
    void modifyingARoleAnswersTheUpdatedRole() {
        String id = fx.rest.post(ROLES, object().put("name", "Editor"), fx.guildId).expect(200).id();
        Reply patched = fx.rest.patch(ROLE, object().put("name", "Club Editor").put("color", 0x2ecc71)
                .put("hoist", true), fx.guildId, id).expect(200);
        assertThat(patched.body().path("name").asText()).isEqualTo("Club Editor");
        assertThat(patched.body().path("color").asInt()).isEqualTo(0x2ecc71);
        assertThat(patched.body().path("hoist").asBoolean()).isTrue();
    }

    @Test
    void deletingARoleAnswers204ThenItIsGone() {
        String id = fx.rest.post(ROLES, object().put("name", "Temporary"), fx.guildId).expect(200).id();
        fx.rest.delete(ROLE, fx.guildId, id).expect(204);
        assertThat(fx.rest.get(ROLES, fx.guildId).body()).noneSatisfy(
                role -> assertThat(role.path("id").asText()).isEqualTo(id));
        assertThat(fx.rest.delete(ROLE, fx.guildId, id).expect(404).body().path("code").asInt()).isEqualTo(10011);
    }

    @Test
    void modifyingAnUnknownRoleIs404() {
        fx.rest.patch(ROLE, object().put("name", "x"), fx.guildId, UNKNOWN).expect(404);
        fx.rest.get(ROLES, UNKNOWN).expect(404);
    }

    @Test
    void aRoleNameOfTheWrongTypeIs400NamingTheField() {
        Reply reply = fx.rest.sendInvalid("POST", ROLES, object().set("name", object().put("nested", true)),
                fx.guildId).expect(400);
        assertThat(reply.body().path("code").asInt()).isEqualTo(50035);
        assertThat(reply.body().path("errors").has("name")).as("errors: %s", reply.body()).isTrue();
    }

    @Test
    void addingARoleToAMemberAnswers204AndTheMemberHasIt() {
        String roleId = fx.rest.post(ROLES, object().put("name", "Tagged"), fx.guildId).expect(200).id();
        long member = fx.control.addMember(fx.guildId, "putter", false, List.of());
        fx.rest.put(MEMBER_ROLE, fx.guildId, member, roleId).expect(204);
        assertThat(fx.memberView(member).path("roles")).extracting(r -> r.asText()).contains(roleId);
        fx.rest.put(MEMBER_ROLE, fx.guildId, member, UNKNOWN).expect(404);
    }
}
