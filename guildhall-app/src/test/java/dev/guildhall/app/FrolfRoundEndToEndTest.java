package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.app.EmulatorDriver.TestGuild;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.modules.frolf.storage.FrolfStorage;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.modules.frolf.rounds.Round;
import dev.guildhall.modules.frolf.rounds.RoundStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static dev.guildhall.app.EmulatorDriver.WAIT;
import static dev.guildhall.app.EmulatorDriver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disc golf rounds end to end: the real JDA client against the emulator, the bot wired as in production on SQLite,
 * and a clock the test moves so that the reminder and start timers come due when it says.
 */
class FrolfRoundEndToEndTest {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @TempDir
    static Path dataDir;
    static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = new BotHarness(dataDir, clock);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    /** A set-up guild with the frolf module on and {@code players} members holding its Player role. */
    record Club(TestGuild guild, long events, long playerRole, List<Long> players) {}

    static Club club(String name, int players) {
        TestGuild guild = bot.newGuild(name);
        bot.control().botJoin(guild.id());
        eventually(() -> bot.commandNames(guild), names -> names.equals(List.of("setup")));
        bot.setUp(guild, "frolf");
        eventually(() -> bot.commandNames(guild), names -> names.contains("round"));
        GuildConfig config = bot.config(guild).orElseThrow();
        long events = config.channel(FrolfResources.EVENTS.key()).orElseThrow().id();
        long playerRole = config.role(RoleKind.PLAYER).orElseThrow().id();
        List<Long> members = new ArrayList<>();
        for (int i = 1; i <= players; i++) {
            members.add(bot.control().addMember(guild.id(), name.toLowerCase().replace(' ', '-') + "-p" + i, false,
                    List.of(playerRole)));
        }
        return new Club(guild, events, playerRole, members);
    }

    static InteractionOutcome command(Club club, long user, String line, Map<String, Object> options) {
        return bot.control().invokeCommand(club.guild().id(), club.events(), user, line, options, WAIT);
    }

    /** Opens the create modal and submits it; returns the new round's number. */
    static long createRound(Club club, long creator, String title, Instant start) {
        assertThat(type(command(club, creator, "round create", Map.of()))).isEqualTo(9);
        InteractionOutcome created = bot.control().submitModal(club.guild().id(), club.events(), creator,
                "frolf:round:create", Map.of("title", title, "description", "Eighteen holes",
                        "start", START.format(start), "location", "Maple Hill"), WAIT);
        String text = content(created);
        assertThat(text).as("reply to the create modal").startsWith("Round #");
        return Long.parseLong(text.substring("Round #".length(), text.indexOf(' ', "Round #".length())));
    }

    /** Frolf's tables, read as the module's own storage adapter reads them. */
    static FrolfStorage frolf() {
        return FrolfStorage.on(bot.app().store().dataSource());
    }

    static Round stored(Club club, long round) {
        return frolf().rounds().find(club.guild().guildId(), round).orElseThrow();
    }

    static JsonNode roundMessage(Club club, long round) {
        return bot.control().messages(club.events()).stream()
                .filter(m -> m.path("embeds").path(0).path("title").asText().startsWith("Round #" + round + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("no embed of round #" + round));
    }

    static List<String> buttons(JsonNode message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode component : row.path("components")) ids.add(component.path("custom_id").asText());
        }
        return ids;
    }

    static String field(JsonNode message, String prefix) {
        return StreamSupport.stream(message.path("embeds").path(0).path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().startsWith(prefix)).map(f -> f.path("value").asText())
                .findFirst().orElse("");
    }

    static InteractionOutcome click(Club club, long round, long user, String customId) {
        long message = roundMessage(club, round).get("id").asLong();
        return bot.control().clickButton(club.guild().id(), club.events(), message, user, customId, WAIT);
    }

    static InteractionOutcome enterScore(Club club, long round, long user, int score) {
        assertThat(type(click(club, round, user, "frolf:score:enter:" + round))).isEqualTo(9);
        return bot.control().submitModal(club.guild().id(), club.events(), user, "frolf:score:enter:" + round,
                Map.of("score", String.valueOf(score)), WAIT);
    }

    static List<JsonNode> threadMessages(Club club, long round) {
        Optional<Long> thread = stored(club, round).thread().map(t -> t.value());
        return thread.map(t -> bot.control().messages(t)).orElse(List.of());
    }

    static int type(InteractionOutcome outcome) {
        return outcome.response().orElseThrow(() -> new AssertionError("no response: " + outcome)).get("type").asInt();
    }

    static String content(InteractionOutcome outcome) {
        return outcome.response().orElseThrow(() -> new AssertionError("no response: " + outcome))
                .path("data").path("content").asText();
    }

    static String mention(long user) {
        return "<@" + user + ">";
    }

    @Test
    void aRoundRunsFromCreationThroughReminderStartAndScoresToItsResults() {
        Club club = club("Round Club", 4);
        List<Long> p = club.players();
        for (int i = 0; i < 4; i++) {
            assertThat(content(command(club, p.get(i), "claimtag", Map.of("number", i + 1)))).contains("claimed tag #" + (i + 1));
        }
        Instant start = clock.instant().plus(Duration.ofHours(3));
        long round = createRound(club, p.get(0), "Saturday singles", start);

        assertThat(buttons(roundMessage(club, round)))
                .containsExactly("frolf:rsvp:accept:" + round, "frolf:rsvp:tentative:" + round, "frolf:rsvp:decline:" + round);
        assertThat(bot.control().scheduledEvents(club.guild().id())).singleElement().satisfies(event -> {
            assertThat(event.get("id").asLong()).isEqualTo(stored(club, round).scheduledEvent().orElseThrow());
            assertThat(event.get("name").asText()).isEqualTo("Saturday singles");
            assertThat(event.path("entity_metadata").path("location").asText()).isEqualTo("Maple Hill");
            assertThat(OffsetDateTime.parse(event.get("scheduled_start_time").asText()).toInstant()).isEqualTo(start);
        });
        for (long player : p) assertThat(type(click(club, round, player, "frolf:rsvp:accept:" + round))).isEqualTo(7);
        assertThat(field(roundMessage(club, round), "Accepted")).contains(p.stream().map(FrolfRoundEndToEndTest::mention).toList());

        clock.set(start.minus(Duration.ofMinutes(60)));
        List<JsonNode> reminder = eventually(() -> threadMessages(club, round), m -> !m.isEmpty());
        assertThat(reminder).singleElement().satisfies(m -> assertThat(m.get("content").asText())
                .contains(p.stream().map(FrolfRoundEndToEndTest::mention).toList()));
        // the reminder asks to ping exactly the accepted players, and Discord pings no one else
        assertThat(reminder.getFirst().get("mentions").findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(p.stream().map(String::valueOf).toList());
        assertThat(stored(club, round).status()).isEqualTo(RoundStatus.SCHEDULED);

        clock.set(start);
        eventually(() -> buttons(roundMessage(club, round)), ids -> ids.contains("frolf:score:enter:" + round));
        assertThat(buttons(roundMessage(club, round))).containsExactly("frolf:score:enter:" + round, "frolf:round:join:" + round);

        int[] scores = {4, -2, 1, -2};
        for (int i = 0; i < 4; i++) {
            assertThat(content(enterScore(club, round, p.get(i), scores[i]))).contains("Your score");
        }

        assertThat(stored(club, round).status()).isEqualTo(RoundStatus.FINALIZED);
        assertThat(field(roundMessage(club, round), "Results")).isEqualTo(String.join("\n",
                "1. " + mention(p.get(1)) + " -2", "1. " + mention(p.get(3)) + " -2",
                "3. " + mention(p.get(2)) + " +1", "4. " + mention(p.get(0)) + " +4"));
        assertThat(buttons(roundMessage(club, round))).containsExactly("frolf:score:override:" + round);
        // Tied on -2, the holder of the lower tag keeps priority; the tags 1..4 go out by finish.
        String board = String.join("\n", "**#1** " + mention(p.get(1)), "**#2** " + mention(p.get(3)),
                "**#3** " + mention(p.get(2)), "**#4** " + mention(p.get(0)));
        InteractionOutcome leaderboard = command(club, club.guild().member(), "leaderboard", Map.of());
        assertThat(leaderboard.response().orElseThrow().path("data").path("embeds").path(0).path("description").asText())
                .startsWith(board);

        // An editor corrects the last player's score: the tags are recomputed from before the round, not moved again.
        GuildConfig config = bot.config(club.guild()).orElseThrow();
        long editor = bot.control().addMember(club.guild().id(), "round-editor", false,
                List.of(config.role(RoleKind.EDITOR).orElseThrow().id()));
        assertThat(type(click(club, round, editor, "frolf:score:override:" + round))).isEqualTo(9);
        assertThat(content(bot.control().submitModal(club.guild().id(), club.events(), editor,
                "frolf:score:override:" + round, Map.of("player", mention(p.get(0)), "score", "-5"), WAIT)))
                .contains("recomputed");
        String corrected = String.join("\n", "**#1** " + mention(p.get(0)), "**#2** " + mention(p.get(1)),
                "**#3** " + mention(p.get(3)), "**#4** " + mention(p.get(2)));
        long leaderboardChannel = config.channel(FrolfResources.LEADERBOARD.key()).orElseThrow().id();
        eventually(() -> bot.control().messages(leaderboardChannel), messages -> messages.size() == 1
                && messages.getFirst().path("embeds").path(0).path("description").asText().startsWith(corrected));
        assertThat(field(roundMessage(club, round), "Results")).startsWith("1. " + mention(p.get(0)) + " -5");
    }

    @Test
    void aRestartBetweenCreationAndStartStillFiresTheReminderAndTheStartExactlyOnce() {
        Club club = club("Restart Club", 2);
        List<Long> p = club.players();
        Instant start = clock.instant().plus(Duration.ofHours(5));
        long round = createRound(club, p.get(0), "After the restart", start);
        click(club, round, p.get(1), "frolf:rsvp:accept:" + round);
        String messagePath = "/channels/" + club.events() + "/messages/" + roundMessage(club, round).get("id").asText();

        bot.restartBot();
        clock.set(start.minus(Duration.ofMinutes(30)));
        eventually(() -> threadMessages(club, round), m -> !m.isEmpty());
        clock.set(start.plus(Duration.ofMinutes(1)));
        eventually(() -> stored(club, round).status(), s -> s == RoundStatus.IN_PROGRESS);
        bot.restartBot();
        clock.set(start.plus(Duration.ofMinutes(30)));
        // The guild's events are handled in order: once this answer arrives, anything due before it was handled.
        assertThat(type(command(club, p.get(1), "round create", Map.of()))).isEqualTo(9);

        assertThat(threadMessages(club, round)).hasSize(1);
        assertThat(bot.control().requests()).filteredOn(r -> r.method().equals("PATCH") && r.path().endsWith(messagePath))
                .hasSize(1);
        assertThat(buttons(roundMessage(club, round))).contains("frolf:score:enter:" + round);
    }

    /** Members' text never pings: the round's title goes out with allowed mentions that ping no one. */
    @Test
    void aRoundTitledToPingEveryoneAndARolePingsNoOne() {
        Club club = club("Loud Frolf", 1);
        String title = "@everyone <@&" + club.playerRole() + "> @here";
        assertThat(type(command(club, club.players().get(0), "round create", Map.of()))).isEqualTo(9);
        InteractionOutcome created = bot.control().submitModal(club.guild().id(), club.events(), club.players().get(0),
                "frolf:round:create", Map.of("title", title, "description", "<@&" + club.playerRole() + "> come",
                        "start", START.format(clock.instant().plus(Duration.ofHours(3))), "location", "@everyone"),
                WAIT);
        String reply = content(created);
        long round = Long.parseLong(reply.substring("Round #".length(), reply.indexOf(' ', "Round #".length())));

        JsonNode message = roundMessage(club, round);
        assertThat(message.path("embeds").path(0).path("title").asText()).contains(title);
        assertThat(message.get("mention_everyone").asBoolean()).isFalse();
        assertThat(message.get("mention_roles")).isEmpty();
        JsonNode allowed = created.response().orElseThrow().path("data").path("allowed_mentions");
        assertThat(allowed.path("parse").isArray()).as("allowed_mentions of the reply: %s", allowed).isTrue();
        assertThat(allowed.get("parse")).isEmpty();
        assertThat(allowed.has("roles")).isFalse();
    }

    @Test
    void twoGuildsRunRoundsAtTheSameTimeAndNeverSeeEachOthersRounds() {
        Club north = club("North Frolf", 2);
        Club south = club("South Frolf", 2);
        Instant start = clock.instant().plus(Duration.ofHours(2));

        long northRound = createRound(north, north.players().get(0), "North open", start);
        long southRound = createRound(south, south.players().get(0), "South open", start);
        click(north, northRound, north.players().get(1), "frolf:rsvp:accept:" + northRound);
        click(south, southRound, south.players().get(1), "frolf:rsvp:decline:" + southRound);

        assertThat(northRound).isEqualTo(southRound); // numbered per guild
        assertThat(stored(north, northRound).draft().title()).isEqualTo("North open");
        assertThat(stored(south, southRound).draft().title()).isEqualTo("South open");
        assertThat(field(roundMessage(north, northRound), "Accepted")).contains(mention(north.players().get(1)));
        assertThat(field(roundMessage(south, southRound), "Accepted")).isEqualTo("-");
        assertThat(field(roundMessage(south, southRound), "Declined")).contains(mention(south.players().get(1)));
        assertThat(bot.control().messages(south.events())).noneMatch(m -> m.toString().contains("North open"));
        assertThat(bot.control().messages(north.events())).noneMatch(m -> m.toString().contains("South open"));
    }

    @Test
    void deletingARoundRemovesItsEmbedAndItsScheduledEventAndOnlyTheCreatorOrAnEditorMay() {
        Club club = club("Delete Club", 2);
        long round = createRound(club, club.players().get(0), "Cancelled", clock.instant().plus(Duration.ofHours(2)));
        assertThat(bot.control().scheduledEvents(club.guild().id())).hasSize(1);

        assertThat(content(command(club, club.players().get(1), "round delete", Map.of("round", round))))
                .contains("Only the creator");
        assertThat(bot.control().scheduledEvents(club.guild().id())).hasSize(1);
        assertThat(content(command(club, club.players().get(0), "round delete", Map.of("round", round))))
                .contains("deleted");

        assertThat(bot.control().scheduledEvents(club.guild().id())).isEmpty();
        assertThat(bot.control().messages(club.events())).noneMatch(m -> m.toString().contains("Cancelled"));
        assertThat(frolf().rounds().find(club.guild().guildId(), round)).isEmpty();
    }

    @Test
    void aMemberWithoutThePlayerRoleCannotCreateOrAnswerARound() {
        Club club = club("Gate Club", 1);
        long round = createRound(club, club.players().get(0), "Members only", clock.instant().plus(Duration.ofHours(2)));

        assertThat(content(command(club, club.guild().member(), "round create", Map.of()))).contains("not allowed");
        assertThat(content(click(club, round, club.guild().member(), "frolf:rsvp:accept:" + round))).contains("not allowed");
        assertThat(field(roundMessage(club, round), "Accepted")).isEqualTo("-");
    }

    @Test
    void disablingFrolfRemovesItsCommandsFromThatGuildOnlyAndItsButtonsStopWorking() {
        Club north = club("North Switch", 1);
        Club south = club("South Switch", 1);
        long round = createRound(north, north.players().get(0), "Before the switch", clock.instant().plus(Duration.ofHours(2)));
        List<String> frolf = List.of("claimtag", "leaderboard", "round", "season");

        assertThat(content(command(north, north.guild().owner(), "modules disable", Map.of("module", "frolf"))))
                .contains("Disabled **frolf**");

        eventually(() -> bot.commandNames(north.guild()), names -> names.stream().noneMatch(frolf::contains));
        assertThat(bot.commandNames(south.guild())).containsAll(frolf);
        assertThat(content(click(north, round, north.players().get(0), "frolf:rsvp:accept:" + round)))
                .contains("not available");
        assertThat(frolf().rounds().participants(north.guild().guildId(), round)).isEmpty();
        assertThat(createRound(south, south.players().get(0), "Still on", clock.instant().plus(Duration.ofHours(2))))
                .isEqualTo(1);
    }

    @Test
    void aTimeZoneThatIsNotOneIsRejectedNamingTheFieldAndAGoodOneSetsHowStartsAreRead() {
        Club club = club("Zone Club", 1);

        InteractionOutcome bad = command(club, club.guild().owner(), "config set",
                Map.of("module", "frolf", "key", "timezone", "value", "Mars/Olympus"));
        assertThat(content(bad)).contains("timezone: must be a time zone such as Europe/Berlin");
        assertThat(bad.response().orElseThrow().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(content(command(club, club.guild().owner(), "config set",
                Map.of("module", "frolf", "key", "timezone", "value", "Asia/Tokyo")))).startsWith("Saved");

        Instant start = clock.instant().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.HOURS);
        assertThat(type(command(club, club.players().get(0), "round create", Map.of()))).isEqualTo(9);
        String tokyo = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Tokyo")).format(start);
        bot.control().submitModal(club.guild().id(), club.events(), club.players().get(0), "frolf:round:create",
                Map.of("title", "Tokyo time", "start", tokyo), WAIT);
        assertThat(frolf().rounds().rounds(club.guild().guildId()).getFirst().draft().start())
                .isEqualTo(start);
    }

    @Test
    void twoGuildsKeepTheirOwnTagsAndSeasons() {
        Club north = club("North Tags", 1);
        Club south = club("South Tags", 1);

        assertThat(content(command(north, north.players().get(0), "claimtag", Map.of("number", 1)))).contains("claimed tag #1");
        assertThat(content(command(south, south.players().get(0), "claimtag", Map.of("number", 1)))).contains("claimed tag #1");
        command(north, north.guild().owner(), "season start", Map.of("name", "Spring"));

        String southBoard = command(south, south.guild().member(), "leaderboard", Map.of()).response().orElseThrow()
                .path("data").path("embeds").path(0).path("description").asText();
        assertThat(southBoard).contains(mention(south.players().get(0))).doesNotContain(mention(north.players().get(0)));
        assertThat(frolf().seasons().active(north.guild().guildId())).isPresent();
        assertThat(frolf().seasons().active(south.guild().guildId())).isEmpty();
    }
}
