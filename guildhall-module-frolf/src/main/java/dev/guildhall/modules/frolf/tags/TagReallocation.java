package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag rule of a finalized singles round, as a pure function. The players who take part are those with a score
 * who hold a tag; their tags, sorted ascending, are handed out by finish rank. Tied players share a rank (competition
 * ranking 1, 1, 3) and among them the lower current tag keeps priority, which is the same as ordering by (score, current
 * tag). A player who did not finish keeps their tag; untagged players gain nothing; other rounds move nothing.
 *
 * <p>Applying the same round twice equals applying it once: after the first pass, tied players already hold tags in the
 * order of their scores, so the second pass hands every tag back to its holder.
 */
public final class TagReallocation {
    private TagReallocation() {}

    /** The holders (player to tag) after the round; the input map is not changed. */
    public static Map<UserId, Integer> apply(Map<UserId, Integer> holders, RoundResults results) {
        Map<UserId, Integer> next = new HashMap<>(holders);
        if (!results.singles()) return next;
        List<RoundResults.Finisher> taking = new ArrayList<>();
        for (RoundResults.Finisher finisher : results.finishers()) {
            if (finisher.score().isPresent() && holders.containsKey(finisher.player())) taking.add(finisher);
        }
        taking.sort(Comparator.<RoundResults.Finisher>comparingInt(f -> f.score().orElseThrow())
                .thenComparingInt(f -> holders.get(f.player())));
        List<Integer> pool = taking.stream().map(f -> holders.get(f.player())).sorted().toList();
        for (int i = 0; i < taking.size(); i++) next.put(taking.get(i).player(), pool.get(i));
        return next;
    }

    /** Competition ranks (1, 1, 3) of the players with a score; players who did not finish have none. */
    public static Map<UserId, Integer> ranks(RoundResults results) {
        List<RoundResults.Finisher> scored = results.finishers().stream().filter(f -> f.score().isPresent())
                .sorted(Comparator.comparingInt(f -> f.score().orElseThrow())).toList();
        Map<UserId, Integer> ranks = new HashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            boolean tiedWithPrevious = i > 0 && scored.get(i).score().equals(scored.get(i - 1).score());
            ranks.put(scored.get(i).player(), tiedWithPrevious ? ranks.get(scored.get(i - 1).player()) : i + 1);
        }
        return ranks;
    }
}
