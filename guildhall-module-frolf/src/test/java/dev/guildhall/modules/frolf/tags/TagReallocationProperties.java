package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the tag rule over random guilds and rounds (small score range, so ties are common). */
class TagReallocationProperties {
    private static final Instant AT = Instant.parse("2026-05-01T18:00:00Z");

    record Case(Map<UserId, Integer> holders, RoundResults round) {}

    @Provide
    Arbitrary<Case> cases() {
        return cases(true);
    }

    @Provide
    Arbitrary<Case> doublesCases() {
        return cases(false);
    }

    private static Arbitrary<Case> cases(boolean singles) {
        Arbitrary<List<Integer>> tags = Arbitraries.integers().between(1, 40).list().ofSize(12).uniqueElements();
        Arbitrary<List<Boolean>> tagged = Arbitraries.of(true, false).list().ofSize(12);
        Arbitrary<List<Integer>> roles = Arbitraries.integers().between(0, 2).list().ofSize(12); // 0 absent, 1 DNF, 2 scored
        Arbitrary<List<Integer>> scores = Arbitraries.integers().between(-3, 3).list().ofSize(12);
        return Combinators.combine(tags, tagged, roles, scores).as((t, isTagged, role, score) -> {
            Map<UserId, Integer> holders = new HashMap<>();
            List<RoundResults.Finisher> finishers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UserId player = UserId.of(100 + i);
                if (isTagged.get(i)) holders.put(player, t.get(i));
                if (role.get(i) == 1) finishers.add(RoundResults.Finisher.didNotFinish(player));
                if (role.get(i) == 2) finishers.add(RoundResults.Finisher.scored(player, score.get(i)));
            }
            return new Case(holders, new RoundResults(7, singles, AT, finishers));
        });
    }

    @Property
    void theMultisetOfTagsIsPreserved(@ForAll("cases") Case c) {
        Map<UserId, Integer> after = TagReallocation.apply(c.holders(), c.round());

        assertThat(after.keySet()).isEqualTo(c.holders().keySet());
        assertThat(after.values()).containsExactlyInAnyOrderElementsOf(c.holders().values());
    }

    @Property
    void aBetterFinishNeverGetsAWorseTagThanAWorseFinish(@ForAll("cases") Case c) {
        Map<UserId, Integer> after = TagReallocation.apply(c.holders(), c.round());
        List<RoundResults.Finisher> taking = taggedScored(c);

        for (RoundResults.Finisher a : taking) {
            for (RoundResults.Finisher b : taking) {
                if (a.score().orElseThrow() < b.score().orElseThrow()) {
                    assertThat(after.get(a.player())).isLessThan(after.get(b.player()));
                }
            }
        }
    }

    @Property
    void amongTiedPlayersTheLowerCurrentTagKeepsPriority(@ForAll("cases") Case c) {
        Map<UserId, Integer> after = TagReallocation.apply(c.holders(), c.round());
        List<RoundResults.Finisher> taking = taggedScored(c);

        for (RoundResults.Finisher a : taking) {
            for (RoundResults.Finisher b : taking) {
                if (a.score().equals(b.score()) && c.holders().get(a.player()) < c.holders().get(b.player())) {
                    assertThat(after.get(a.player())).isLessThan(after.get(b.player()));
                }
            }
        }
    }

    @Property
    void tagsAreHandedOutOnlyAmongTaggedFinishers(@ForAll("cases") Case c) {
        Map<UserId, Integer> after = TagReallocation.apply(c.holders(), c.round());
        List<UserId> taking = taggedScored(c).stream().map(RoundResults.Finisher::player).toList();

        c.holders().forEach((player, tag) -> {
            if (!taking.contains(player)) assertThat(after.get(player)).as("DNF or absent %s keeps", player).isEqualTo(tag);
        });
        assertThat(taking.stream().map(after::get).sorted().toList())
                .isEqualTo(taking.stream().map(c.holders()::get).sorted().toList());
    }

    @Property
    void untaggedPlayersGainNothing(@ForAll("cases") Case c) {
        Map<UserId, Integer> after = TagReallocation.apply(c.holders(), c.round());

        c.round().finishers().stream().map(RoundResults.Finisher::player)
                .filter(p -> !c.holders().containsKey(p))
                .forEach(p -> assertThat(after).doesNotContainKey(p));
    }

    @Property
    void applyingTwiceEqualsApplyingOnce(@ForAll("cases") Case c) {
        Map<UserId, Integer> once = TagReallocation.apply(c.holders(), c.round());

        assertThat(TagReallocation.apply(once, c.round())).isEqualTo(once);
    }

    @Property
    void roundsThatAreNotSinglesMoveNothing(@ForAll("doublesCases") Case c) {
        assertThat(TagReallocation.apply(c.holders(), c.round())).isEqualTo(c.holders());
    }

    @Property
    void recomputingFromTheLedgerEqualsApplyingTheRoundOnce(@ForAll("cases") Case c) {
        List<TagLedger.Entry> ledger = new ArrayList<>();
        c.holders().entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> Long.compare(a.value(), b.value())))
                .forEach(e -> ledger.add(new TagLedger.Take(e.getKey(), e.getValue(), TagMove.Reason.CLAIM)));
        ledger.add(new TagLedger.Round(c.round()));

        Map<UserId, Integer> folded = TagLedger.replay(ledger);

        assertThat(folded).isEqualTo(TagReallocation.apply(c.holders(), c.round()));
        assertThat(TagLedger.replay(ledger)).isEqualTo(folded);
        List<TagMove> noMoves = TagLedger.diff(folded, TagLedger.replay(ledger), TagMove.Reason.ROUND, Optional.of(7L), AT);
        assertThat(noMoves).isEmpty();
    }

    @Property
    void takesAndRoundsNeverGiveOneTagToTwoPlayers(@ForAll("cases") Case c,
                                                    @ForAll("takes") List<TagLedger.Take> takes) {
        List<TagLedger.Entry> ledger = new ArrayList<>(takes.subList(0, takes.size() / 2));
        ledger.add(new TagLedger.Round(c.round()));
        ledger.addAll(takes.subList(takes.size() / 2, takes.size()));

        Map<UserId, Integer> holders = TagLedger.replay(ledger);

        assertThat(holders.values()).doesNotHaveDuplicates();
    }

    @Provide
    Arbitrary<List<TagLedger.Take>> takes() {
        return Combinators.combine(Arbitraries.longs().between(100, 111), Arbitraries.integers().between(1, 15),
                        Arbitraries.of(TagMove.Reason.CLAIM, TagMove.Reason.SWAP))
                .as((player, tag, reason) -> new TagLedger.Take(UserId.of(player), tag, reason))
                .list().ofMaxSize(30);
    }

    private static List<RoundResults.Finisher> taggedScored(Case c) {
        return c.round().finishers().stream()
                .filter(f -> f.score().isPresent() && c.holders().containsKey(f.player())).toList();
    }
}
