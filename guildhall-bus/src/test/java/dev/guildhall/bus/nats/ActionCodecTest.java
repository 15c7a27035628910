package dev.guildhall.bus.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.Mentions;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.action.ModalSpec;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionCodecTest {
    private static final GuildId GUILD = GuildId.of(1_234_567_890_123_456_789L);
    private static final ChannelId CHANNEL = ChannelId.of(222L);
    private static final MessageId MESSAGE = MessageId.of(555L);
    private static final RoleId ROLE = RoleId.of(444L);
    private static final UserId USER = UserId.of(333L);
    private static final Instant START = Instant.parse("2026-06-01T17:30:00Z");

    private final ActionCodec codec = new ActionCodec();
    private final ObjectMapper plain = new ObjectMapper();

    static List<Action> everyType() {
        InteractionRef fromButton = new InteractionRef("9001", CHANNEL, Optional.of(MESSAGE));
        InteractionRef fromCommand = new InteractionRef("9002", CHANNEL, Optional.empty());
        MessageContent rich = new MessageContent("Round \"Riverside\" ✓",
                List.of(new Embed("Leaderboard", "tags", List.of(new Embed.Field("#1", "ada", true)), 0x2ecc71)),
                List.of(new ButtonSpec("rsvp:accept:7", "Accept", ButtonSpec.Style.SUCCESS)),
                new Mentions(Set.of(USER, UserId.of(334L)), Set.of(ROLE)));
        ModalSpec modal = new ModalSpec("setup", "Set up Guildhall", List.of(
                new ModalSpec.TextInput("prefix", "Channel prefix", false, true, "frolf", 1, 20),
                new ModalSpec.TextInput("signup", "Signup message", true, false, null, 0, 2000)));
        CommandSpec round = new CommandSpec("round", "Disc golf rounds", PermissionLevel.PLAYER, List.of(
                OptionSpec.subcommand("create", "Create a round", List.of(
                        OptionSpec.of("course", "Where", OptionSpec.Type.STRING, true),
                        OptionSpec.of("holes", "How many", OptionSpec.Type.INTEGER, false)))));
        return List.of(
                new Action.Reply(GUILD, fromCommand, rich, true),
                new Action.ShowModal(GUILD, fromCommand, modal),
                new Action.UpdateSourceMessage(GUILD, fromButton, MessageContent.text("updated")),
                new Action.CreateTextChannel(GUILD, "frolf-rounds"),
                new Action.CreateRole(GUILD, "Frolf Editor"),
                new Action.DeleteChannel(GUILD, CHANNEL),
                new Action.DeleteRole(GUILD, ROLE),
                new Action.SendMessage(GUILD, CHANNEL, rich),
                new Action.AddReaction(GUILD, CHANNEL, MESSAGE, "frolf:123"),
                new Action.EditMessage(GUILD, CHANNEL, MESSAGE, MessageContent.text("edited")),
                new Action.DeleteMessage(GUILD, CHANNEL, MESSAGE),
                new Action.StartThread(GUILD, CHANNEL, MESSAGE, "Round 7"),
                new Action.CreateScheduledEvent(GUILD, "Round 7", "Bring discs", "Riverside", START,
                        START.plusSeconds(7200)),
                new Action.EditScheduledEvent(GUILD, 1_300_000_000_000_000_001L, "Round 7", "Moved", "Hilltop",
                        START.plusSeconds(3600), START.plusSeconds(10800)),
                new Action.DeleteScheduledEvent(GUILD, 1_300_000_000_000_000_001L),
                new Action.AddMemberRole(GUILD, USER, ROLE),
                new Action.RemoveMemberRole(GUILD, USER, ROLE),
                new Action.SyncGuildCommands(GUILD, List.of(round, CommandSpec.of("setup", "Set up", PermissionLevel.ADMIN))));
    }

    /** Exhaustive over the sealed type: a new action type does not compile here until it has a sample and a name. */
    private static String expectedName(Action action) {
        return switch (action) {
            case Action.Reply reply -> "reply";
            case Action.ShowModal modal -> "show_modal";
            case Action.UpdateSourceMessage update -> "update_source_message";
            case Action.CreateTextChannel create -> "create_text_channel";
            case Action.CreateRole create -> "create_role";
            case Action.DeleteChannel delete -> "delete_channel";
            case Action.DeleteRole delete -> "delete_role";
            case Action.SendMessage send -> "send_message";
            case Action.AddReaction add -> "add_reaction";
            case Action.EditMessage edit -> "edit_message";
            case Action.DeleteMessage delete -> "delete_message";
            case Action.StartThread start -> "start_thread";
            case Action.CreateScheduledEvent create -> "create_scheduled_event";
            case Action.EditScheduledEvent edit -> "edit_scheduled_event";
            case Action.DeleteScheduledEvent delete -> "delete_scheduled_event";
            case Action.AddMemberRole add -> "add_member_role";
            case Action.RemoveMemberRole remove -> "remove_member_role";
            case Action.SyncGuildCommands sync -> "sync_guild_commands";
        };
    }

    @Test
    void theSamplesCoverEveryActionType() {
        assertThat(everyType().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Action.class.getPermittedSubclasses()));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyActionTypeSurvivesARoundTripTaggedWithItsExplicitName(Action action) throws IOException {
        byte[] json = codec.encode(action);

        assertThat(codec.decodeAction(json)).isEqualTo(action);
        assertThat(plain.readTree(json).get("type").asText()).isEqualTo(expectedName(action));
        assertThat(ActionCodec.typeName(action)).isEqualTo(expectedName(action));
    }

    @Test
    void snowflakesTravelAsDecimalStrings() throws IOException {
        JsonNode sent = plain.readTree(codec.encode(new Action.AddReaction(GUILD, CHANNEL, MESSAGE, "👍")));
        assertThat(sent.get("guild").isTextual()).isTrue();
        assertThat(sent.get("guild").asText()).isEqualTo("1234567890123456789");
        assertThat(sent.get("message").asText()).isEqualTo("555");

        JsonNode deleted = plain.readTree(codec.encode(new Action.DeleteScheduledEvent(GUILD, 1_300_000_000_000_000_001L)));
        assertThat(deleted.get("event").isTextual()).isTrue();
        assertThat(deleted.get("event").asText()).isEqualTo("1300000000000000001");
    }

    @Test
    void aMessagesMentionsTravelAsSnowflakeStringsAndAnOlderMessageWithoutThemPingsNoOne() throws IOException {
        MessageContent reminder = MessageContent.text("<@333> starts soon").withMentions(Mentions.users(List.of(USER)));
        JsonNode sent = plain.readTree(codec.encode(new Action.SendMessage(GUILD, CHANNEL, reminder)));
        assertThat(sent.at("/message/mentions/users/0").asText()).isEqualTo("333");
        assertThat(sent.at("/message/mentions/roles").isEmpty()).isTrue();

        Action older = codec.decodeAction(bytes("{\"type\":\"send_message\",\"guild\":\"1\",\"channel\":\"2\","
                + "\"message\":{\"content\":\"@everyone\",\"embeds\":[],\"buttons\":[]}}"));
        assertThat(((Action.SendMessage) older).message().mentions()).isEqualTo(Mentions.none());
    }

    @Test
    void unknownMissingOrClassNamedTypesAreRefused() {
        assertThatThrownBy(() -> codec.decodeAction(bytes("{\"type\":\"ban_everyone\",\"guild\":\"1\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ban_everyone");
        assertThatThrownBy(() -> codec.decodeAction(bytes("{\"guild\":\"1\",\"name\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decodeAction(bytes(
                "{\"type\":\"dev.guildhall.core.action.Action$CreateRole\",\"guild\":\"1\",\"name\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decodeAction(bytes("not json")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decodeAction(bytes("{\"type\":\"create_role\",\"guild\":\"0\",\"name\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsSurviveARoundTripWithTheCreatedIdAsAString() throws IOException {
        ActionResult created = ActionResult.created(1_300_000_000_000_000_123L);

        assertThat(codec.decodeResult(codec.encode(created))).isEqualTo(created);
        assertThat(codec.decodeResult(codec.encode(ActionResult.NONE))).isEqualTo(ActionResult.NONE);
        assertThat(plain.readTree(codec.encode(created)).get("created_id").asText()).isEqualTo("1300000000000000123");
        assertThatThrownBy(() -> codec.decodeResult(bytes("{\"created_id\":\"abc\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decodeResult(bytes("[]"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guildSnapshotsSurviveARoundTrip() {
        GuildSnapshot snapshot = new GuildSnapshot(GUILD, "Disc Golf Club",
                List.of(new GuildSnapshot.Channel(CHANNEL, "frolf-rounds")),
                List.of(new GuildSnapshot.Role(ROLE, "Frolf Editor"), new GuildSnapshot.Role(RoleId.of(446L), "Admin")));

        assertThat(codec.decodeSnapshot(codec.encode(snapshot))).isEqualTo(snapshot);
        assertThatThrownBy(() -> codec.decodeSnapshot(bytes("{\"id\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outboundActionsSurviveARoundTripWithTheirIds() {
        OutboundAction outbound = new OutboundAction("evt-7/3", new Action.DeleteRole(GUILD, ROLE));

        assertThat(codec.decodeOutbound(codec.encode(outbound))).isEqualTo(outbound);
        assertThatThrownBy(() -> codec.decodeOutbound(bytes("{\"action\":{}}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundAction("evt\r\n/1", new Action.DeleteRole(GUILD, ROLE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
