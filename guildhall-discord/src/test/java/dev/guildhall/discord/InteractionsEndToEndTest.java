package dev.guildhall.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.action.ModalSpec;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.emulator.InteractionOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.guildhall.discord.EmulatedDiscord.channelNamed;
import static dev.guildhall.discord.EmulatedDiscord.id;
import static dev.guildhall.discord.EmulatedDiscord.roleNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each test plays a member in the emulator (who waits for an answer) and the bot answering through the port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EmulatedDiscordExtension.class)
class InteractionsEndToEndTest {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final List<CommandSpec> COMMANDS = List.of(
            CommandSpec.of("setup", "Set up Guildhall", PermissionLevel.ADMIN),
            new CommandSpec("round", "Rounds", PermissionLevel.PLAYER, List.of(OptionSpec.subcommand("create",
                    "Create a round", List.of(OptionSpec.of("course", "Course", OptionSpec.Type.STRING, true),
                            OptionSpec.of("holes", "Holes", OptionSpec.Type.INTEGER, false))))));

    private final EmulatedDiscord discord;
    private final ExecutorService members = Executors.newVirtualThreadPerTaskExecutor();

    InteractionsEndToEndTest(EmulatedDiscord discord) {
        this.discord = discord;
    }

    @AfterAll
    void close() throws InterruptedException {
        members.shutdownNow();
        members.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A guild with the commands registered, the bot in it, and its owner. */
    private record Club(GuildId id, long channel, long owner, long adminRole) {}

    private Club club(String name) {
        JsonNode guild = discord.joinedGuild(name);
        GuildId id = GuildId.of(id(guild));
        discord.port().execute(new Action.SyncGuildCommands(id, COMMANDS));
        return new Club(id, channelNamed(guild, "general"), guild.get("owner_id").asLong(), roleNamed(guild, "Admin"));
    }

    private CompletableFuture<InteractionOutcome> asMember(Supplier<InteractionOutcome> act) {
        return CompletableFuture.supplyAsync(act, members);
    }

    private CompletableFuture<InteractionOutcome> invoke(Club club, long user, String command, Map<String, Object> options) {
        return asMember(() -> discord.control().invokeCommand(club.id().value(), club.channel(), user, command, options,
                ANSWER_WITHIN));
    }

    private InteractionEvent.SlashCommand awaitCommand(Club club, String name) {
        return discord.awaitEvent(club.id(), InteractionEvent.SlashCommand.class, e -> e.name().equals(name));
    }

    @Test
    void aSlashCommandArrivesWithItsSubcommandOptionsAndInvoker() throws Exception {
        Club club = club("Command Club");
        CompletableFuture<InteractionOutcome> outcome = invoke(club, club.owner(), "round create",
                Map.of("course", "Maple Hill", "holes", 18));

        InteractionEvent.SlashCommand command = awaitCommand(club, "round");
        discord.port().execute(new Action.Reply(club.id(), command.interaction(), MessageContent.text("ok"), true));

        assertThat(command.subcommand()).contains("create");
        assertThat(command.options()).containsExactlyInAnyOrderEntriesOf(Map.of("course", "Maple Hill", "holes", "18"));
        assertThat(command.interaction().id()).isEqualTo(outcome.get(15, TimeUnit.SECONDS).interactionId());
        assertThat(command.interaction().channel()).isEqualTo(ChannelId.of(club.channel()));
        assertThat(command.interaction().sourceMessage()).isEmpty();
        assertThat(command.invoker().user()).isEqualTo(UserId.of(club.owner()));
        assertThat(command.invoker().administrator()).isTrue();
        assertThat(command.invoker().roles()).contains(RoleId.of(club.adminRole()));
        var envelope = discord.awaitEnvelope(e -> e.event() == command, "the command's envelope");
        assertThat(envelope.id()).isEqualTo(command.interaction().id());
    }

    @Test
    void aPlainMemberIsNotAnAdministrator() throws Exception {
        Club club = club("Plain Club");
        long member = discord.control().addMember(club.id().value(), "plain", false, List.of());
        CompletableFuture<InteractionOutcome> outcome = invoke(club, member, "setup", Map.of());

        InteractionEvent.SlashCommand command = awaitCommand(club, "setup");
        discord.port().execute(new Action.Reply(club.id(), command.interaction(), MessageContent.text("no"), true));

        assertThat(command.invoker().user()).isEqualTo(UserId.of(member));
        assertThat(command.invoker().name()).isEqualTo("plain");
        assertThat(command.invoker().administrator()).isFalse();
        assertThat(command.invoker().roles()).isEmpty();
        assertThat(outcome.get(15, TimeUnit.SECONDS).response()).isPresent();
    }

    @Test
    void aReplyCarriesEmbedsAndButtonsAndIsPostedInTheChannel() throws Exception {
        Club club = club("Reply Club");
        CompletableFuture<InteractionOutcome> outcome = invoke(club, club.owner(), "setup", Map.of());
        InteractionEvent.SlashCommand command = awaitCommand(club, "setup");
        MessageContent message = new MessageContent("Setup done", List.of(new Embed("Guildhall", "All set",
                List.of(new Embed.Field("Prefix", "frolf", true)), 0x3498DB)),
                List.of(new ButtonSpec("again", "Again", ButtonSpec.Style.PRIMARY)));

        discord.port().execute(new Action.Reply(club.id(), command.interaction(), message, false));

        JsonNode response = outcome.get(15, TimeUnit.SECONDS).response().orElseThrow();
        assertThat(response.get("type").asInt()).isEqualTo(4);
        JsonNode data = response.get("data");
        assertThat(data.get("content").asText()).isEqualTo("Setup done");
        assertThat(data.get("embeds").get(0).get("title").asText()).isEqualTo("Guildhall");
        assertThat(data.get("embeds").get(0).get("fields").get(0).get("value").asText()).isEqualTo("frolf");
        assertThat(data.get("components").get(0).get("components").get(0).get("custom_id").asText()).isEqualTo("again");
        assertThat(data.path("flags").asInt(0) & 64).isZero();
        assertThat(discord.control().messages(club.channel()))
                .anySatisfy(m -> assertThat(m.get("content").asText()).isEqualTo("Setup done"));
    }

    @Test
    void anEphemeralReplyIsFlaggedAndNotPostedInTheChannel() throws Exception {
        Club club = club("Ephemeral Club");
        CompletableFuture<InteractionOutcome> outcome = invoke(club, club.owner(), "setup", Map.of());
        InteractionEvent.SlashCommand command = awaitCommand(club, "setup");

        discord.port().execute(new Action.Reply(club.id(), command.interaction(), MessageContent.text("psst"), true));

        JsonNode response = outcome.get(15, TimeUnit.SECONDS).response().orElseThrow();
        assertThat(response.get("type").asInt()).isEqualTo(4);
        assertThat(response.get("data").get("flags").asInt() & 64).isEqualTo(64);
        assertThat(discord.control().messages(club.channel()))
                .noneSatisfy(m -> assertThat(m.get("content").asText()).isEqualTo("psst"));
    }

    @Test
    void aSecondReplyEditsTheOriginalResponse() throws Exception {
        Club club = club("Edit Club");
        CompletableFuture<InteractionOutcome> outcome = invoke(club, club.owner(), "setup", Map.of());
        InteractionEvent.SlashCommand command = awaitCommand(club, "setup");
        discord.port().execute(new Action.Reply(club.id(), command.interaction(), MessageContent.text("working…"), false));
        String interactionId = outcome.get(15, TimeUnit.SECONDS).interactionId();

        discord.port().execute(new Action.Reply(club.id(), command.interaction(), MessageContent.text("done"), false));

        InteractionOutcome after = discord.control().interaction(interactionId);
        assertThat(after.original()).hasValueSatisfying(m -> assertThat(m.get("content").asText()).isEqualTo("done"));
        assertThat(after.response().orElseThrow().get("data").get("content").asText()).isEqualTo("working…");
    }

    @Test
    void aModalOpensAndItsSubmitArrivesWithTheTypedValues() throws Exception {
        Club club = club("Modal Club");
        CompletableFuture<InteractionOutcome> opened = invoke(club, club.owner(), "setup", Map.of());
        InteractionEvent.SlashCommand command = awaitCommand(club, "setup");
        ModalSpec modal = new ModalSpec("setup-form", "Set up Guildhall", List.of(
                new ModalSpec.TextInput("prefix", "Channel prefix", false, true, "frolf", 1, 20),
                new ModalSpec.TextInput("signup", "Signup message", true, false, "", 0, 400)));

        discord.port().execute(new Action.ShowModal(club.id(), command.interaction(), modal));

        JsonNode response = opened.get(15, TimeUnit.SECONDS).response().orElseThrow();
        assertThat(response.get("type").asInt()).isEqualTo(9);
        assertThat(response.get("data").get("custom_id").asText()).isEqualTo("setup-form");
        assertThat(response.get("data").get("title").asText()).isEqualTo("Set up Guildhall");
        JsonNode firstLabel = response.get("data").get("components").get(0);
        assertThat(firstLabel.get("label").asText()).isEqualTo("Channel prefix");
        assertThat(firstLabel.get("component").get("custom_id").asText()).isEqualTo("prefix");

        CompletableFuture<InteractionOutcome> submitted = asMember(() -> discord.control().submitModal(club.id().value(),
                club.channel(), club.owner(), "setup-form", Map.of("prefix", "disc", "signup", "Join us!"), ANSWER_WITHIN));
        InteractionEvent.ModalSubmitted submit = discord.awaitEvent(club.id(), InteractionEvent.ModalSubmitted.class,
                e -> e.customId().equals("setup-form"));
        discord.port().execute(new Action.Reply(club.id(), submit.interaction(), MessageContent.text("saved"), true));

        assertThat(submit.values()).containsExactlyInAnyOrderEntriesOf(Map.of("prefix", "disc", "signup", "Join us!"));
        assertThat(submit.invoker().user()).isEqualTo(UserId.of(club.owner()));
        assertThat(submitted.get(15, TimeUnit.SECONDS).response().orElseThrow().get("type").asInt()).isEqualTo(4);
    }

    @Test
    void aModalSubmitCannotBeAnsweredWithAnotherModal() throws Exception {
        Club club = club("Modal Twice Club");
        invoke(club, club.owner(), "setup", Map.of());
        InteractionEvent.SlashCommand command = awaitCommand(club, "setup");
        ModalSpec modal = new ModalSpec("form", "Form", List.of(
                new ModalSpec.TextInput("x", "X", false, true, "", 0, 0)));
        discord.port().execute(new Action.ShowModal(club.id(), command.interaction(), modal));
        CompletableFuture<InteractionOutcome> submitted = asMember(() -> discord.control().submitModal(club.id().value(),
                club.channel(), club.owner(), "form", Map.of("x", "1"), ANSWER_WITHIN));
        InteractionEvent.ModalSubmitted submit = discord.awaitEvent(club.id(), InteractionEvent.ModalSubmitted.class,
                e -> e.customId().equals("form"));

        assertThatThrownBy(() -> discord.port().execute(new Action.ShowModal(club.id(), submit.interaction(), modal)))
                .isInstanceOfSatisfying(DiscordCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(DiscordCallException.Kind.INVALID_REQUEST));
        discord.port().execute(new Action.Reply(club.id(), submit.interaction(), MessageContent.text("ok"), true));
        assertThat(submitted.get(15, TimeUnit.SECONDS).response()).isPresent();
    }

    @Test
    void aButtonClickArrivesAndUpdatingTheSourceMessageEditsIt() throws Exception {
        Club club = club("Button Club");
        long message = discord.port().execute(new Action.SendMessage(club.id(), ChannelId.of(club.channel()),
                MessageContent.text("Round on Sunday").withButtons(List.of(
                        new ButtonSpec("rsvp:yes", "Going", ButtonSpec.Style.SUCCESS))))).requireCreatedId();

        CompletableFuture<InteractionOutcome> clicked = asMember(() -> discord.control().clickButton(club.id().value(),
                club.channel(), message, club.owner(), "rsvp:yes", ANSWER_WITHIN));
        InteractionEvent.ButtonClicked click = discord.awaitEvent(club.id(), InteractionEvent.ButtonClicked.class,
                e -> e.customId().equals("rsvp:yes"));
        discord.port().execute(new Action.UpdateSourceMessage(club.id(), click.interaction(),
                MessageContent.text("Round on Sunday: 1 going")));

        assertThat(click.interaction().sourceMessage()).contains(MessageId.of(message));
        assertThat(click.invoker().user()).isEqualTo(UserId.of(club.owner()));
        assertThat(clicked.get(15, TimeUnit.SECONDS).response().orElseThrow().get("type").asInt()).isEqualTo(7);
        JsonNode edited = discord.control().messages(club.channel()).stream()
                .filter(m -> m.get("id").asLong() == message).findFirst().orElseThrow();
        assertThat(edited.get("content").asText()).isEqualTo("Round on Sunday: 1 going");
        assertThat(edited.path("components").size()).isZero();
    }

    @Test
    void answeringAnUnknownInteractionSaysItExpired() {
        InteractionRef unknown = new InteractionRef("1234567890", ChannelId.of(1L), Optional.empty());

        assertThatThrownBy(() -> discord.port().execute(new Action.Reply(GuildId.of(1L), unknown,
                MessageContent.text("late"), false)))
                .isInstanceOfSatisfying(DiscordCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(DiscordCallException.Kind.INTERACTION_EXPIRED));
    }
}
