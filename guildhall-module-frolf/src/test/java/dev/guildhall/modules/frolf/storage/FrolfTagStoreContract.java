package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.seasons.Season;
import dev.guildhall.modules.frolf.seasons.SeasonRepository;
import dev.guildhall.modules.frolf.seasons.SeasonStanding;
import dev.guildhall.modules.frolf.tags.LeaderboardMessage;
import dev.guildhall.modules.frolf.tags.RoundResults;
import dev.guildhall.modules.frolf.tags.SwapRequest;
import dev.guildhall.modules.frolf.tags.TagMove;
import dev.guildhall.modules.frolf.tags.TagRepository;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.didNotFinish;
import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.scored;
import static org.assertj.core.api.Assertions.assertThat;

/** What the frolf tag and season repositories must do; a subclass per database runs it. */
abstract class FrolfTagStoreContract {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final GuildId GUILD_A = GuildId.of(1_200_000_000_000_000_001L);
    private static final GuildId GUILD_B = GuildId.of(1_200_000_000_000_000_002L);
    private static final UserId ANN = UserId.of(11), BEN = UserId.of(12), CAT = UserId.of(13), DAN = UserId.of(14);

    private Store store;
    private TagRepository tags;
    private SeasonRepository seasons;

    protected abstract StoreSettings freshSettings();

    @BeforeEach
    void openStore() {
        store = FrolfDatabases.open(freshSettings());
        tags = FrolfStorage.on(store.dataSource()).tags();
        seasons = FrolfStorage.on(store.dataSource()).seasons();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void claimingAFreeTagMakesThePlayerItsHolderAndIsKeptInTheHistory() {
        List<TagMove> moves = tags.take(GUILD_A, ANN, 7, TagMove.Reason.CLAIM, T0);

        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(ANN, 7));
        assertThat(moves).containsExactly(new TagMove(ANN, Optional.empty(), Optional.of(7), TagMove.Reason.CLAIM,
                Optional.empty(), T0));
        assertThat(tags.history(GUILD_A, 10)).isEqualTo(moves);
    }

    @Test
    void takingAHeldTagGivesTheHolderTheTakersOldTag() {
        tags.take(GUILD_A, ANN, 1, TagMove.Reason.CLAIM, T0);
        tags.take(GUILD_A, BEN, 5, TagMove.Reason.CLAIM, T0);

        List<TagMove> moves = tags.take(GUILD_A, BEN, 1, TagMove.Reason.SWAP, T0.plusSeconds(60));

        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(BEN, 1, ANN, 5));
        assertThat(moves).extracting(TagMove::player, TagMove::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ANN, Optional.of(5)),
                        org.assertj.core.groups.Tuple.tuple(BEN, Optional.of(1)));
        assertThat(tags.history(GUILD_A, 2)).allSatisfy(m -> assertThat(m.reason()).isEqualTo(TagMove.Reason.SWAP));
    }

    @Test
    void aFinalizedRoundMovesTagsByFinishOnceEvenWhenAppliedAgain() {
        claimAll(Map.of(ANN, 1, BEN, 2, CAT, 3, DAN, 4));
        RoundResults round = new RoundResults(9, true, T0.plusSeconds(3600),
                List.of(scored(DAN, -4), scored(CAT, 0), scored(ANN, 0), didNotFinish(BEN)));

        List<TagMove> first = tags.applyRound(GUILD_A, round, T0.plusSeconds(3600));
        List<TagMove> again = tags.applyRound(GUILD_A, round, T0.plusSeconds(7200));

        // Tagged finishers' tags {1,3,4} by rank: Dan 1, then the tie Ann (tag 1) before Cat (tag 3): Ann 3, Cat 4.
        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(DAN, 1, BEN, 2, ANN, 3, CAT, 4));
        assertThat(first).hasSize(3).allSatisfy(m -> assertThat(m.roundId()).contains(9L));
        assertThat(again).isEmpty();
        assertThat(tags.history(GUILD_A, 100)).hasSize(4 + 3);
    }

    @Test
    void anOverrideRecomputesFromTheLedgerInsteadOfMovingTagsTwice() {
        claimAll(Map.of(ANN, 1, BEN, 2, CAT, 3));
        Instant finalized = T0.plusSeconds(3600);
        tags.applyRound(GUILD_A, new RoundResults(4, true, finalized,
                List.of(scored(CAT, -2), scored(BEN, 0), scored(ANN, 3))), finalized);
        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(CAT, 1, BEN, 2, ANN, 3));

        List<TagMove> moves = tags.applyRound(GUILD_A, new RoundResults(4, true, finalized,
                List.of(scored(CAT, 2), scored(BEN, 0), scored(ANN, 3))), finalized.plusSeconds(600));

        // From the claims (Ann 1, Ben 2, Cat 3) the corrected round gives Ben 1, Cat 2, Ann 3.
        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(BEN, 1, CAT, 2, ANN, 3));
        assertThat(moves).extracting(TagMove::player).containsExactlyInAnyOrder(BEN, CAT);
    }

    @Test
    void anOverrideKeepsTheRoundsPlaceBeforeLaterClaimsAndRounds() {
        claimAll(Map.of(ANN, 1, BEN, 2));
        tags.applyRound(GUILD_A, new RoundResults(1, true, T0, List.of(scored(ANN, 0), scored(BEN, 5))), T0);
        tags.take(GUILD_A, CAT, 3, TagMove.Reason.CLAIM, T0.plusSeconds(10));
        tags.applyRound(GUILD_A, new RoundResults(2, true, T0.plusSeconds(20),
                List.of(scored(CAT, -1), scored(ANN, 0))), T0.plusSeconds(20));
        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(CAT, 1, BEN, 2, ANN, 3));

        tags.applyRound(GUILD_A, new RoundResults(1, true, T0, List.of(scored(ANN, 9), scored(BEN, 5))), T0.plusSeconds(30));

        // Round 1 corrected: Ben 1, Ann 2; Cat claims 3; round 2: Cat beats Ann -> Cat 2, Ann 3.
        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(BEN, 1, CAT, 2, ANN, 3));
    }

    @Test
    void roundsThatAreNotSinglesAreIgnored() {
        claimAll(Map.of(ANN, 1, BEN, 2));

        List<TagMove> moves = tags.applyRound(GUILD_A, new RoundResults(3, false, T0,
                List.of(scored(BEN, -5), scored(ANN, 4))), T0);

        assertThat(moves).isEmpty();
        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(ANN, 1, BEN, 2));
    }

    @Test
    void aSwapRequestIsResolvedOnlyOnce() {
        SwapRequest created = tags.createSwap(GUILD_A, BEN, ANN, 1, T0, T0.plus(Duration.ofHours(48)));
        tags.attachSwapMessage(GUILD_A, created.id(), ChannelId.of(70), MessageId.of(71));

        assertThat(tags.pendingSwap(GUILD_A, BEN, 1)).map(SwapRequest::id).contains(created.id());
        assertThat(tags.swap(GUILD_A, created.id())).hasValueSatisfying(s -> {
            assertThat(s.holder()).isEqualTo(ANN);
            assertThat(s.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
            assertThat(s.message()).contains(MessageId.of(71));
            assertThat(s.isPending()).isTrue();
        });
        assertThat(tags.resolveSwap(GUILD_A, created.id(), SwapRequest.Status.ACCEPTED)).isTrue();
        assertThat(tags.resolveSwap(GUILD_A, created.id(), SwapRequest.Status.EXPIRED)).isFalse();
        assertThat(tags.swap(GUILD_A, created.id()).orElseThrow().status()).isEqualTo(SwapRequest.Status.ACCEPTED);
        assertThat(tags.pendingSwap(GUILD_A, BEN, 1)).isEmpty();
        assertThat(tags.createSwap(GUILD_A, CAT, ANN, 1, T0, T0).id()).isGreaterThan(created.id());
    }

    @Test
    void theLeaderboardMessageIsRememberedAndReplaced() {
        assertThat(tags.leaderboardMessage(GUILD_A)).isEmpty();

        tags.rememberLeaderboardMessage(GUILD_A, new LeaderboardMessage(ChannelId.of(5), MessageId.of(6)));
        tags.rememberLeaderboardMessage(GUILD_A, new LeaderboardMessage(ChannelId.of(5), MessageId.of(8)));

        assertThat(tags.leaderboardMessage(GUILD_A)).contains(new LeaderboardMessage(ChannelId.of(5), MessageId.of(8)));
    }

    @Test
    void aGuildHasAtMostOneActiveSeasonAndTheLatestIsShownAfterItEnds() {
        Season first = seasons.start(GUILD_A, "Spring", T0).orElseThrow();

        assertThat(seasons.start(GUILD_A, "Again", T0.plusSeconds(1))).isEmpty();
        assertThat(seasons.active(GUILD_A)).contains(first);
        assertThat(seasons.end(GUILD_A, first.id(), T0.plusSeconds(100))).isTrue();
        assertThat(seasons.end(GUILD_A, first.id(), T0.plusSeconds(200))).isFalse();
        assertThat(seasons.active(GUILD_A)).isEmpty();
        assertThat(seasons.latest(GUILD_A)).hasValueSatisfying(s -> {
            assertThat(s.name()).isEqualTo("Spring");
            assertThat(s.endedAt()).contains(T0.plusSeconds(100));
        });
        Season second = seasons.start(GUILD_A, "Summer", T0.plusSeconds(300)).orElseThrow();
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(seasons.latest(GUILD_A)).contains(second);
    }

    @Test
    void seasonBestTagsOnlyImprove() {
        long season = seasons.start(GUILD_A, "S", T0).orElseThrow().id();

        seasons.recordTags(GUILD_A, season, Map.of(ANN, 5, BEN, 2));
        seasons.recordTags(GUILD_A, season, Map.of(ANN, 3, BEN, 9, CAT, 7));

        assertThat(seasons.bestTags(GUILD_A, season)).isEqualTo(Map.of(ANN, 3, BEN, 2, CAT, 7));
    }

    @Test
    void roundPointsAreReplacedNotAddedAndStandingsSumThem() {
        long season = seasons.start(GUILD_A, "S", T0).orElseThrow().id();
        seasons.replaceRoundPoints(GUILD_A, season, 1, Map.of(ANN, 100, BEN, 0));
        seasons.replaceRoundPoints(GUILD_A, season, 2, Map.of(ANN, 0, BEN, 200, CAT, 0));
        seasons.replaceRoundPoints(GUILD_A, season, 2, Map.of(ANN, 0, BEN, 250, CAT, 0));

        assertThat(seasons.standings(GUILD_A, season)).containsExactly(new SeasonStanding(BEN, 250, 2),
                new SeasonStanding(ANN, 100, 2), new SeasonStanding(CAT, 0, 1));
        assertThat(seasons.roundsPlayed(GUILD_A, season, 2)).isEqualTo(Map.of(ANN, 1, BEN, 1));
    }

    @Test
    void oneGuildNeverSeesOrChangesAnotherGuildsTagsSwapsOrSeasons() {
        tags.take(GUILD_A, ANN, 1, TagMove.Reason.CLAIM, T0);
        tags.take(GUILD_A, BEN, 2, TagMove.Reason.CLAIM, T0);
        SwapRequest swapA = tags.createSwap(GUILD_A, BEN, ANN, 1, T0, T0.plusSeconds(10));
        tags.rememberLeaderboardMessage(GUILD_A, new LeaderboardMessage(ChannelId.of(5), MessageId.of(6)));
        Season seasonA = seasons.start(GUILD_A, "A season", T0).orElseThrow();
        seasons.replaceRoundPoints(GUILD_A, seasonA.id(), 1, Map.of(ANN, 100));
        seasons.recordTags(GUILD_A, seasonA.id(), Map.of(ANN, 1));

        assertThat(tags.holders(GUILD_B)).isEmpty();
        assertThat(tags.history(GUILD_B, 10)).isEmpty();
        assertThat(tags.swap(GUILD_B, swapA.id())).isEmpty();
        assertThat(tags.resolveSwap(GUILD_B, swapA.id(), SwapRequest.Status.DECLINED)).isFalse();
        assertThat(tags.leaderboardMessage(GUILD_B)).isEmpty();
        assertThat(seasons.active(GUILD_B)).isEmpty();
        assertThat(seasons.standings(GUILD_B, seasonA.id())).isEmpty();
        assertThat(seasons.bestTags(GUILD_B, seasonA.id())).isEmpty();

        // Guild B uses the same tag numbers, round ids and season ids without touching guild A.
        tags.take(GUILD_B, CAT, 1, TagMove.Reason.CLAIM, T0);
        tags.take(GUILD_B, DAN, 2, TagMove.Reason.CLAIM, T0);
        tags.applyRound(GUILD_B, new RoundResults(1, true, T0, List.of(scored(DAN, -3), scored(CAT, 1))), T0);
        Season seasonB = seasons.start(GUILD_B, "B season", T0).orElseThrow();
        assertThat(seasonB.id()).isEqualTo(seasonA.id());
        seasons.end(GUILD_B, seasonB.id(), T0.plusSeconds(5));

        assertThat(tags.holders(GUILD_B)).isEqualTo(Map.of(DAN, 1, CAT, 2));
        assertThat(tags.holders(GUILD_A)).isEqualTo(Map.of(ANN, 1, BEN, 2));
        assertThat(tags.swap(GUILD_A, swapA.id()).orElseThrow().isPending()).isTrue();
        assertThat(seasons.active(GUILD_A)).contains(seasonA);
        assertThat(seasons.standings(GUILD_A, seasonA.id())).containsExactly(new SeasonStanding(ANN, 100, 1));
    }

    private void claimAll(Map<UserId, Integer> claims) {
        claims.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> tags.take(GUILD_A, e.getKey(), e.getValue(), TagMove.Reason.CLAIM, T0));
    }
}
