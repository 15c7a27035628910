package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.action.ModalSpec;
import dev.guildhall.core.action.ModalSpec.TextInput;
import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The round modals (create, edit, score, score override) and the checks on what members type into them. */
final class RoundForm {
    static final String CREATE_ID = "frolf:round:create";
    static final String EDIT_PREFIX = "frolf:round:edit:";
    static final String SCORE_PREFIX = "frolf:score:enter:";
    static final String OVERRIDE_PREFIX = "frolf:score:override:";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String START = "start";
    static final String LOCATION = "location";
    static final String SCORE = "score";
    static final String PLAYER = "player";
    static final int MIN_SCORE = -36;
    static final int MAX_SCORE = 72;

    private static final DateTimeFormatter START_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d{1,20})>|(\\d{1,20})");

    private RoundForm() {}

    static ModalSpec create(String defaultLocation) {
        return new ModalSpec(CREATE_ID, "New round", inputs("", "", "", defaultLocation));
    }

    static ModalSpec edit(Round round, ZoneId zone) {
        RoundDraft draft = round.draft();
        return new ModalSpec(EDIT_PREFIX + round.id(), "Edit round #" + round.id(), inputs(draft.title(),
                draft.description(), START_FORMAT.format(LocalDateTime.ofInstant(draft.start(), zone)), draft.location()));
    }

    private static List<TextInput> inputs(String title, String description, String start, String location) {
        return List.of(
                new TextInput(TITLE, "Title", false, true, title, 1, RoundDraft.MAX_TITLE),
                new TextInput(DESCRIPTION, "Description", true, false, description, 0, 1000),
                new TextInput(START, "Start (YYYY-MM-DD HH:MM)", false, true, start, 16, 16),
                new TextInput(LOCATION, "Location", false, false, location, 0, 100));
    }

    static ModalSpec score(long round, Optional<Integer> current) {
        return new ModalSpec(SCORE_PREFIX + round, "Your score, round #" + round, List.of(new TextInput(SCORE,
                "Score relative to par (" + MIN_SCORE + " to " + MAX_SCORE + ")", false, true,
                current.map(String::valueOf).orElse(""), 1, 3)));
    }

    static ModalSpec override(long round) {
        return new ModalSpec(OVERRIDE_PREFIX + round, "Override a score, round #" + round, List.of(
                new TextInput(PLAYER, "Player (user id or mention)", false, true, "", 1, 40),
                new TextInput(SCORE, "Score relative to par; empty = did not finish", false, false, "", 0, 3)));
    }

    /** The draft the modal describes, or every problem found, each naming its field. */
    static RoundDraft draft(ModalSubmitted submit, ZoneId zone, Instant now) {
        List<String> problems = new ArrayList<>();
        String title = submit.value(TITLE).strip();
        if (title.isEmpty() || title.length() > RoundDraft.MAX_TITLE) {
            problems.add("title: 1 to " + RoundDraft.MAX_TITLE + " characters");
        }
        Instant start = null;
        String startText = submit.value(START).strip();
        try {
            start = LocalDateTime.parse(startText, START_FORMAT).atZone(zone).toInstant();
            if (!start.isAfter(now)) problems.add("start: must be in the future (" + zone.getId() + " time)");
        } catch (DateTimeParseException e) {
            problems.add("start: a date and time as YYYY-MM-DD HH:MM, such as 2026-06-01 18:30 (got '" + startText + "')");
        }
        if (!problems.isEmpty()) throw invalid(problems);
        return new RoundDraft(title, submit.value(DESCRIPTION).strip(), submit.value(LOCATION).strip(), start);
    }

    /** A score relative to par; empty text is allowed only when {@code blankMeansDnf}. */
    static Optional<Integer> score(ModalSubmitted submit, boolean blankMeansDnf) {
        String text = submit.value(SCORE).strip();
        if (text.isEmpty() && blankMeansDnf) return Optional.empty();
        try {
            int score = Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
            if (score >= MIN_SCORE && score <= MAX_SCORE) return Optional.of(score);
        } catch (NumberFormatException e) {
            // falls through to the same message as an out-of-range number
        }
        throw invalid(List.of("score: a whole number from " + MIN_SCORE + " to " + MAX_SCORE
                + " (strokes relative to par; got '" + text + "')"));
    }

    static UserId player(ModalSubmitted submit) {
        String text = submit.value(PLAYER).strip();
        Matcher matcher = MENTION.matcher(text);
        if (matcher.matches()) {
            try {
                return UserId.parse(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            } catch (IllegalArgumentException e) {
                // same message below
            }
        }
        throw invalid(List.of("player: a user id or a mention such as <@123456789012345678> (got '" + text + "')"));
    }

    /** The round number at the end of a custom id such as {@code frolf:rsvp:accept:12}. */
    static long roundOf(String customId) {
        try {
            return Long.parseLong(customId.substring(customId.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw new RoundException(RoundException.Kind.NOT_FOUND, "That round no longer exists.");
        }
    }

    private static RoundException invalid(List<String> problems) {
        return new RoundException(RoundException.Kind.INVALID_INPUT, "Not saved: " + String.join("; ", problems));
    }
}
