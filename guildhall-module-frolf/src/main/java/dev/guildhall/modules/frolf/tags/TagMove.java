package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.Optional;

/** One change of a player's tag; {@code from} empty for a newly tagged player, {@code to} empty for one who lost it. */
public record TagMove(UserId player, Optional<Integer> from, Optional<Integer> to, Reason reason,
                      Optional<Long> roundId, Instant at) {

    /** Why tags moved: a claim of a free tag, an accepted swap, or a round's results (first or recomputed). */
    public enum Reason { CLAIM, SWAP, ROUND }

    public TagMove {
        if (from.equals(to)) throw new IllegalArgumentException("a move must change the tag of " + player);
    }
}
