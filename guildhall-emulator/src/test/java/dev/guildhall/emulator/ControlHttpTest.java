package dev.guildhall.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlHttpTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DiscordEmulator emulator;

    @BeforeEach
    void start() {
        emulator = DiscordEmulator.start(EmulatorOptions.defaults());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.baseUrl().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void guildCreatedOverHttpCanBeJoinedAndReadBackByTheBot() throws Exception {
        JsonNode guild = json.readTree(send("POST", "/control/guilds", "{\"name\":\"Club\",\"owner_name\":\"ann\"}", null).body());
        String guildId = guild.get("id").asText();
        assertThat(send("POST", "/control/guilds/" + guildId + "/bot/join", null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> channels = send("GET", "/api/v10/guilds/" + guildId + "/channels", null, "Bot " + emulator.botToken());

        assertThat(channels.statusCode()).isEqualTo(200);
        assertThat(json.readTree(channels.body()).findValuesAsText("name")).containsExactly("general");
        assertThat(channels.headers().firstValue("X-RateLimit-Bucket")).isPresent();
        JsonNode events = json.readTree(send("GET", "/control/events", null, null).body());
        assertThat(events.findValuesAsText("type")).contains("GUILD_CREATE");
    }

    @Test
    void wrongBotTokenGetsDiscordsUnauthorizedBody() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v10/users/@me", null, "Bot wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("401: Unauthorized");
        assertThat(json.readTree(response.body()).get("code").asInt()).isZero();
    }

    @Test
    void channelWithoutANameIsRejectedWithAFieldError() throws Exception {
        String guildId = emulator.control().createGuild("Club", "ann").get("id").asText();
        emulator.control().botJoin(Long.parseLong(guildId));

        HttpResponse<String> response = send("POST", "/api/v10/guilds/" + guildId + "/channels", "{}", "Bot " + emulator.botToken());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asInt()).isEqualTo(50035);
        assertThat(body.at("/errors/name/_errors/0/code").asText()).isEqualTo("BASE_TYPE_REQUIRED");
    }

    @Test
    void injectedFailureAnswersTheNextMatchingCallsOnly() throws Exception {
        String guildId = emulator.control().createGuild("Club", "ann").get("id").asText();
        emulator.control().botJoin(Long.parseLong(guildId));
        send("POST", "/control/failures", "{\"method\":\"GET\",\"route\":\"/guilds/{guild_id}/roles\",\"status\":500,\"count\":1}", null);
        String bot = "Bot " + emulator.botToken();

        assertThat(send("GET", "/api/v10/guilds/" + guildId + "/roles", null, bot).statusCode()).isEqualTo(500);
        assertThat(send("GET", "/api/v10/guilds/" + guildId + "/roles", null, bot).statusCode()).isEqualTo(200);
        assertThat(emulator.control().requests()).extracting(RecordedRequest::route, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/guilds/{guild_id}/roles", 500),
                        org.assertj.core.groups.Tuple.tuple("/guilds/{guild_id}/roles", 200));
    }

    @Test
    void rootRedirectsToTheSandboxPage() throws Exception {
        HttpResponse<String> root = send("GET", "/", null, null);
        assertThat(root.statusCode()).isBetween(301, 308);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sandbox/"));
        assertThat(send("GET", "/sandbox/", null, null).statusCode()).isIn(200, 404);
    }

    @Test
    void removingAMemberEmitsGuildMemberRemove() throws Exception {
        long guildId = Long.parseLong(emulator.control().createGuild("Club", "ann").get("id").asText());
        emulator.control().botJoin(guildId);
        long userId = emulator.control().addMember(guildId, "bob", false, java.util.List.of());

        assertThat(send("DELETE", "/control/guilds/" + guildId + "/members/" + userId, null, null).statusCode()).isEqualTo(204);

        DispatchedEvent removed = emulator.control().awaitEvent(e -> e.type().equals("GUILD_MEMBER_REMOVE"), java.time.Duration.ofSeconds(5));
        assertThat(removed.data().at("/user/id").asText()).isEqualTo(Long.toString(userId));
        assertThat(emulator.control().guild(guildId).get("members").findValuesAsText("username")).doesNotContain("bob");
    }

    @Test
    void scheduledEventsAreListedOverHttpAsTheBotCreatedThem() throws Exception {
        String guildId = emulator.control().createGuild("Club", "ann").get("id").asText();
        emulator.control().botJoin(Long.parseLong(guildId));
        String start = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String end = java.time.Instant.parse(start).plus(java.time.Duration.ofHours(2)).toString();
        String body = "{\"name\":\"Sunday round\",\"privacy_level\":2,\"entity_type\":3,\"scheduled_start_time\":\""
                + start + "\",\"scheduled_end_time\":\"" + end + "\",\"entity_metadata\":{\"location\":\"Maple Hill\"}}";
        assertThat(send("POST", "/api/v10/guilds/" + guildId + "/scheduled-events", body, "Bot " + emulator.botToken())
                .statusCode()).isEqualTo(200);

        HttpResponse<String> listed = send("GET", "/control/guilds/" + guildId + "/scheduled-events", null, null);

        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode events = json.readTree(listed.body());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("name").asText()).isEqualTo("Sunday round");
            assertThat(e.at("/entity_metadata/location").asText()).isEqualTo("Maple Hill");
            assertThat(e.get("scheduled_start_time").asText()).startsWith(start.substring(0, 19));
        });
    }
}
