package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.guildhall.discord.EmulatedDiscord.channelNamed;
import static dev.guildhall.discord.EmulatedDiscord.id;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatedDiscordExtension.class)
class GatewayEventsEndToEndTest {
    private final EmulatedDiscord discord;

    GatewayEventsEndToEndTest(EmulatedDiscord discord) {
        this.discord = discord;
    }

    @Test
    void theBotJoiningAGuildEmitsGuildJoinedWithItsName() {
        JsonNode guild = discord.control().createGuild("Join Club", "owner");
        GuildId id = GuildId.of(id(guild));

        discord.control().botJoin(id.value());

        Envelope envelope = discord.awaitEnvelope(e -> e.guild().equals(id) && e.event() instanceof GuildEvent.GuildJoined,
                "GuildJoined");
        assertThat(((GuildEvent.GuildJoined) envelope.event()).name()).isEqualTo("Join Club");
        assertThat(envelope.type()).isEqualTo("guild_joined");
        assertThat(envelope.shard()).isZero();
        assertThat(envelope.id()).startsWith("guild_joined:" + id);
    }

    @Test
    void theBotLeavingAGuildEmitsGuildLeft() {
        GuildId id = GuildId.of(id(discord.joinedGuild("Leave Club")));

        discord.control().botLeave(id.value());

        discord.awaitEvent(id, GuildEvent.GuildLeft.class, e -> true);
        assertThat(discord.port().guild(id)).isEmpty();
    }

    @Test
    void deletingAChannelEmitsChannelDeleted() {
        GuildId id = GuildId.of(id(discord.joinedGuild("Channel Club")));
        long channel = discord.control().createChannelAsUser(id.value(), "doomed");

        discord.control().deleteChannelAsUser(id.value(), channel);

        discord.awaitEvent(id, GuildEvent.ChannelDeleted.class, e -> e.channel().equals(ChannelId.of(channel)));
    }

    @Test
    void deletingARoleEmitsRoleDeleted() {
        GuildId id = GuildId.of(id(discord.joinedGuild("Role Club")));
        long role = discord.control().createRoleAsUser(id.value(), "Doomed", 0L);

        discord.control().deleteRoleAsUser(id.value(), role);

        discord.awaitEvent(id, GuildEvent.RoleDeleted.class, e -> e.role().equals(RoleId.of(role)));
    }

    @Test
    void aNewMemberEmitsMemberJoined() {
        GuildId id = GuildId.of(id(discord.joinedGuild("Member Club")));

        long user = discord.control().addMember(id.value(), "newcomer", false, List.of());

        discord.awaitEvent(id, GuildEvent.MemberJoined.class, e -> e.user().equals(UserId.of(user)));
    }

    @Test
    void aMemberLeavingEmitsMemberLeft() {
        GuildId id = GuildId.of(id(discord.joinedGuild("Farewell Club")));
        long user = discord.control().addMember(id.value(), "leaver", false, List.of());

        discord.control().removeMember(id.value(), user);

        discord.awaitEvent(id, GuildEvent.MemberLeft.class, e -> e.user().equals(UserId.of(user)));
    }

    @Test
    void aMembersMessageEmitsMessagePostedWithItsContent() {
        JsonNode guild = discord.joinedGuild("Message Club");
        GuildId id = GuildId.of(id(guild));
        long general = channelNamed(guild, "general");
        long user = discord.control().addMember(id.value(), "talker", false, List.of());

        long message = discord.control().postMessageAsUser(general, user, "hello frolfers");

        GuildEvent.MessagePosted posted = discord.awaitEvent(id, GuildEvent.MessagePosted.class,
                e -> e.message().equals(MessageId.of(message)));
        assertThat(posted.content()).isEqualTo("hello frolfers");
        assertThat(posted.author()).isEqualTo(UserId.of(user));
        assertThat(posted.channel()).isEqualTo(ChannelId.of(general));
    }

    @Test
    void theBotsOwnMessagesAreNotEvents() {
        JsonNode guild = discord.joinedGuild("Echo Club");
        GuildId id = GuildId.of(id(guild));
        long general = channelNamed(guild, "general");
        long own = discord.port().execute(new Action.SendMessage(id, ChannelId.of(general),
                MessageContent.text("from the bot"))).requireCreatedId();
        long user = discord.control().addMember(id.value(), "talker", false, List.of());

        long later = discord.control().postMessageAsUser(general, user, "after the bot");

        // Gateway events of one guild arrive in order: once the later message is seen, the bot's would have been too
        discord.awaitEvent(id, GuildEvent.MessagePosted.class, e -> e.message().equals(MessageId.of(later)));
        assertThat(discord.envelopes).noneMatch(e -> e.event() instanceof GuildEvent.MessagePosted p
                && p.message().value() == own);
    }

    @Test
    void aMembersReactionEmitsReactionAddedWithTheEmoji() {
        JsonNode guild = discord.joinedGuild("Reaction Club");
        GuildId id = GuildId.of(id(guild));
        long general = channelNamed(guild, "general");
        long user = discord.control().addMember(id.value(), "reactor", false, List.of());
        long message = discord.control().postMessageAsUser(general, user, "react to me");

        discord.control().addReactionAsUser(general, message, user, "👍");

        GuildEvent.ReactionAdded added = discord.awaitEvent(id, GuildEvent.ReactionAdded.class,
                e -> e.message().equals(MessageId.of(message)));
        assertThat(added.emoji()).isEqualTo("👍");
        assertThat(added.user()).isEqualTo(UserId.of(user));
        assertThat(added.channel()).isEqualTo(ChannelId.of(general));
    }

    @Test
    void theBotsOwnReactionsAreNotEvents() {
        JsonNode guild = discord.joinedGuild("Own Reaction Club");
        GuildId id = GuildId.of(id(guild));
        long general = channelNamed(guild, "general");
        long user = discord.control().addMember(id.value(), "reactor", false, List.of());
        long message = discord.control().postMessageAsUser(general, user, "react to me");

        discord.port().execute(new Action.AddReaction(id, ChannelId.of(general), MessageId.of(message), "✅"));
        discord.control().addReactionAsUser(general, message, user, "👍");

        discord.awaitEvent(id, GuildEvent.ReactionAdded.class, e -> e.emoji().equals("👍"));
        assertThat(discord.envelopes).noneMatch(e -> e.event() instanceof GuildEvent.ReactionAdded r
                && r.emoji().equals("✅"));
    }

    @Test
    void everyEnvelopeHasItsOwnId() {
        discord.joinedGuild("Id Club");

        assertThat(discord.envelopes).extracting(Envelope::id).doesNotHaveDuplicates();
    }
}
