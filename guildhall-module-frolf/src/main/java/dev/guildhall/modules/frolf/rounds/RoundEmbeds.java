package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.EmbedFields;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.id.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The round's embed: what, when, where, who answered what, and the buttons that fit the round's status. */
final class RoundEmbeds {
    static final String RSVP_PREFIX = "frolf:rsvp:";
    static final String JOIN_PREFIX = "frolf:round:join:";
    private static final int SCHEDULED_COLOR = 0x3498DB;
    private static final int IN_PROGRESS_COLOR = 0xF1C40F;
    private static final int FINALIZED_COLOR = 0x2ECC71;

    private RoundEmbeds() {}

    /** The round's embed within Discord's limits however many players answered: long lists continue, then count. */
    static MessageContent of(Round round, List<Participant> participants) {
        List<Embed.Field> fields = new ArrayList<>();
        long start = round.draft().start().getEpochSecond();
        fields.add(new Embed.Field("Start", "<t:" + start + ":F> (<t:" + start + ":R>)", true));
        fields.add(new Embed.Field("Location", orDash(round.draft().location()), true));
        fields.add(new Embed.Field("Status", statusText(round.status()), true));
        String title = EmbedFields.cut("Round #" + round.id() + ": " + round.draft().title(), 256);
        String description = EmbedFields.cut(round.draft().description(), 2000) + "\nCreated by <@" + round.creator()
                + ">";
        Embed head = new Embed(title, description, fields, color(round.status()));
        int budget = EmbedFields.EMBED_LIMIT - EmbedFields.length(head);
        if (round.status() == RoundStatus.FINALIZED) {
            fields.addAll(EmbedFields.lines("Results", results(participants), budget));
        } else {
            for (Rsvp rsvp : Rsvp.values()) {
                List<Participant> who = participants.stream().filter(p -> p.rsvp() == rsvp).toList();
                // keep room for the lists still to come: at least their name and a count
                int later = Rsvp.values().length - 1 - rsvp.ordinal();
                List<Embed.Field> list = EmbedFields.lines(label(rsvp) + " (" + who.size() + ")",
                        lines(who, round.status()), budget - later * 64);
                fields.addAll(list);
                budget -= list.stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
            }
        }
        return MessageContent.embed(new Embed(title, description, fields, color(round.status())))
                .withButtons(buttons(round));
    }

    /** One line per finisher, best first (competition ranking), then those who did not finish. */
    static List<String> results(List<Participant> participants) {
        List<Participant> finishers = participants.stream().filter(p -> p.rsvp() == Rsvp.ACCEPTED).toList();
        if (finishers.isEmpty()) return List.of("No players.");
        List<Participant> scored = finishers.stream().filter(p -> p.score().isPresent())
                .sorted(Comparator.comparing((Participant p) -> p.score().get())).toList();
        List<String> lines = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < scored.size(); i++) {
            // Competition ranking: players level on score share a rank, and the next rank skips (1, 1, 3).
            if (i == 0 || !scored.get(i).score().equals(scored.get(i - 1).score())) rank = i + 1;
            lines.add(rank + ". " + mention(scored.get(i).user()) + " " + relative(scored.get(i).score().get()));
        }
        finishers.stream().filter(p -> p.score().isEmpty()).forEach(p -> lines.add("DNF " + mention(p.user())));
        return lines;
    }

    private static List<ButtonSpec> buttons(Round round) {
        return switch (round.status()) {
            case SCHEDULED -> List.of(
                    new ButtonSpec(RSVP_PREFIX + "accept:" + round.id(), "Accept", ButtonSpec.Style.SUCCESS),
                    new ButtonSpec(RSVP_PREFIX + "tentative:" + round.id(), "Tentative", ButtonSpec.Style.SECONDARY),
                    new ButtonSpec(RSVP_PREFIX + "decline:" + round.id(), "Decline", ButtonSpec.Style.DANGER));
            case IN_PROGRESS -> List.of(
                    new ButtonSpec(RoundForm.SCORE_PREFIX + round.id(), "Enter score", ButtonSpec.Style.PRIMARY),
                    new ButtonSpec(JOIN_PREFIX + round.id(), "Join late", ButtonSpec.Style.SECONDARY));
            case FINALIZED -> List.of(
                    new ButtonSpec(RoundForm.OVERRIDE_PREFIX + round.id(), "Override score", ButtonSpec.Style.SECONDARY));
        };
    }

    private static List<String> lines(List<Participant> who, RoundStatus status) {
        return who.stream().map(p -> mention(p.user()) + (status == RoundStatus.IN_PROGRESS
                        ? p.score().map(s -> " " + relative(s)).orElse("") : ""))
                .toList();
    }

    static String relative(int score) {
        return score == 0 ? "E" : score > 0 ? "+" + score : String.valueOf(score);
    }

    static String mention(UserId user) {
        return "<@" + user + ">";
    }

    private static String label(Rsvp rsvp) {
        return switch (rsvp) {
            case ACCEPTED -> "Accepted";
            case TENTATIVE -> "Tentative";
            case DECLINED -> "Declined";
        };
    }

    private static String statusText(RoundStatus status) {
        return switch (status) {
            case SCHEDULED -> "Scheduled";
            case IN_PROGRESS -> "In progress: enter your score";
            case FINALIZED -> "Final";
        };
    }

    private static int color(RoundStatus status) {
        return switch (status) {
            case SCHEDULED -> SCHEDULED_COLOR;
            case IN_PROGRESS -> IN_PROGRESS_COLOR;
            case FINALIZED -> FINALIZED_COLOR;
        };
    }

    private static String orDash(String text) {
        return text.isBlank() ? "-" : text;
    }

    static Optional<Integer> scoreOf(List<Participant> participants, UserId user) {
        return participants.stream().filter(p -> p.user().equals(user)).findFirst().flatMap(Participant::score);
    }
}
