package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A guild's tags are never edited in place: they are the fold of a ledger of claims, accepted swaps and finalized
 * singles rounds, in the order they first happened. An editor's override of a round replaces that round's results in
 * the ledger and the holders are folded again from the start, so a round never moves tags twice.
 */
public final class TagLedger {
    private TagLedger() {}

    /** One ledger entry. */
    public sealed interface Entry permits Take, Round {}

    /**
     * {@code player} takes {@code tag}: a claim of a free tag or an accepted swap. Whoever holds the tag at that point
     * gets the taker's previous tag, or none if the taker had none; the taker's previous tag is otherwise freed.
     */
    public record Take(UserId player, int tag, TagMove.Reason reason) implements Entry {
        public Take {
            if (tag < 1) throw new IllegalArgumentException("tags start at 1, got " + tag);
            if (reason == TagMove.Reason.ROUND) throw new IllegalArgumentException("a take is a claim or a swap");
        }
    }

    public record Round(RoundResults results) implements Entry {}

    /** The holders (player to tag) after the entries, starting from no holders. */
    public static Map<UserId, Integer> replay(List<? extends Entry> entries) {
        Map<UserId, Integer> holders = new HashMap<>();
        for (Entry entry : entries) holders = apply(holders, entry);
        return holders;
    }

    /** The holders after one more entry; the input map is not changed. */
    public static Map<UserId, Integer> apply(Map<UserId, Integer> holders, Entry entry) {
        return switch (entry) {
            case Round round -> TagReallocation.apply(holders, round.results());
            case Take take -> take(holders, take);
        };
    }

    private static Map<UserId, Integer> take(Map<UserId, Integer> holders, Take take) {
        Map<UserId, Integer> next = new HashMap<>(holders);
        Optional<UserId> holder = holderOf(holders, take.tag());
        if (holder.isPresent() && holder.get().equals(take.player())) return next;
        Integer previous = next.remove(take.player());
        holder.ifPresent(other -> {
            if (previous == null) next.remove(other);
            else next.put(other, previous);
        });
        next.put(take.player(), take.tag());
        return next;
    }

    public static Optional<UserId> holderOf(Map<UserId, Integer> holders, int tag) {
        return holders.entrySet().stream().filter(e -> e.getValue() == tag).map(Map.Entry::getKey).findFirst();
    }

    /** The moves that turn {@code before} into {@code after}, one per player whose tag changed, ordered by player id. */
    public static List<TagMove> diff(Map<UserId, Integer> before, Map<UserId, Integer> after, TagMove.Reason reason,
                                     Optional<Long> roundId, Instant at) {
        Set<UserId> players = new HashSet<>(before.keySet());
        players.addAll(after.keySet());
        List<TagMove> moves = new ArrayList<>();
        players.stream().sorted((a, b) -> Long.compare(a.value(), b.value())).forEach(player -> {
            Integer from = before.get(player);
            Integer to = after.get(player);
            if (!Objects.equals(from, to)) {
                moves.add(new TagMove(player, Optional.ofNullable(from), Optional.ofNullable(to), reason, roundId, at));
            }
        });
        return moves;
    }
}
