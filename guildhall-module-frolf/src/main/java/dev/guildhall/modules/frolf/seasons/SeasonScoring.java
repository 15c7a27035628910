package dev.guildhall.modules.frolf.seasons;

import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.tags.RoundResults;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Season points of one finalized round, as a pure function.
 *
 * <ul>
 *   <li>Each player with a score earns 100 points for every <em>tagged</em> opponent who also has a score and finished
 *       strictly behind them (ties beat no one; a player who did not finish is beaten by no one and beats no one).</li>
 *   <li>Tier bonus per such opponent: Silver beating Gold +50, Bronze beating Silver +50, Bronze beating Gold +75. No
 *       bonus for a Gold winner, for a winner with no tier, or for a winner with fewer than {@value #BONUS_MIN_ROUNDS}
 *       season rounds counting this one.</li>
 *   <li>Tiers come from the season-best tag, best first: Gold is the top ceil(10% of N) players, at least one when N
 *       players have a tag; Silver the next up to ceil(40% of N) in all; the rest Bronze.</li>
 * </ul>
 */
public final class SeasonScoring {
    public static final int POINTS_PER_OPPONENT = 100;
    public static final int BONUS_MIN_ROUNDS = 3;

    private SeasonScoring() {}

    /**
     * Tiers of everyone with a season-best tag (player to tag). Two players can share a season-best tag, held at
     * different times; the lower player id goes first then, so that tiers never depend on map order.
     */
    public static Map<UserId, Tier> tiers(Map<UserId, Integer> seasonBestTags) {
        int n = seasonBestTags.size();
        int gold = ceilPercent(n, 10);
        int goldOrSilver = Math.max(gold, ceilPercent(n, 40));
        List<UserId> ordered = seasonBestTags.entrySet().stream()
                .sorted(Map.Entry.<UserId, Integer>comparingByValue().thenComparing(e -> e.getKey().value()))
                .map(Map.Entry::getKey).toList();
        Map<UserId, Tier> tiers = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            tiers.put(ordered.get(i), i < gold ? Tier.GOLD : i < goldOrSilver ? Tier.SILVER : Tier.BRONZE);
        }
        return tiers;
    }

    /** ceil(n * percent / 100) in integers, so 10% of 11 players is 2. */
    static int ceilPercent(int n, int percent) {
        return (n * percent + 99) / 100;
    }

    /**
     * Points of each player with a score in {@code results} (zero included).
     *
     * @param tagged       players who hold a tag when the round is scored
     * @param tiers        tiers from {@link #tiers}
     * @param roundsBefore season rounds each player finished before this one
     */
    public static Map<UserId, Integer> points(RoundResults results, Set<UserId> tagged, Map<UserId, Tier> tiers,
                                              Map<UserId, Integer> roundsBefore) {
        List<RoundResults.Finisher> scored = results.finishers().stream().filter(f -> f.score().isPresent())
                .sorted(Comparator.comparingInt(f -> f.score().orElseThrow())).toList();
        Map<UserId, Integer> points = new HashMap<>();
        for (RoundResults.Finisher winner : scored) {
            int total = 0;
            boolean bonusAllowed = roundsBefore.getOrDefault(winner.player(), 0) + 1 >= BONUS_MIN_ROUNDS;
            for (RoundResults.Finisher loser : scored) {
                if (!tagged.contains(loser.player())) continue;
                if (loser.score().orElseThrow() <= winner.score().orElseThrow()) continue;
                total += POINTS_PER_OPPONENT;
                if (bonusAllowed) total += bonus(tiers.get(winner.player()), tiers.get(loser.player()));
            }
            points.put(winner.player(), total);
        }
        return points;
    }

    /** The tier bonus of {@code winner} beating {@code loser}; zero when either has no tier. */
    public static int bonus(Tier winner, Tier loser) {
        if (winner == null || loser == null) return 0;
        if (winner == Tier.SILVER && loser == Tier.GOLD) return 50;
        if (winner == Tier.BRONZE && loser == Tier.SILVER) return 50;
        if (winner == Tier.BRONZE && loser == Tier.GOLD) return 75;
        return 0;
    }
}
