package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.didNotFinish;
import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagReallocationTest {
    private static final Instant AT = Instant.parse("2026-05-01T18:00:00Z");
    private static final UserId ANN = UserId.of(1), BEN = UserId.of(2), CAT = UserId.of(3), DAN = UserId.of(4),
            EVE = UserId.of(5);

    @Test
    void tagsAreHandedOutByFinishRankAmongTaggedParticipants() {
        Map<UserId, Integer> holders = Map.of(ANN, 1, BEN, 4, CAT, 9);
        RoundResults round = new RoundResults(1, true, AT,
                List.of(scored(CAT, -3), scored(ANN, 2), scored(BEN, 0), scored(EVE, -10)));

        Map<UserId, Integer> after = TagReallocation.apply(holders, round);

        assertThat(after).isEqualTo(Map.of(CAT, 1, BEN, 4, ANN, 9));
    }

    @Test
    void tiedPlayersShareARankAndTheLowerTagKeepsPriority() {
        Map<UserId, Integer> holders = Map.of(ANN, 2, BEN, 5, CAT, 7, DAN, 3);
        RoundResults round = new RoundResults(1, true, AT,
                List.of(scored(ANN, 1), scored(BEN, -2), scored(CAT, -2), didNotFinish(DAN)));

        Map<UserId, Integer> after = TagReallocation.apply(holders, round);

        assertThat(TagReallocation.ranks(round)).isEqualTo(Map.of(BEN, 1, CAT, 1, ANN, 3));
        assertThat(after).isEqualTo(Map.of(BEN, 2, CAT, 5, ANN, 7, DAN, 3));
    }

    @Test
    void aSwapHandsTheTakersOldTagToTheHolder() {
        Map<UserId, Integer> holders = TagLedger.replay(List.of(
                new TagLedger.Take(ANN, 1, TagMove.Reason.CLAIM),
                new TagLedger.Take(BEN, 8, TagMove.Reason.CLAIM),
                new TagLedger.Take(BEN, 1, TagMove.Reason.SWAP)));

        assertThat(holders).isEqualTo(Map.of(BEN, 1, ANN, 8));
        assertThat(TagLedger.diff(Map.of(ANN, 1, BEN, 8), holders, TagMove.Reason.SWAP, Optional.empty(), AT))
                .containsExactly(new TagMove(ANN, Optional.of(1), Optional.of(8), TagMove.Reason.SWAP, Optional.empty(), AT),
                        new TagMove(BEN, Optional.of(8), Optional.of(1), TagMove.Reason.SWAP, Optional.empty(), AT));
    }

    @Test
    void claimingAnotherFreeTagReleasesTheOldOne() {
        Map<UserId, Integer> holders = TagLedger.replay(List.of(
                new TagLedger.Take(ANN, 3, TagMove.Reason.CLAIM), new TagLedger.Take(ANN, 12, TagMove.Reason.CLAIM)));

        assertThat(holders).isEqualTo(Map.of(ANN, 12));
    }

    @Test
    void anOverrideRecomputesFromTheLedgerInsteadOfApplyingAgain() {
        List<TagLedger.Entry> claims = List.of(new TagLedger.Take(ANN, 1, TagMove.Reason.CLAIM),
                new TagLedger.Take(BEN, 2, TagMove.Reason.CLAIM));
        RoundResults first = new RoundResults(5, true, AT, List.of(scored(ANN, 3), scored(BEN, 0)));
        RoundResults corrected = new RoundResults(5, true, AT, List.of(scored(ANN, -1), scored(BEN, 0)));

        Map<UserId, Integer> afterFirst = TagLedger.replay(concat(claims, new TagLedger.Round(first)));
        Map<UserId, Integer> afterOverride = TagLedger.replay(concat(claims, new TagLedger.Round(corrected)));

        assertThat(afterFirst).isEqualTo(Map.of(BEN, 1, ANN, 2));
        assertThat(afterOverride).isEqualTo(Map.of(ANN, 1, BEN, 2));
    }

    @Test
    void aPlayerListedTwiceIsRefused() {
        assertThatThrownBy(() -> new RoundResults(1, true, AT, List.of(scored(ANN, 1), didNotFinish(ANN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    private static List<TagLedger.Entry> concat(List<TagLedger.Entry> entries, TagLedger.Entry last) {
        List<TagLedger.Entry> all = new java.util.ArrayList<>(entries);
        all.add(last);
        return all;
    }
}
