package dev.guildhall.emulator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle itself: it must accept what Discord sends and reject what Discord would never send. */
class OpenApiContractTest {
    private final OpenApiContract contract = OpenApiContract.discord();

    private static JsonNode json(String text) {
        try {
            return OpenApiContract.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode knownGoodUser() {
        return (ObjectNode) json("""
                {"id":"1000000000000000001","username":"guildhall","avatar":null,"discriminator":"0000",
                 "public_flags":0,"flags":0,"bot":true,"global_name":null,"mfa_enabled":false,"locale":"en-US"}""");
    }

    private static ObjectNode knownGoodRole() {
        return (ObjectNode) json("""
                {"id":"1000000000000000002","name":"Admin","permissions":"8","position":1,"color":0,
                 "colors":{"primary_color":0,"secondary_color":null,"tertiary_color":null},
                 "hoist":false,"managed":false,"mentionable":false,"icon":null,"unicode_emoji":null,"flags":0}""");
    }

    @Test
    void aKnownGoodUserPasses() {
        assertThat(contract.responseViolations("GET", "/users/@me", 200, knownGoodUser())).isEmpty();
    }

    @Test
    void aKnownGoodRoleListPasses() {
        JsonNode roles = OpenApiContract.JSON.createArrayNode().add(knownGoodRole());
        assertThat(contract.responseViolations("GET", "/guilds/{guild_id}/roles", 200, roles)).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        ObjectNode user = knownGoodUser().put("bot", "yes");
        assertThat(contract.responseViolations("GET", "/users/@me", 200, user))
                .anySatisfy(problem -> assertThat(problem).contains("bot").contains("boolean"));
    }

    @Test
    void aSnowflakeSentAsANumberFails() {
        ObjectNode role = knownGoodRole().put("id", 1000000000000000002L);
        assertThat(contract.responseViolations("POST", "/guilds/{guild_id}/roles", 200, role))
                .anySatisfy(problem -> assertThat(problem).contains("id"));
    }

    @Test
    void aMissingRequiredFieldFails() {
        ObjectNode role = knownGoodRole();
        role.remove("colors");
        assertThat(contract.responseViolations("GET", "/guilds/{guild_id}/roles/{role_id}", 200, role))
                .anySatisfy(problem -> assertThat(problem).contains("colors"));
    }

    @Test
    void aMalformedDateTimeFailsBecauseKnownFormatsAreAsserted() {
        ObjectNode message = (ObjectNode) json("""
                {"id":"1","channel_id":"2","type":0,"content":"hi","mentions":[],"mention_roles":[],
                 "attachments":[],"embeds":[],"components":[],"timestamp":"yesterday","edited_timestamp":null,
                 "flags":0,"pinned":false,"mention_everyone":false,"tts":false,
                 "author":{"id":"3","username":"u","avatar":null,"discriminator":"0","public_flags":0,"flags":0,
                           "global_name":null,"primary_guild":null}}""");
        assertThat(contract.responseViolations("GET", "/channels/{channel_id}/messages/{message_id}", 200, message))
                .anySatisfy(problem -> assertThat(problem).contains("timestamp"));
        message.put("timestamp", "2025-01-01T12:00:00.000000+00:00");
        assertThat(contract.responseViolations("GET", "/channels/{channel_id}/messages/{message_id}", 200, message))
                .isEmpty();
    }

    @Test
    void anErrorStatusIsCheckedAgainstTheRangeResponse() {
        JsonNode good = json("{\"code\":10011,\"message\":\"Unknown Role\"}");
        JsonNode bad = json("{\"error\":\"no such role\"}");
        assertThat(contract.responseViolations("DELETE", "/guilds/{guild_id}/roles/{role_id}", 404, good)).isEmpty();
        assertThat(contract.responseViolations("DELETE", "/guilds/{guild_id}/roles/{role_id}", 404, bad))
                .anySatisfy(problem -> assertThat(problem).contains("code"));
    }

    @Test
    void fieldErrorsOfA400AreValidatedRecursively() {
        JsonNode good = json("""
                {"code":50035,"message":"Invalid Form Body",
                 "errors":{"name":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"This field is required"}]}}}""");
        assertThat(contract.responseViolations("POST", "/guilds/{guild_id}/roles", 400, good)).isEmpty();
        JsonNode withoutMessage = json("""
                {"code":50035,"message":"Invalid Form Body",
                 "errors":{"name":{"_errors":[{"code":"BASE_TYPE_REQUIRED"}]}}}""");
        assertThat(contract.responseViolations("POST", "/guilds/{guild_id}/roles", 400, withoutMessage))
                .isNotEmpty();
        JsonNode notAnErrorTree = json("""
                {"code":50035,"message":"Invalid Form Body","errors":{"name":"This field is required"}}""");
        assertThat(contract.responseViolations("POST", "/guilds/{guild_id}/roles", 400, notAnErrorTree))
                .isNotEmpty();
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThat(contract.responseViolations("POST", "/guilds/{guild_id}/roles", 201, knownGoodRole()))
                .singleElement().asString().contains("status not declared");
        assertThat(contract.responseViolations("GET", "/users/@me", 500, json("{}")))
                .singleElement().asString().contains("status not declared");
    }

    @Test
    void aNoContentStatusMustHaveNoBody() {
        assertThat(contract.responseViolations("DELETE", "/guilds/{guild_id}/roles/{role_id}", 204, null)).isEmpty();
        assertThat(contract.responseViolations("DELETE", "/guilds/{guild_id}/roles/{role_id}", 204, json("{}")))
                .singleElement().asString().contains("no body");
    }

    @Test
    void aJsonStatusMustHaveABody() {
        assertThat(contract.responseViolations("GET", "/users/@me", 200, null))
                .singleElement().asString().contains("body was empty");
    }

    @Test
    void anUnknownRouteOrMethodFails() {
        assertThat(contract.responseViolations("GET", "/guilds/{guild_id}/frolf", 200, json("{}")))
                .singleElement().asString().contains("no such path template");
        assertThat(contract.responseViolations("DELETE", "/users/@me", 204, null))
                .singleElement().asString().contains("no such operation");
    }

    @Test
    void requestBodiesAreValidatedAgainstTheRequestSchema() {
        assertThat(contract.requestViolations("POST", "/guilds/{guild_id}/roles",
                json("{\"name\":\"Player\",\"permissions\":0}"))).isEmpty();
        assertThat(contract.requestViolations("POST", "/guilds/{guild_id}/roles",
                json("{\"name\":\"Player\",\"hoist\":\"no\"}")))
                .anySatisfy(problem -> assertThat(problem).contains("hoist"));
    }

    @Test
    void assertResponseThrowsWithEveryViolation() {
        ObjectNode user = knownGoodUser().put("bot", "yes");
        user.remove("username");
        assertThatThrownBy(() -> contract.assertResponse("GET", "/users/@me", 200, user))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("username")
                .hasMessageContaining("bot");
    }

    @Test
    void theSpecIsFoundBesideTheRepositoryRoot(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(repo.resolve("pom.xml"), "<project><artifactId>guildhall-parent</artifactId></project>");
        Path module = Files.createDirectories(repo.resolve("guildhall-emulator"));
        Files.writeString(module.resolve("pom.xml"),
                "<project><parent><artifactId>guildhall-parent</artifactId></parent><artifactId>x</artifactId></project>");
        Path spec = tmp.resolve(SpecLocation.RELATIVE_TO_REPO_PARENT);
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, "{}");

        assertThat(SpecLocation.locate(Optional.empty(), module)).isEqualTo(spec);
    }

    @Test
    void aMissingSpecFailsNamingWhereItLooked(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(repo.resolve("pom.xml"), "<project><artifactId>guildhall-parent</artifactId></project>");

        assertThatThrownBy(() -> SpecLocation.locate(Optional.empty(), repo))
                .hasMessageContaining(tmp.resolve(SpecLocation.RELATIVE_TO_REPO_PARENT).toString())
                .hasMessageContaining(SpecLocation.PROPERTY);
        assertThatThrownBy(() -> SpecLocation.locate(Optional.of(tmp.resolve("nope.json").toString()), repo))
                .hasMessageContaining("nope.json");
    }
}
