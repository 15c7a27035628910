package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.event.InteractionEvent.ButtonClicked;
import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.modules.frolf.FrolfSettings;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** RSVPs, the start, scores, late joins, finalizing and the editor's score override. */
final class RoundPlay {
    private final RoundRepository rounds;
    private final Clock clock;
    private final RoundResultsListener results;

    RoundPlay(RoundRepository rounds, Clock clock, RoundResultsListener results) {
        this.rounds = rounds;
        this.clock = clock;
        this.results = results;
    }

    void rsvp(ModuleContext context, ButtonClicked click) {
        Round round = find(context, RoundForm.roundOf(click.customId()));
        if (round.status() != RoundStatus.SCHEDULED) {
            throw new RoundException(RoundException.Kind.WRONG_STATE, "Round #" + round.id()
                    + " has started: use Join late to play.");
        }
        String[] parts = click.customId().split(":");
        String answer = parts.length == 4 ? parts[2] : "";
        Rsvp rsvp = switch (answer) {
            case "accept" -> Rsvp.ACCEPTED;
            case "tentative" -> Rsvp.TENTATIVE;
            case "decline" -> Rsvp.DECLINED;
            default -> throw new RoundException(RoundException.Kind.INVALID_INPUT, "Unknown answer: " + answer);
        };
        rounds.setRsvp(context.guild(), round.id(), click.invoker().user(), rsvp, clock.instant());
        context.act(new Action.UpdateSourceMessage(context.guild(), click.interaction(),
                RoundEmbeds.of(round, rounds.participants(context.guild(), round.id()))));
    }

    /** At the start time the round opens for scores; run once, as a replayed timer finds it already started. */
    void start(ModuleContext context, long id) {
        Optional<Round> found = rounds.find(context.guild(), id);
        if (found.isEmpty() || found.get().status() != RoundStatus.SCHEDULED) return;
        Round started = found.get().started();
        rounds.update(started);
        refreshEmbed(context, started);
    }

    void showScore(ModuleContext context, ButtonClicked click) {
        Round round = inProgress(context, RoundForm.roundOf(click.customId()));
        Optional<Integer> current = RoundEmbeds.scoreOf(rounds.participants(context.guild(), round.id()),
                click.invoker().user());
        context.act(new Action.ShowModal(context.guild(), click.interaction(), RoundForm.score(round.id(), current)));
    }

    void enterScore(ModuleContext context, ModalSubmitted submit, FrolfSettings settings) {
        Round round = inProgress(context, RoundForm.roundOf(submit.customId()));
        int score = RoundForm.score(submit, false).orElseThrow();
        rounds.setScore(context.guild(), round.id(), submit.invoker().user(), Optional.of(score), clock.instant());
        List<Participant> participants = rounds.participants(context.guild(), round.id());
        boolean complete = participants.stream().filter(p -> p.rsvp() == Rsvp.ACCEPTED)
                .allMatch(p -> p.score().isPresent());
        if (complete) {
            Round finalized = round.finalized(clock.instant());
            rounds.update(finalized);
            refreshEmbed(context, finalized, participants);
            context.replyEphemeral(submit, "Your score " + RoundEmbeds.relative(score) + " is in, and round #"
                    + round.id() + " is final.");
            results.resultsChanged(context, settings, finalized, participants);
        } else {
            refreshEmbed(context, round, participants);
            context.replyEphemeral(submit, "Your score " + RoundEmbeds.relative(score) + " is in for round #"
                    + round.id() + ".");
        }
    }

    void joinLate(ModuleContext context, ButtonClicked click) {
        Round round = inProgress(context, RoundForm.roundOf(click.customId()));
        rounds.setRsvp(context.guild(), round.id(), click.invoker().user(), Rsvp.ACCEPTED, clock.instant());
        context.act(new Action.UpdateSourceMessage(context.guild(), click.interaction(),
                RoundEmbeds.of(round, rounds.participants(context.guild(), round.id()))));
    }

    void showOverride(ModuleContext context, ButtonClicked click) {
        Round round = finalized(context, RoundForm.roundOf(click.customId()));
        context.act(new Action.ShowModal(context.guild(), click.interaction(), RoundForm.override(round.id())));
    }

    /** An editor's correction after the round is final: the results are recomputed from scratch, never re-applied. */
    void override(ModuleContext context, ModalSubmitted submit, FrolfSettings settings) {
        Round round = finalized(context, RoundForm.roundOf(submit.customId()));
        UserId player = RoundForm.player(submit);
        Optional<Integer> score = RoundForm.score(submit, true);
        rounds.setScore(context.guild(), round.id(), player, score, clock.instant());
        List<Participant> participants = rounds.participants(context.guild(), round.id());
        refreshEmbed(context, round, participants);
        context.replyEphemeral(submit, "Round #" + round.id() + ": " + RoundEmbeds.mention(player) + " now has "
                + score.map(RoundEmbeds::relative).orElse("no score (DNF)") + "; results are recomputed.");
        results.resultsChanged(context, settings, round, participants);
    }

    private void refreshEmbed(ModuleContext context, Round round) {
        refreshEmbed(context, round, rounds.participants(context.guild(), round.id()));
    }

    private static void refreshEmbed(ModuleContext context, Round round, List<Participant> participants) {
        round.message().ifPresent(message -> context.act(new Action.EditMessage(context.guild(), round.channel(),
                message, RoundEmbeds.of(round, participants))));
    }

    private Round inProgress(ModuleContext context, long id) {
        Round round = find(context, id);
        if (round.status() != RoundStatus.IN_PROGRESS) {
            throw new RoundException(RoundException.Kind.WRONG_STATE, "Round #" + id + " is "
                    + (round.status() == RoundStatus.SCHEDULED ? "not started yet" : "final: an editor can override scores")
                    + ".");
        }
        return round;
    }

    private Round finalized(ModuleContext context, long id) {
        Round round = find(context, id);
        if (round.status() != RoundStatus.FINALIZED) {
            throw new RoundException(RoundException.Kind.WRONG_STATE, "Round #" + id + " is not final yet: scores are "
                    + round.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        return round;
    }

    private Round find(ModuleContext context, long id) {
        return rounds.find(context.guild(), id).orElseThrow(() -> new RoundException(RoundException.Kind.NOT_FOUND,
                "There is no round #" + id + " in this server."));
    }
}
