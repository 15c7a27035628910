package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordCallException.Kind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;

import static dev.guildhall.discord.EmulatedDiscord.channelNamed;
import static dev.guildhall.discord.EmulatedDiscord.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message edits and deletes, threads, scheduled events and member roles: through JDA to the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatedDiscordExtension.class)
class FeatureActionsEndToEndTest {
    private final EmulatedDiscord discord;

    FeatureActionsEndToEndTest(EmulatedDiscord discord) {
        this.discord = discord;
    }

    private record Club(GuildId id, ChannelId general) {}

    private Club club(String name) {
        JsonNode guild = discord.joinedGuild(name);
        return new Club(GuildId.of(id(guild)), ChannelId.of(channelNamed(guild, "general")));
    }

    private long post(Club club, String text) {
        return discord.port().execute(new Action.SendMessage(club.id(), club.general(), MessageContent.text(text)))
                .requireCreatedId();
    }

    private JsonNode message(ChannelId channel, long id) {
        return discord.control().messages(channel.value()).stream().filter(m -> id(m) == id).findFirst().orElse(null);
    }

    @Test
    void editingAMessageReplacesItsContentAndEmitsMessageUpdate() {
        Club club = club("Editors");
        long message = post(club, "Round: 0 going");

        discord.port().execute(new Action.EditMessage(club.id(), club.general(), MessageId.of(message),
                new MessageContent("Round: 1 going", List.of(new Embed("Maple Hill", "Sunday", List.of(), 0x00FF00)),
                        List.of())));

        JsonNode edited = message(club.general(), message);
        assertThat(edited.get("content").asText()).isEqualTo("Round: 1 going");
        assertThat(edited.get("embeds").get(0).get("title").asText()).isEqualTo("Maple Hill");
        assertThat(edited.get("edited_timestamp").isNull()).isFalse();
        discord.control().awaitEvent(e -> e.type().equals("MESSAGE_UPDATE")
                && e.data().get("id").asLong() == message, EmulatedDiscord.WAIT);
    }

    @Test
    void deletingAMessageRemovesItAndEmitsMessageDelete() {
        Club club = club("Deleters");
        long message = post(club, "soon gone");

        discord.port().execute(new Action.DeleteMessage(club.id(), club.general(), MessageId.of(message)));

        assertThat(message(club.general(), message)).isNull();
        discord.control().awaitEvent(e -> e.type().equals("MESSAGE_DELETE")
                && e.data().get("id").asLong() == message, EmulatedDiscord.WAIT);
        assertKind(() -> discord.port().execute(new Action.DeleteMessage(club.id(), club.general(),
                MessageId.of(message))), Kind.NOT_FOUND, club.id());
    }

    @Test
    void aThreadStartedOnAMessageTakesMessagesAtOnce() {
        Club club = club("Threaders");
        long message = post(club, "Round embed");

        long thread = discord.port().execute(new Action.StartThread(club.id(), club.general(), MessageId.of(message),
                "Reminder")).requireCreatedId();
        long reminder = discord.port().execute(new Action.SendMessage(club.id(), ChannelId.of(thread),
                MessageContent.text("Tee off in 1 hour"))).requireCreatedId();

        assertThat(thread).isEqualTo(message);
        JsonNode view = StreamSupport.stream(discord.control().guild(club.id().value()).get("channels").spliterator(),
                false).filter(c -> id(c) == thread).findFirst().orElseThrow();
        assertThat(view.get("type").asInt()).isEqualTo(11);
        assertThat(view.get("parent_id").asLong()).isEqualTo(club.general().value());
        assertThat(view.get("name").asText()).isEqualTo("Reminder");
        assertThat(message(ChannelId.of(thread), reminder).get("content").asText()).isEqualTo("Tee off in 1 hour");
        discord.control().awaitEvent(e -> e.type().equals("THREAD_CREATE") && e.data().get("id").asLong() == thread,
                EmulatedDiscord.WAIT);
    }

    @Test
    void aScheduledEventIsCreatedEditedAndDeleted() {
        Club club = club("Schedulers");
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        long event = discord.port().execute(new Action.CreateScheduledEvent(club.id(), "Sunday round",
                "Bring water", "Maple Hill", start, start.plus(Duration.ofHours(3)))).requireCreatedId();

        JsonNode created = onlyEvent(club);
        assertThat(id(created)).isEqualTo(event);
        assertThat(created.get("entity_type").asInt()).isEqualTo(3);
        assertThat(created.get("privacy_level").asInt()).isEqualTo(2);
        assertThat(created.get("entity_metadata").get("location").asText()).isEqualTo("Maple Hill");
        assertThat(created.get("description").asText()).isEqualTo("Bring water");
        assertThat(Instant.parse(created.get("scheduled_start_time").asText())).isEqualTo(start);
        assertThat(Instant.parse(created.get("scheduled_end_time").asText())).isEqualTo(start.plus(Duration.ofHours(3)));

        Instant later = start.plus(Duration.ofHours(1));
        discord.port().execute(new Action.EditScheduledEvent(club.id(), event, "Sunday round (moved)", "",
                "Oak Park", later, later.plus(Duration.ofHours(2))));

        JsonNode edited = onlyEvent(club);
        assertThat(edited.get("name").asText()).isEqualTo("Sunday round (moved)");
        assertThat(edited.get("entity_metadata").get("location").asText()).isEqualTo("Oak Park");
        assertThat(edited.get("description").isNull()).isTrue();
        assertThat(Instant.parse(edited.get("scheduled_start_time").asText())).isEqualTo(later);

        discord.port().execute(new Action.DeleteScheduledEvent(club.id(), event));

        assertThat(discord.control().scheduledEvents(club.id().value())).isEmpty();
        assertKind(() -> discord.port().execute(new Action.DeleteScheduledEvent(club.id(), event)), Kind.NOT_FOUND,
                club.id());
    }

    @Test
    void aScheduledEventInThePastIsAnInvalidRequest() {
        Club club = club("Time Travellers");
        Instant past = Instant.now().minus(Duration.ofHours(1));

        assertKind(() -> discord.port().execute(new Action.CreateScheduledEvent(club.id(), "Yesterday", "", "Here",
                past, past.plus(Duration.ofHours(2)))), Kind.INVALID_REQUEST, club.id());
        assertThat(discord.control().scheduledEvents(club.id().value())).isEmpty();
    }

    @Test
    void memberRolesChangeForMembersJdaHasNotCached() {
        Club club = club("Role Givers");
        long player = discord.control().addMember(club.id().value(), "newcomer", false, List.of());
        long role = discord.control().createRoleAsUser(club.id().value(), "Player", 0);
        EmulatedDiscord.await(() -> discord.port().guild(club.id()).flatMap(g -> g.role(RoleId.of(role))).orElse(null),
                "the role in JDA's cache");

        discord.port().execute(new Action.AddMemberRole(club.id(), UserId.of(player), RoleId.of(role)));
        assertThat(memberRoles(club, player)).contains(Long.toString(role));
        discord.control().awaitEvent(e -> e.type().equals("GUILD_MEMBER_UPDATE")
                && e.data().get("user").get("id").asLong() == player
                && e.data().get("roles").toString().contains(Long.toString(role)), EmulatedDiscord.WAIT);

        discord.port().execute(new Action.RemoveMemberRole(club.id(), UserId.of(player), RoleId.of(role)));
        assertThat(memberRoles(club, player)).doesNotContain(Long.toString(role));
    }

    @Test
    void aRoleForSomeoneWhoIsNotAMemberIsNotFound() {
        Club club = club("Strangers");
        long role = discord.control().createRoleAsUser(club.id().value(), "Player", 0);
        EmulatedDiscord.await(() -> discord.port().guild(club.id()).flatMap(g -> g.role(RoleId.of(role))).orElse(null),
                "the role in JDA's cache");

        assertKind(() -> discord.port().execute(new Action.AddMemberRole(club.id(), UserId.of(4242L), RoleId.of(role))),
                Kind.NOT_FOUND, club.id());
        assertKind(() -> discord.port().execute(new Action.AddMemberRole(club.id(), UserId.of(4242L), RoleId.of(42L))),
                Kind.NOT_FOUND, club.id());
    }

    private JsonNode onlyEvent(Club club) {
        List<JsonNode> events = discord.control().scheduledEvents(club.id().value());
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private String memberRoles(Club club, long user) {
        return StreamSupport.stream(discord.control().guild(club.id().value()).get("members").spliterator(), false)
                .filter(m -> m.get("user").get("id").asLong() == user).findFirst().orElseThrow()
                .get("roles").toString();
    }

    private void assertKind(ThrowingCallable call, Kind kind, GuildId guild) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DiscordCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains("guild " + guild).doesNotContain(discord.emulator.botToken());
        });
    }
}
