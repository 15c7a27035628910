package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.emulator.InteractionOutcome;
import dev.guildhall.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.guildhall.discord.EmulatedDiscord.channelNamed;
import static dev.guildhall.discord.EmulatedDiscord.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers slower than Discord's 3 seconds: the adapter defers for them at 2.5 s, and their late answer still lands.
 * The handlers here wait 3.5 s on purpose: that is the slowness under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatedDiscordExtension.class)
class AutoDeferEndToEndTest {
    private static final Duration SLOW_HANDLER = Duration.ofMillis(3500);
    private static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);
    private static final String CALLBACK = "/interactions/{interaction_id}/{interaction_token}/callback";
    private static final String ORIGINAL = "/webhooks/{webhook_id}/{webhook_token}/messages/@original";
    private static final String FOLLOW_UP = "/webhooks/{webhook_id}/{webhook_token}";

    private final EmulatedDiscord discord;
    private final ExecutorService members = Executors.newVirtualThreadPerTaskExecutor();

    AutoDeferEndToEndTest(EmulatedDiscord discord) {
        this.discord = discord;
    }

    @AfterAll
    void close() throws InterruptedException {
        members.shutdownNow();
        members.awaitTermination(5, TimeUnit.SECONDS);
    }

    private record Club(GuildId id, long channel, long owner) {}

    private Club club(String name) {
        JsonNode guild = discord.joinedGuild(name);
        GuildId id = GuildId.of(id(guild));
        discord.port().execute(new Action.SyncGuildCommands(id, List.of(
                CommandSpec.of("leaderboard", "Show the tags", PermissionLevel.EVERYONE))));
        return new Club(id, channelNamed(guild, "general"), guild.get("owner_id").asLong());
    }

    /** Plays a slow module: takes the event when it arrives, works for 3.5 s, then answers. */
    private <T extends InteractionEvent> CompletableFuture<Void> slowly(Club club, Class<T> kind, Consumer<T> answer) {
        return CompletableFuture.runAsync(() -> {
            T event = discord.awaitEvent(club.id(), kind, e -> true);
            sleep(SLOW_HANDLER);
            answer.accept(event);
        }, members);
    }

    @Test
    void aSlowCommandIsDeferredWithinThreeSecondsAndItsReplyFillsTheOriginal() throws Exception {
        Club club = club("Slow Commands");
        discord.control().clearRequests();
        CompletableFuture<Void> handler = slowly(club, InteractionEvent.SlashCommand.class, command ->
                discord.port().execute(new Action.Reply(club.id(), command.interaction(),
                        MessageContent.text("Tag 1: ace"), false)));

        Instant invoked = Instant.now();
        InteractionOutcome first = discord.control().invokeCommand(club.id().value(), club.channel(), club.owner(),
                "leaderboard", Map.of(), Duration.ofSeconds(5));
        Duration firstAnswer = Duration.between(invoked, Instant.now());
        handler.get(15, TimeUnit.SECONDS);

        assertThat(first.response()).hasValueSatisfying(r -> assertThat(r.get("type").asInt()).isEqualTo(5));
        assertThat(firstAnswer).isLessThan(DISCORD_DEADLINE);
        InteractionOutcome last = discord.control().interaction(first.interactionId());
        assertThat(last.original()).hasValueSatisfying(m -> assertThat(m.get("content").asText()).isEqualTo("Tag 1: ace"));
        assertThat(calls("POST", CALLBACK)).hasSize(1);
        assertThat(calls("PATCH", ORIGINAL)).hasSize(1);
    }

    @Test
    void aSlowEphemeralAnswerReplacesThePublicDeferralWithAnEphemeralFollowUp() throws Exception {
        Club club = club("Slow Secrets");
        discord.control().clearRequests();
        String secret = "Only you see this: prefix is frolf @everyone";
        CompletableFuture<Void> handler = slowly(club, InteractionEvent.SlashCommand.class, command ->
                discord.port().execute(new Action.Reply(club.id(), command.interaction(),
                        MessageContent.text(secret), true)));

        InteractionOutcome first = discord.control().invokeCommand(club.id().value(), club.channel(), club.owner(),
                "leaderboard", Map.of(), Duration.ofSeconds(5));
        handler.get(15, TimeUnit.SECONDS);

        assertThat(first.response()).hasValueSatisfying(r -> assertThat(r.get("type").asInt()).isEqualTo(5));
        InteractionOutcome last = discord.control().interaction(first.interactionId());
        assertThat(last.original()).as("the public thinking message is deleted").isEmpty();
        assertThat(last.followups()).singleElement().satisfies(m -> {
            assertThat(m.get("content").asText()).isEqualTo(secret);
            assertThat(m.get("flags").asInt() & 64).isEqualTo(64);
            assertThat(m.get("mention_everyone").asBoolean()).isFalse();
        });
        assertThat(discord.control().messages(club.channel()))
                .noneMatch(m -> m.get("content").asText().equals(secret));
        assertThat(calls("DELETE", ORIGINAL)).hasSize(1);
        assertThat(calls("POST", FOLLOW_UP)).hasSize(1);
        assertThat(calls("PATCH", ORIGINAL)).isEmpty();
    }

    @Test
    void aSlowButtonIsDeferredAsAnEditAndItsReplyIsAFollowUpThatLeavesTheMessage() throws Exception {
        Club club = club("Slow Buttons");
        long message = roundMessage(club);
        discord.control().clearRequests();
        CompletableFuture<Void> handler = slowly(club, InteractionEvent.ButtonClicked.class, click ->
                discord.port().execute(new Action.Reply(club.id(), click.interaction(),
                        MessageContent.text("You are in"), true)));

        Instant clicked = Instant.now();
        InteractionOutcome first = discord.control().clickButton(club.id().value(), club.channel(), message,
                club.owner(), "frolf:rsvp:accept:1", Duration.ofSeconds(5));
        Duration firstAnswer = Duration.between(clicked, Instant.now());
        handler.get(15, TimeUnit.SECONDS);

        assertThat(first.response()).hasValueSatisfying(r -> assertThat(r.get("type").asInt()).isEqualTo(6));
        assertThat(firstAnswer).isLessThan(DISCORD_DEADLINE);
        InteractionOutcome last = discord.control().interaction(first.interactionId());
        assertThat(last.followups()).singleElement().satisfies(m -> {
            assertThat(m.get("content").asText()).isEqualTo("You are in");
            assertThat(m.get("flags").asInt() & 64).isEqualTo(64);
        });
        assertThat(messageContent(club, message)).isEqualTo("Sunday round");
        assertThat(calls("POST", FOLLOW_UP)).hasSize(1);
    }

    @Test
    void aSlowButtonThatUpdatesItsMessageEditsItAfterTheDeferral() throws Exception {
        Club club = club("Slow Updates");
        long message = roundMessage(club);
        CompletableFuture<Void> handler = slowly(club, InteractionEvent.ButtonClicked.class, click ->
                discord.port().execute(new Action.UpdateSourceMessage(club.id(), click.interaction(),
                        MessageContent.text("Sunday round: 1 going"))));

        InteractionOutcome first = discord.control().clickButton(club.id().value(), club.channel(), message,
                club.owner(), "frolf:rsvp:accept:1", Duration.ofSeconds(5));
        handler.get(15, TimeUnit.SECONDS);

        assertThat(first.response()).hasValueSatisfying(r -> assertThat(r.get("type").asInt()).isEqualTo(6));
        assertThat(messageContent(club, message)).isEqualTo("Sunday round: 1 going");
    }

    @Test
    void aPromptAnswerIsNeverDeferred() throws Exception {
        Club club = club("Prompt Answers");
        discord.control().clearRequests();
        CompletableFuture<Void> handler = CompletableFuture.runAsync(() -> {
            var command = discord.awaitEvent(club.id(), InteractionEvent.SlashCommand.class, e -> true);
            discord.port().execute(new Action.Reply(club.id(), command.interaction(), MessageContent.text("now"), true));
        }, members);

        InteractionOutcome first = discord.control().invokeCommand(club.id().value(), club.channel(), club.owner(),
                "leaderboard", Map.of(), Duration.ofSeconds(5));
        handler.get(15, TimeUnit.SECONDS);
        // past the deferral delay: proving that nothing else was sent needs the time to pass
        sleep(DiscordSettings.DEFAULT_AUTO_DEFER.plusMillis(700));

        assertThat(first.response()).hasValueSatisfying(r -> assertThat(r.get("type").asInt()).isEqualTo(4));
        assertThat(calls("POST", CALLBACK)).hasSize(1);
    }

    private long roundMessage(Club club) {
        return discord.port().execute(new Action.SendMessage(club.id(), ChannelId.of(club.channel()),
                MessageContent.text("Sunday round").withButtons(List.of(
                        new ButtonSpec("frolf:rsvp:accept:1", "Accept", ButtonSpec.Style.SUCCESS))))).requireCreatedId();
    }

    private String messageContent(Club club, long message) {
        return discord.control().messages(club.channel()).stream().filter(m -> id(m) == message).findFirst()
                .orElseThrow().get("content").asText();
    }

    private List<RecordedRequest> calls(String method, String route) {
        return discord.control().requests().stream()
                .filter(r -> r.method().equals(method) && r.route().equals(route)).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
