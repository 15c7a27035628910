package dev.guildhall.examples.poll;

import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A small example feature: {@code /poll question option1 option2} posts the question with one button per option;
 * each member's click counts as their vote (a second click changes it), kept in the module's own tables.
 */
final class PollModule implements GuildModule {
    static final String ID = "poll";
    static final String VERSION = "1.0.0";
    private static final String VOTE = ID + ":vote:";

    private final PollStorage storage;

    PollModule(PollStorage storage) {
        this.storage = storage;
    }

    @Override public String id() { return ID; }

    @Override public String description() { return "Quick polls with buttons"; }

    @Override public String version() { return VERSION; }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("poll", "Ask the guild a question with two answers", PermissionLevel.EVERYONE,
                List.of(OptionSpec.of("question", "What to ask", OptionSpec.Type.STRING, true),
                        OptionSpec.of("option1", "The first answer", OptionSpec.Type.STRING, true),
                        OptionSpec.of("option2", "The second answer", OptionSpec.Type.STRING, true))));
    }

    @Override
    public List<ComponentSpec> components() {
        return List.of(new ComponentSpec(VOTE, PermissionLevel.EVERYONE));
    }

    @Override
    public Optional<String> migrations() {
        return Optional.of("db/modules/poll");
    }

    /** The platform's retention calls this 30 days after the guild is gone, or /reset asks for it. */
    @Override
    public void purgeGuild(GuildId guild) {
        try {
            storage.purge(guild);
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge the polls of guild " + guild, e);
        }
    }

    @Override
    public void handle(ModuleContext context, GuildEvent event) throws Exception {
        if (event instanceof InteractionEvent.SlashCommand command && command.name().equals("poll")) {
            ask(context, command);
        } else if (event instanceof InteractionEvent.ButtonClicked click && click.customId().startsWith(VOTE)) {
            vote(context, click);
        }
    }

    private void ask(ModuleContext context, InteractionEvent.SlashCommand command) throws Exception {
        String question = command.option("question").orElse("").strip();
        String option1 = command.option("option1").orElse("").strip();
        String option2 = command.option("option2").orElse("").strip();
        if (question.isEmpty() || question.length() > 200 || option1.isEmpty() || option1.length() > 80
                || option2.isEmpty() || option2.length() > 80) {
            context.replyEphemeral(command, "A poll needs a question (up to 200 characters) and two answers (up to 80).");
            return;
        }
        // the interaction's id is a snowflake: unique, and short enough for the buttons' custom ids
        String pollId = command.interaction().id();
        storage.create(context.guild(), new PollStorage.Poll(pollId, question, option1, option2));
        context.reply(command, MessageContent.text("**" + question + "** (poll " + VERSION + ")").withButtons(List.of(
                new ButtonSpec(VOTE + pollId + ":1", option1, ButtonSpec.Style.PRIMARY),
                new ButtonSpec(VOTE + pollId + ":2", option2, ButtonSpec.Style.SECONDARY))), false);
    }

    private void vote(ModuleContext context, InteractionEvent.ButtonClicked click) throws Exception {
        String[] parts = click.customId().substring(VOTE.length()).split(":");
        Optional<PollStorage.Poll> poll = parts.length == 2 && (parts[1].equals("1") || parts[1].equals("2"))
                ? storage.find(context.guild(), parts[0]) : Optional.empty();
        if (poll.isEmpty()) {
            context.replyEphemeral(click, "This poll is over.");
            return;
        }
        int choice = Integer.parseInt(parts[1]);
        storage.vote(context.guild(), poll.get().id(), click.invoker().user(), choice);
        PollStorage.Tally tally = storage.tally(context.guild(), poll.get().id());
        context.replyEphemeral(click, "You voted for " + (choice == 1 ? poll.get().option1() : poll.get().option2())
                + ". " + poll.get().option1() + ": " + tally.option1() + ", " + poll.get().option2() + ": "
                + tally.option2());
    }
}
