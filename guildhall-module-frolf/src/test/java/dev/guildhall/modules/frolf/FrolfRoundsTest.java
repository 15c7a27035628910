package dev.guildhall.modules.frolf;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.rounds.Participant;
import dev.guildhall.modules.frolf.rounds.Round;
import dev.guildhall.modules.frolf.rounds.RoundStatus;
import dev.guildhall.modules.frolf.rounds.Rsvp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.guildhall.modules.frolf.FrolfFixture.GUILD;
import static dev.guildhall.modules.frolf.FrolfFixture.editor;
import static dev.guildhall.modules.frolf.FrolfFixture.player;
import static org.assertj.core.api.Assertions.assertThat;

/** Rounds through the real dispatcher: create, RSVP, reminder, start, scores, finalize, override, edit, delete. */
class FrolfRoundsTest {
    private static final Instant START = Instant.parse("2026-05-02T18:00:00Z");
    private final FrolfFixture f = new FrolfFixture();
    private final Invoker alice = player(11);
    private final Invoker bob = player(12);
    private final Invoker carol = player(13);

    private Round round(long id) {
        return f.rounds.find(GUILD, id).orElseThrow();
    }

    private static Embed embedOf(MessageContent content) {
        return content.embeds().getFirst();
    }

    private static String field(Embed embed, String prefix) {
        return embed.fields().stream().filter(x -> x.name().startsWith(prefix)).findFirst()
                .map(Embed.Field::value).orElseThrow(() -> new AssertionError("no field " + prefix + " in " + embed));
    }

    private static List<String> labels(MessageContent content) {
        return content.buttons().stream().map(ButtonSpec::label).toList();
    }

    @Test
    void roundCreateOpensTheModalWithTheDefaultLocation() {
        f.settings.set(GUILD, f.module, "default_location", "Maple Hill");

        f.command(alice, "round", "create", Map.of());

        Action.ShowModal modal = f.discord.last(Action.ShowModal.class);
        assertThat(modal.modal().customId()).isEqualTo("frolf:round:create");
        assertThat(modal.modal().inputs()).extracting(i -> i.id()).containsExactly("title", "description", "start", "location");
        assertThat(modal.modal().inputs().getLast().value()).isEqualTo("Maple Hill");
    }

    @Test
    void creatingARoundPostsItsEmbedCreatesTheScheduledEventAndSetsBothTimers() {
        long id = f.createRound(alice, "Sunday doubles", "2026-05-02 18:00");

        Action.SendMessage post = f.discord.last(Action.SendMessage.class);
        assertThat(post.channel()).isEqualTo(FrolfFixture.EVENTS);
        assertThat(embedOf(post.message()).title()).isEqualTo("Round #1: Sunday doubles");
        assertThat(labels(post.message())).containsExactly("Accept", "Tentative", "Decline");
        Action.CreateScheduledEvent event = f.discord.last(Action.CreateScheduledEvent.class);
        assertThat(event.start()).isEqualTo(START);
        assertThat(event.location()).isEqualTo("Maple Hill");
        assertThat(round(id).message()).isPresent();
        assertThat(round(id).scheduledEvent()).isPresent();
        assertThat(f.timers.at(GUILD, "frolf:round:reminder", "1")).contains(START.minus(Duration.ofHours(1)));
        assertThat(f.timers.at(GUILD, "frolf:round:start", "1")).contains(START);
        assertThat(f.lastEphemeralReply()).contains("Round #1");
    }

    @Test
    void theStartIsReadInTheGuildsTimeZone() {
        f.settings.set(GUILD, f.module, "timezone", "Europe/Berlin");

        long id = f.createRound(alice, "Evening", "2026-05-02 20:00");

        assertThat(round(id).draft().start()).isEqualTo(START); // 20:00 in Berlin in May is 18:00 UTC
    }

    @Test
    void aStartInThePastIsRefusedNamingTheField() {
        f.submit(alice, "frolf:round:create", Map.of("title", "Late", "start", "2026-05-01 11:59"));

        assertThat(f.lastEphemeralReply()).contains("start: must be in the future");
        assertThat(f.rounds.rounds(GUILD)).isEmpty();
        assertThat(f.discord.actions(Action.SendMessage.class)).isEmpty();
    }

    @Test
    void badTitleAndStartAreBothNamed() {
        f.submit(alice, "frolf:round:create", Map.of("title", "x".repeat(101), "start", "tomorrow 6pm"));

        assertThat(f.lastEphemeralReply()).contains("title: 1 to 100 characters").contains("start: a date and time");
        assertThat(f.rounds.rounds(GUILD)).isEmpty();
    }

    @Test
    void rsvpButtonsUpdateTheEmbedListsAndAChangedAnswerMoves() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");

        f.click(alice, "frolf:rsvp:accept:" + id);
        f.click(bob, "frolf:rsvp:tentative:" + id);
        f.click(carol, "frolf:rsvp:accept:" + id);
        f.click(carol, "frolf:rsvp:decline:" + id);

        Embed embed = embedOf(f.discord.last(Action.UpdateSourceMessage.class).message());
        assertThat(field(embed, "Accepted")).isEqualTo("<@11>");
        assertThat(field(embed, "Tentative")).isEqualTo("<@12>");
        assertThat(field(embed, "Declined")).isEqualTo("<@13>");
        assertThat(f.rounds.participants(GUILD, id)).extracting(Participant::rsvp)
                .containsExactly(Rsvp.ACCEPTED, Rsvp.TENTATIVE, Rsvp.DECLINED);
    }

    @Test
    void theReminderStartsAThreadOnTheEmbedMentioningAcceptedPlayersOnce() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");
        f.click(alice, "frolf:rsvp:accept:" + id);
        f.click(bob, "frolf:rsvp:accept:" + id);
        f.click(carol, "frolf:rsvp:decline:" + id);

        f.advanceTo(START.minus(Duration.ofMinutes(59)));
        f.dispatch(new dev.guildhall.core.event.GuildEvent.TimerFired("frolf:round:reminder", String.valueOf(id)));

        Action.StartThread thread = f.discord.last(Action.StartThread.class);
        assertThat(thread.message()).isEqualTo(round(id).message().orElseThrow());
        assertThat(f.discord.actions(Action.StartThread.class)).hasSize(1);
        Action.SendMessage reminder = f.discord.last(Action.SendMessage.class);
        assertThat(reminder.channel()).isEqualTo(round(id).thread().orElseThrow());
        assertThat(reminder.message().content()).contains("<@11>", "<@12>").doesNotContain("<@13>");
        assertThat(f.discord.actions(Action.SendMessage.class)).hasSize(2); // the embed and one reminder
        assertThat(round(id).status()).isEqualTo(RoundStatus.SCHEDULED);
    }

    @Test
    void atTheStartTheRoundOffersEnterScoreAndJoinLate() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");

        f.advanceTo(START);

        assertThat(round(id).status()).isEqualTo(RoundStatus.IN_PROGRESS);
        Action.EditMessage edit = f.discord.last(Action.EditMessage.class);
        assertThat(labels(edit.content())).containsExactly("Enter score", "Join late");
        f.click(bob, "frolf:rsvp:accept:" + id);
        assertThat(f.lastEphemeralReply()).contains("Join late");
    }

    @Test
    void scoresOutsideMinus36To72AreRefusedNamingTheField() {
        long id = startedRoundWith(alice);

        f.submit(alice, "frolf:score:enter:" + id, Map.of("score", "73"));
        assertThat(f.lastEphemeralReply()).contains("score: a whole number from -36 to 72");
        f.submit(alice, "frolf:score:enter:" + id, Map.of("score", "four"));
        assertThat(f.lastEphemeralReply()).contains("score:");

        assertThat(f.rounds.participants(GUILD, id).getFirst().score()).isEmpty();
    }

    @Test
    void enterScoreOpensTheScoreModalOnlyOnceTheRoundStarted() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");
        f.click(alice, "frolf:score:enter:" + id);
        assertThat(f.lastEphemeralReply()).contains("not started");

        f.advanceTo(START);
        f.click(alice, "frolf:score:enter:" + id);

        assertThat(f.discord.last(Action.ShowModal.class).modal().customId()).isEqualTo("frolf:score:enter:" + id);
    }

    @Test
    void theRoundFinalizesWhenEveryAcceptedPlayerHasAScoreAndReportsItsResults() {
        long id = startedRoundWith(alice, bob, carol);
        f.click(player(14), "frolf:round:join:" + id); // late join: counted as accepted

        f.submit(alice, "frolf:score:enter:" + id, Map.of("score", "-3"));
        f.submit(bob, "frolf:score:enter:" + id, Map.of("score", "2"));
        f.submit(carol, "frolf:score:enter:" + id, Map.of("score", "-3"));
        assertThat(round(id).status()).isEqualTo(RoundStatus.IN_PROGRESS);
        f.submit(player(14), "frolf:score:enter:" + id, Map.of("score", "+5"));

        assertThat(round(id).status()).isEqualTo(RoundStatus.FINALIZED);
        assertThat(round(id).finalizedAt()).contains(f.clock.instant());
        Embed embed = embedOf(f.discord.last(Action.EditMessage.class).content());
        assertThat(field(embed, "Results")).isEqualTo("1. <@11> -3\n1. <@13> -3\n3. <@12> +2\n4. <@14> +5");
        assertThat(labels(f.discord.last(Action.EditMessage.class).content())).containsExactly("Override score");
        assertThat(f.lastEphemeralReply()).contains("final");
    }

    @Test
    void aScoreFromSomeoneWhoNeverAnsweredJoinsThemAsAPlayer() {
        long id = startedRoundWith(alice);

        f.submit(bob, "frolf:score:enter:" + id, Map.of("score", "1"));

        assertThat(f.rounds.participants(GUILD, id)).extracting(Participant::user, Participant::rsvp)
                .contains(org.assertj.core.groups.Tuple.tuple(UserId.of(12), Rsvp.ACCEPTED));
        assertThat(round(id).status()).isEqualTo(RoundStatus.IN_PROGRESS); // alice has no score yet
    }

    @Test
    void anEditorOverrideAfterFinalizingChangesTheScoreAndTheResultsTable() {
        long id = startedRoundWith(alice, bob);
        f.submit(alice, "frolf:score:enter:" + id, Map.of("score", "1"));
        f.submit(bob, "frolf:score:enter:" + id, Map.of("score", "2"));

        f.click(editor(20), "frolf:score:override:" + id);
        assertThat(f.discord.last(Action.ShowModal.class).modal().customId()).isEqualTo("frolf:score:override:" + id);
        f.submit(editor(20), "frolf:score:override:" + id, Map.of("player", "<@12>", "score", "-4"));

        assertThat(f.rounds.participants(GUILD, id)).extracting(Participant::score)
                .containsExactly(Optional.of(1), Optional.of(-4));
        assertThat(field(embedOf(f.discord.last(Action.EditMessage.class).content()), "Results"))
                .isEqualTo("1. <@12> -4\n2. <@11> +1");
        f.submit(editor(20), "frolf:score:override:" + id, Map.of("player", "11", "score", ""));
        assertThat(field(embedOf(f.discord.last(Action.EditMessage.class).content()), "Results"))
                .isEqualTo("1. <@12> -4\nDNF <@11>");
    }

    @Test
    void onlyTheCreatorOrAnEditorMayEditOrDelete() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");

        f.command(bob, "round", "edit", Map.of("round", String.valueOf(id)));
        assertThat(f.lastEphemeralReply()).contains("Only the creator of round #1 or an editor");
        f.submit(bob, "frolf:round:edit:" + id, Map.of("title", "Mine now", "start", "2026-05-03 18:00"));
        assertThat(round(id).draft().title()).isEqualTo("Sunday");
        f.command(bob, "round", "delete", Map.of("round", String.valueOf(id)));
        assertThat(f.rounds.find(GUILD, id)).isPresent();

        f.command(alice, "round", "edit", Map.of("round", String.valueOf(id)));
        assertThat(f.discord.last(Action.ShowModal.class).modal().inputs().get(2).value()).isEqualTo("2026-05-02 18:00");
    }

    @Test
    void editingMovesTheEmbedTheScheduledEventAndTheTimers() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");
        Instant later = START.plus(Duration.ofDays(1));

        f.submit(editor(20), "frolf:round:edit:" + id, Map.of("title", "Monday", "start", "2026-05-03 18:00",
                "location", "Oak Park"));

        assertThat(round(id).draft().title()).isEqualTo("Monday");
        assertThat(embedOf(f.discord.last(Action.EditMessage.class).content()).title()).isEqualTo("Round #1: Monday");
        Action.EditScheduledEvent event = f.discord.last(Action.EditScheduledEvent.class);
        assertThat(event.event()).isEqualTo(round(id).scheduledEvent().orElseThrow());
        assertThat(event.start()).isEqualTo(later);
        assertThat(f.timers.at(GUILD, "frolf:round:start", "1")).contains(later);
        assertThat(f.timers.at(GUILD, "frolf:round:reminder", "1")).contains(later.minus(Duration.ofHours(1)));
    }

    @Test
    void deletingRemovesTheEmbedTheScheduledEventAndTheTimers() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");
        Round created = round(id);

        f.command(editor(20), "round", "delete", Map.of("round", String.valueOf(id)));

        assertThat(f.discord.last(Action.DeleteMessage.class).message()).isEqualTo(created.message().orElseThrow());
        assertThat(f.discord.last(Action.DeleteScheduledEvent.class).event()).isEqualTo(created.scheduledEvent().orElseThrow());
        assertThat(f.timers.pending).isEmpty();
        assertThat(f.rounds.find(GUILD, id)).isEmpty();
        f.advanceTo(START.plus(Duration.ofHours(1)));
        assertThat(f.discord.actions(Action.StartThread.class)).isEmpty();
    }

    @Test
    void aReplayedStartTimerChangesNothing() {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");
        f.advanceTo(START);
        int edits = f.discord.actions(Action.EditMessage.class).size();

        f.dispatch(new dev.guildhall.core.event.GuildEvent.TimerFired("frolf:round:start", String.valueOf(id)));

        assertThat(f.discord.actions(Action.EditMessage.class)).hasSize(edits);
    }

    private long startedRoundWith(Invoker... players) {
        long id = f.createRound(alice, "Sunday", "2026-05-02 18:00");
        for (Invoker p : players) f.click(p, "frolf:rsvp:accept:" + id);
        f.advanceTo(START);
        return id;
    }
}
