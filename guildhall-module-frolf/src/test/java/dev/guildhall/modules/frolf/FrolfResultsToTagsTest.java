package dev.guildhall.modules.frolf;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.guildhall.modules.frolf.FrolfFixture.GUILD;
import static dev.guildhall.modules.frolf.FrolfFixture.editor;
import static dev.guildhall.modules.frolf.FrolfFixture.player;
import static org.assertj.core.api.Assertions.assertThat;

/** A finalized round's results reach the tag leaderboard once; an override recomputes the tags instead of moving them again. */
class FrolfResultsToTagsTest {
    private static final Instant START = Instant.parse("2026-05-02T18:00:00Z");
    private final FrolfFixture f = new FrolfFixture();
    private final Invoker p1 = player(11);
    private final Invoker p2 = player(12);
    private final Invoker p3 = player(13);
    private final Invoker p4 = player(14);

    private void claim(Invoker who, int tag) {
        f.command(who, "claimtag", null, Map.of("number", String.valueOf(tag)));
    }

    private Map<UserId, Integer> holders() {
        return f.tags.holders(GUILD);
    }

    private long finishedRound(int... scores) {
        long id = f.createRound(p1, "Tags on the line", "2026-05-02 18:00");
        Invoker[] players = {p1, p2, p3, p4};
        for (Invoker p : players) f.click(p, "frolf:rsvp:accept:" + id);
        f.advanceTo(START);
        for (int i = 0; i < players.length; i++) {
            f.submit(players[i], "frolf:score:enter:" + id, Map.of("score", String.valueOf(scores[i])));
        }
        return id;
    }

    @Test
    void aFinalizedRoundHandsTheTagsOutByFinish() {
        claim(p1, 1);
        claim(p2, 2);
        claim(p3, 3);
        // p4 holds no tag: gains nothing

        finishedRound(3, 0, -4, -6);

        assertThat(holders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                UserId.of(13), 1, UserId.of(12), 2, UserId.of(11), 3));
    }

    @Test
    void anOverrideRecomputesTheTagsFromTheCorrectedResultsRatherThanMovingThemAgain() {
        claim(p1, 1);
        claim(p2, 2);
        long id = finishedRound(2, -1, 0, 0);
        assertThat(holders()).containsEntry(UserId.of(12), 1).containsEntry(UserId.of(11), 2);

        // The same results again change nothing ...
        f.submit(editor(20), "frolf:score:override:" + id, Map.of("player", "12", "score", "-1"));
        assertThat(holders()).containsEntry(UserId.of(12), 1).containsEntry(UserId.of(11), 2);
        // ... and a correction is applied to the tags as they were before the round.
        f.submit(editor(20), "frolf:score:override:" + id, Map.of("player", "12", "score", "5"));
        assertThat(holders()).containsEntry(UserId.of(11), 1).containsEntry(UserId.of(12), 2);
        assertThat(f.discord.actions(Action.Reply.class).getLast().message().content()).contains("recomputed");
    }
}
