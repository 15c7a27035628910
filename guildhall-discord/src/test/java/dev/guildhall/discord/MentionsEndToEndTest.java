package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.Mentions;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.emulator.InteractionOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.guildhall.discord.EmulatedDiscord.channelNamed;
import static dev.guildhall.discord.EmulatedDiscord.id;
import static dev.guildhall.discord.EmulatedDiscord.roleNamed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the bot's messages ping, as the emulator reads each request's allowed mentions (a request without them pings
 * everyone its text names): members' text never pings @everyone, @here or a role; a module's named users do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatedDiscordExtension.class)
class MentionsEndToEndTest {
    private final EmulatedDiscord discord;
    private final ExecutorService members = Executors.newVirtualThreadPerTaskExecutor();

    MentionsEndToEndTest(EmulatedDiscord discord) {
        this.discord = discord;
    }

    @AfterAll
    void close() throws InterruptedException {
        members.shutdownNow();
        members.awaitTermination(5, TimeUnit.SECONDS);
    }

    private record Club(GuildId id, ChannelId general, long owner, long member, long role) {
        /** A text naming everyone that can be pinged: @everyone, @here, the role, the owner and the member. */
        String loudText(String title) {
            return title + " @everyone @here <@&" + role + "> <@" + owner + "> <@" + member + ">";
        }
    }

    private Club club(String name) {
        JsonNode guild = discord.joinedGuild(name);
        GuildId id = GuildId.of(id(guild));
        long member = discord.control().addMember(id.value(), "member", false, List.of());
        return new Club(id, ChannelId.of(channelNamed(guild, "general")), guild.get("owner_id").asLong(), member,
                roleNamed(guild, "Admin"));
    }

    private JsonNode sent(Club club, MessageContent content) {
        long message = discord.port().execute(new Action.SendMessage(club.id(), club.general(), content))
                .requireCreatedId();
        return stored(club, message);
    }

    private JsonNode stored(Club club, long message) {
        return discord.control().messages(club.general().value()).stream().filter(m -> id(m) == message).findFirst()
                .orElseThrow();
    }

    private static void pingsNoOne(JsonNode message) {
        assertThat(message.get("mention_everyone").asBoolean()).as("mention_everyone of %s", message).isFalse();
        assertThat(message.get("mention_roles")).as("mention_roles of %s", message).isEmpty();
        assertThat(message.get("mentions")).as("mentions of %s", message).isEmpty();
    }

    private static List<Long> pingedUsers(JsonNode message) {
        return message.get("mentions").findValuesAsText("id").stream().map(Long::parseLong).toList();
    }

    @Test
    void aMessageWhoseTextNamesEveryoneAndARolePingsNoOne() {
        Club club = club("Loud Titles");

        pingsNoOne(sent(club, MessageContent.text(club.loudText("Round: Sunday doubles"))));
    }

    @Test
    void aMessageThatAsksForAUserPingsOnlyThatUser() {
        Club club = club("Reminders");

        JsonNode message = sent(club, MessageContent.text(club.loudText("Reminder:"))
                .withMentions(Mentions.users(List.of(UserId.of(club.member())))));

        assertThat(pingedUsers(message)).containsExactly(club.member());
        assertThat(message.get("mention_everyone").asBoolean()).isFalse();
        assertThat(message.get("mention_roles")).isEmpty();
    }

    @Test
    void aMessageThatAsksForARolePingsOnlyThatRole() {
        Club club = club("Role Calls");

        JsonNode message = sent(club, MessageContent.text(club.loudText("Players:"))
                .withMentions(Mentions.roles(List.of(RoleId.of(club.role())))));

        assertThat(message.get("mention_roles")).extracting(JsonNode::asLong).containsExactly(club.role());
        assertThat(message.get("mention_everyone").asBoolean()).isFalse();
        assertThat(message.get("mentions")).isEmpty();
    }

    @Test
    void anEditedMessagePingsNoOne() {
        Club club = club("Edited Titles");
        long message = discord.port().execute(new Action.SendMessage(club.id(), club.general(),
                MessageContent.text("Round"))).requireCreatedId();

        discord.port().execute(new Action.EditMessage(club.id(), club.general(), MessageId.of(message),
                MessageContent.text(club.loudText("Round renamed:"))));

        pingsNoOne(stored(club, message));
    }

    @Test
    void anInteractionReplyPingsNoOneAndSaysSoOnTheWire() throws Exception {
        Club club = club("Loud Replies");
        discord.port().execute(new Action.SyncGuildCommands(club.id(), List.of(
                CommandSpec.of("season", "Seasons", PermissionLevel.EVERYONE))));
        CompletableFuture<InteractionOutcome> outcome = CompletableFuture.supplyAsync(() -> discord.control()
                .invokeCommand(club.id().value(), club.general().value(), club.owner(), "season", Map.of(),
                        Duration.ofSeconds(10)), members);
        var command = discord.awaitEvent(club.id(), InteractionEvent.SlashCommand.class, e -> true);

        discord.port().execute(new Action.Reply(club.id(), command.interaction(),
                MessageContent.text(club.loudText("Season")), false));

        InteractionOutcome answered = outcome.get(15, TimeUnit.SECONDS);
        JsonNode allowed = answered.response().orElseThrow().get("data").get("allowed_mentions");
        assertThat(allowed.get("parse")).isEmpty();
        assertThat(allowed.has("users")).isFalse();
        assertThat(allowed.has("roles")).isFalse();
        pingsNoOne(answered.original().orElseThrow());
    }
}
