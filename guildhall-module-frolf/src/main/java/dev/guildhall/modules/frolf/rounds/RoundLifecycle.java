package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.Mentions;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.Timers;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.modules.frolf.FrolfSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Creating, editing and deleting rounds, and the reminder before the start. */
final class RoundLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RoundLifecycle.class);
    static final String REMINDER_TIMER = "frolf:round:reminder";
    static final String START_TIMER = "frolf:round:start";
    /** Discord needs an end for an event held at an external place; a round of 18 holes takes about this long. */
    static final Duration EXPECTED_LENGTH = Duration.ofHours(3);

    private final RoundRepository rounds;
    private final Timers timers;
    private final Clock clock;

    RoundLifecycle(RoundRepository rounds, Timers timers, Clock clock) {
        this.rounds = rounds;
        this.timers = timers;
        this.clock = clock;
    }

    void create(ModuleContext context, ModalSubmitted submit, FrolfSettings settings) {
        RoundDraft draft = RoundForm.draft(submit, settings.timezone(), clock.instant());
        ChannelId channel = eventsChannel(context);
        Round round = rounds.create(context.guild(), draft, submit.invoker().user(), channel, clock.instant());
        MessageId message;
        try {
            message = MessageId.of(context.act(new Action.SendMessage(context.guild(), channel,
                    RoundEmbeds.of(round, List.of()))).requireCreatedId());
        } catch (DiscordCallException e) {
            // Not left to the transaction: RoundsFeature answers a refused interaction with a reply, so the envelope
            // commits, and without this the round would stand with no embed.
            rounds.delete(context.guild(), round.id());
            throw e;
        }
        Optional<Long> event = createScheduledEvent(context, round);
        round = round.withPosted(message, event);
        rounds.update(round);
        scheduleTimers(context, round, settings);
        context.replyEphemeral(submit, "Round #" + round.id() + " is posted in <#" + channel + ">.");
    }

    void showEdit(ModuleContext context, InteractionEvent command, long id, FrolfSettings settings) {
        Round round = editable(context, command, id, "edit");
        context.act(new Action.ShowModal(context.guild(), command.interaction(), RoundForm.edit(round, settings.timezone())));
    }

    void edit(ModuleContext context, ModalSubmitted submit, long id, FrolfSettings settings) {
        Round round = editable(context, submit, id, "edit");
        RoundDraft draft = RoundForm.draft(submit, settings.timezone(), clock.instant());
        Round edited = round.withDraft(draft);
        rounds.update(edited);
        edited.message().ifPresent(message -> context.act(new Action.EditMessage(context.guild(), edited.channel(),
                message, RoundEmbeds.of(edited, rounds.participants(context.guild(), id)))));
        edited.scheduledEvent().ifPresent(event -> context.act(new Action.EditScheduledEvent(context.guild(), event,
                draft.title(), eventDescription(draft), draft.location(), draft.start(),
                draft.start().plus(EXPECTED_LENGTH))));
        scheduleTimers(context, edited, settings);
        context.replyEphemeral(submit, "Round #" + id + " is updated.");
    }

    void delete(ModuleContext context, InteractionEvent command, long id) {
        Round round = find(context, id);
        requireCreatorOrEditor(context, command, round, "delete");
        if (round.status() == RoundStatus.FINALIZED) {
            throw new RoundException(RoundException.Kind.WRONG_STATE,
                    "Round #" + id + " is final and its results count for tags, so it stays.");
        }
        timers.cancel(context.guild(), REMINDER_TIMER, String.valueOf(id));
        timers.cancel(context.guild(), START_TIMER, String.valueOf(id));
        round.message().ifPresent(message -> ignoreMissing(() -> context.act(
                new Action.DeleteMessage(context.guild(), round.channel(), message))));
        round.scheduledEvent().ifPresent(event -> ignoreMissing(() -> context.act(
                new Action.DeleteScheduledEvent(context.guild(), event))));
        rounds.delete(context.guild(), id);
        context.replyEphemeral(command, "Round #" + id + " is deleted, with its embed and its scheduled event.");
    }

    /** Posts the reminder once: a thread on the round's embed, mentioning everyone who accepted. */
    void remind(ModuleContext context, long id) {
        Optional<Round> found = rounds.find(context.guild(), id);
        if (found.isEmpty() || found.get().status() != RoundStatus.SCHEDULED || found.get().remindedAt().isPresent()
                || found.get().message().isEmpty()) {
            return;
        }
        Round round = found.get();
        String accepted = rounds.participants(context.guild(), id).stream()
                .filter(p -> p.rsvp() == Rsvp.ACCEPTED)
                .map(p -> RoundEmbeds.mention(p.user()))
                .collect(Collectors.joining(" "));
        ChannelId thread = round.thread().orElseGet(() -> {
            ChannelId started = ChannelId.of(context.act(new Action.StartThread(context.guild(), round.channel(),
                    round.message().get(), threadName(round))).requireCreatedId());
            // If the reminder post fails, this rolls back with it; the retried timer event asks for the thread under
            // the same action id, so it gets this thread back instead of starting a second.
            rounds.update(round.withThread(started));
            return started;
        });
        long start = round.draft().start().getEpochSecond();
        String text = (accepted.isEmpty() ? "Nobody has accepted yet." : accepted) + " Reminder: **"
                + round.draft().title() + "** starts <t:" + start + ":R>"
                + (round.draft().location().isBlank() ? "" : " at " + round.draft().location()) + ".";
        context.act(new Action.SendMessage(context.guild(), thread, MessageContent.text(text).withMentions(Mentions.users(
                rounds.participants(context.guild(), id).stream().filter(p -> p.rsvp() == Rsvp.ACCEPTED).map(Participant::user).toList()))));
        rounds.update(round.reminded(thread, clock.instant()));
    }

    private void scheduleTimers(ModuleContext context, Round round, FrolfSettings settings) {
        Instant now = clock.instant();
        Instant remindAt = round.draft().start().minus(settings.reminderLead());
        String key = String.valueOf(round.id());
        if (round.remindedAt().isEmpty()) {
            timers.schedule(context.guild(), REMINDER_TIMER, key, remindAt.isBefore(now) ? now : remindAt);
        }
        timers.schedule(context.guild(), START_TIMER, key, round.draft().start());
    }

    private Optional<Long> createScheduledEvent(ModuleContext context, Round round) {
        RoundDraft draft = round.draft();
        try {
            return context.act(new Action.CreateScheduledEvent(context.guild(), draft.title(), eventDescription(draft),
                    draft.location().isBlank() ? "Disc golf" : draft.location(), draft.start(),
                    draft.start().plus(EXPECTED_LENGTH))).createdId();
        } catch (DiscordCallException e) {
            // The round stands without it: the embed is what members use.
            log.warn("could not create the scheduled event of round {}: {}", round.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private Round editable(ModuleContext context, InteractionEvent interaction, long id, String verb) {
        Round round = find(context, id);
        requireCreatorOrEditor(context, interaction, round, verb);
        if (round.status() != RoundStatus.SCHEDULED) {
            throw new RoundException(RoundException.Kind.WRONG_STATE, "Round #" + id + " has started, so it cannot be "
                    + verb + "ed.");
        }
        return round;
    }

    private Round find(ModuleContext context, long id) {
        return rounds.find(context.guild(), id).orElseThrow(() -> new RoundException(RoundException.Kind.NOT_FOUND,
                "There is no round #" + id + " in this server."));
    }

    /** The one rule the dispatcher cannot check: it depends on who created the round. */
    static void requireCreatorOrEditor(ModuleContext context, InteractionEvent interaction, Round round, String verb) {
        if (!round.creator().equals(interaction.invoker().user())
                && !context.invokerLevel().allows(PermissionLevel.EDITOR)) {
            throw new RoundException(RoundException.Kind.NOT_ALLOWED, "Only the creator of round #" + round.id()
                    + " or an editor may " + verb + " it.");
        }
    }

    private static ChannelId eventsChannel(ModuleContext context) {
        return context.config().filter(GuildConfig::isConfigured).flatMap(c -> c.channel(FrolfResources.EVENTS.key()))
                .map(c -> ChannelId.of(c.id()))
                .orElseThrow(() -> new RoundException(RoundException.Kind.NOT_SET_UP,
                        "This server has no events channel yet: an administrator should run /setup."));
    }

    private static String eventDescription(RoundDraft draft) {
        return draft.description().isBlank() ? "Disc golf round" : draft.description();
    }

    private static String threadName(Round round) {
        String name = "Round #" + round.id() + ": " + round.draft().title();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static void ignoreMissing(Runnable call) {
        try {
            call.run();
        } catch (DiscordCallException e) {
            if (e.kind() != DiscordCallException.Kind.NOT_FOUND) throw e;
        }
    }
}
