package dev.guildhall.modules.frolf.seasons;

import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.tags.RoundResults;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.didNotFinish;
import static dev.guildhall.modules.frolf.tags.RoundResults.Finisher.scored;
import static org.assertj.core.api.Assertions.assertThat;

class SeasonScoringTest {
    private static final Instant AT = Instant.parse("2026-05-01T18:00:00Z");
    private static final UserId GOLD = UserId.of(1), SILVER = UserId.of(2), BRONZE = UserId.of(3),
            BRONZE_NEW = UserId.of(4), UNTAGGED = UserId.of(5), QUITTER = UserId.of(6);
    private static final Map<UserId, Tier> TIERS = Map.of(GOLD, Tier.GOLD, SILVER, Tier.SILVER, BRONZE, Tier.BRONZE,
            BRONZE_NEW, Tier.BRONZE, QUITTER, Tier.BRONZE);
    private static final Set<UserId> TAGGED = Set.of(GOLD, SILVER, BRONZE, BRONZE_NEW, QUITTER);

    @Test
    void tenPlayersGiveOneGoldThreeSilverAndSixBronze() {
        Map<UserId, Tier> tiers = SeasonScoring.tiers(bestTags(10));

        assertThat(tiers.get(UserId.of(1))).isEqualTo(Tier.GOLD);
        assertThat(List.of(2, 3, 4)).allSatisfy(p -> assertThat(tiers.get(UserId.of(p))).isEqualTo(Tier.SILVER));
        assertThat(List.of(5, 6, 7, 8, 9, 10)).allSatisfy(p -> assertThat(tiers.get(UserId.of(p))).isEqualTo(Tier.BRONZE));
    }

    @Test
    void tierSizesRoundUpSoElevenPlayersHaveTwoGoldAndThreeSilver() {
        Map<UserId, Tier> tiers = SeasonScoring.tiers(bestTags(11));

        assertThat(tiers.values().stream().filter(t -> t == Tier.GOLD).count()).isEqualTo(2);
        assertThat(tiers.values().stream().filter(t -> t == Tier.SILVER).count()).isEqualTo(3);
        assertThat(tiers.values().stream().filter(t -> t == Tier.BRONZE).count()).isEqualTo(6);
    }

    @Test
    void aLoneTaggedPlayerIsGoldAndTiersFollowTheBestTagNotThePlayerId() {
        assertThat(SeasonScoring.tiers(Map.of(UserId.of(9), 40))).isEqualTo(Map.of(UserId.of(9), Tier.GOLD));
        assertThat(SeasonScoring.tiers(Map.of(UserId.of(1), 30, UserId.of(2), 4, UserId.of(3), 17)))
                .isEqualTo(Map.of(UserId.of(2), Tier.GOLD, UserId.of(3), Tier.SILVER, UserId.of(1), Tier.BRONZE));
        assertThat(SeasonScoring.tiers(Map.of())).isEmpty();
    }

    @Test
    void pointsAreAHundredPerTaggedOpponentBeatenPlusTheTierBonus() {
        // Bronze -4 beats Silver -2, Gold 0 and new Bronze 0; Silver beats Gold and the new Bronze; the tie beats no one.
        RoundResults round = new RoundResults(1, true, AT, List.of(scored(BRONZE, -4), scored(SILVER, -2),
                scored(GOLD, 0), scored(BRONZE_NEW, 0)));
        Map<UserId, Integer> roundsBefore = Map.of(BRONZE, 2, SILVER, 5, GOLD, 9);

        Map<UserId, Integer> points = SeasonScoring.points(round, TAGGED, TIERS, roundsBefore);

        assertThat(points).isEqualTo(Map.of(BRONZE, 300 + 50 + 75, SILVER, 200 + 50, GOLD, 0, BRONZE_NEW, 0));
    }

    @Test
    void aGoldWinnerEarnsNoBonus() {
        RoundResults round = new RoundResults(1, true, AT, List.of(scored(GOLD, -5), scored(SILVER, 0), scored(BRONZE, 1)));

        Map<UserId, Integer> points = SeasonScoring.points(round, TAGGED, TIERS, Map.of(GOLD, 10));

        assertThat(points.get(GOLD)).isEqualTo(200);
        assertThat(points.get(SILVER)).isEqualTo(100);
    }

    @Test
    void aPlayerWithFewerThanThreeSeasonRoundsEarnsNoBonus() {
        RoundResults round = new RoundResults(1, true, AT, List.of(scored(BRONZE, -1), scored(GOLD, 2)));

        assertThat(SeasonScoring.points(round, TAGGED, TIERS, Map.of(BRONZE, 1)).get(BRONZE)).isEqualTo(100);
        assertThat(SeasonScoring.points(round, TAGGED, TIERS, Map.of(BRONZE, 2)).get(BRONZE)).isEqualTo(175);
    }

    @Test
    void untaggedOpponentsAndPlayersWhoDidNotFinishAreWorthNothing() {
        RoundResults round = new RoundResults(1, true, AT, List.of(scored(UNTAGGED, -9), scored(SILVER, -1),
                scored(GOLD, 4), didNotFinish(QUITTER)));
        Map<UserId, Integer> points = SeasonScoring.points(round, TAGGED, TIERS, Map.of(SILVER, 4));

        // The untagged player beats two tagged opponents but has no tier, so no bonus; nobody gains for beating them.
        assertThat(points).isEqualTo(Map.of(UNTAGGED, 200, SILVER, 150, GOLD, 0));
    }

    @Test
    void bonusTableMatchesTheRules() {
        assertThat(SeasonScoring.bonus(Tier.SILVER, Tier.GOLD)).isEqualTo(50);
        assertThat(SeasonScoring.bonus(Tier.BRONZE, Tier.SILVER)).isEqualTo(50);
        assertThat(SeasonScoring.bonus(Tier.BRONZE, Tier.GOLD)).isEqualTo(75);
        assertThat(SeasonScoring.bonus(Tier.GOLD, Tier.SILVER)).isZero();
        assertThat(SeasonScoring.bonus(Tier.SILVER, Tier.SILVER)).isZero();
        assertThat(SeasonScoring.bonus(Tier.BRONZE, Tier.BRONZE)).isZero();
        assertThat(SeasonScoring.bonus(null, Tier.GOLD)).isZero();
    }

    private static Map<UserId, Integer> bestTags(int players) {
        Map<UserId, Integer> tags = new HashMap<>();
        for (int i = 1; i <= players; i++) tags.put(UserId.of(i), i);
        return tags;
    }
}
