package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The final results of one round, as the tag leaderboard and seasons need them: who played and their score relative
 * to par (lower is better; empty means the player did not finish). Only singles rounds move tags.
 */
public record RoundResults(long roundId, boolean singles, Instant finalizedAt, List<Finisher> finishers) {
    public RoundResults {
        finishers = List.copyOf(finishers);
        Set<UserId> seen = new HashSet<>();
        for (Finisher finisher : finishers) {
            if (!seen.add(finisher.player())) {
                throw new IllegalArgumentException("player " + finisher.player() + " appears twice in round " + roundId);
            }
        }
    }

    public record Finisher(UserId player, Optional<Integer> score) {
        public Finisher {
            score = score == null ? Optional.empty() : score;
        }

        public static Finisher scored(UserId player, int score) {
            return new Finisher(player, Optional.of(score));
        }

        public static Finisher didNotFinish(UserId player) {
            return new Finisher(player, Optional.empty());
        }
    }
}
