package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link TagRepository} in memory, folding a ledger like the SQL one does. */
public final class InMemoryTags implements TagRepository {
    private final Map<GuildId, List<TagLedger.Entry>> ledgers = new HashMap<>();
    private final Map<GuildId, Map<UserId, Integer>> holders = new HashMap<>();
    private final Map<GuildId, List<TagMove>> history = new HashMap<>();
    private final Map<GuildId, Map<Long, SwapRequest>> swaps = new HashMap<>();
    private final Map<GuildId, LeaderboardMessage> messages = new HashMap<>();

    @Override
    public synchronized Map<UserId, Integer> holders(GuildId guild) {
        return Map.copyOf(holders.getOrDefault(guild, Map.of()));
    }

    @Override
    public synchronized List<TagMove> take(GuildId guild, UserId player, int tag, TagMove.Reason reason, Instant at) {
        ledger(guild).add(new TagLedger.Take(player, tag, reason));
        return refold(guild, reason, Optional.empty(), at);
    }

    @Override
    public synchronized List<TagMove> applyRound(GuildId guild, RoundResults results, Instant at) {
        if (!results.singles()) return List.of();
        List<TagLedger.Entry> ledger = ledger(guild);
        for (int i = 0; i < ledger.size(); i++) {
            if (ledger.get(i) instanceof TagLedger.Round round && round.results().roundId() == results.roundId()) {
                if (round.results().equals(results)) return List.of();
                ledger.set(i, new TagLedger.Round(results));
                return refold(guild, TagMove.Reason.ROUND, Optional.of(results.roundId()), at);
            }
        }
        ledger.add(new TagLedger.Round(results));
        return refold(guild, TagMove.Reason.ROUND, Optional.of(results.roundId()), at);
    }

    private List<TagMove> refold(GuildId guild, TagMove.Reason reason, Optional<Long> round, Instant at) {
        Map<UserId, Integer> after = TagLedger.replay(ledger(guild));
        List<TagMove> moves = TagLedger.diff(holders(guild), after, reason, round, at);
        holders.put(guild, after);
        history.computeIfAbsent(guild, g -> new ArrayList<>()).addAll(moves);
        return moves;
    }

    private List<TagLedger.Entry> ledger(GuildId guild) {
        return ledgers.computeIfAbsent(guild, g -> new ArrayList<>());
    }

    @Override
    public synchronized List<TagMove> history(GuildId guild, int limit) {
        List<TagMove> all = new ArrayList<>(history.getOrDefault(guild, List.of()));
        java.util.Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public synchronized SwapRequest createSwap(GuildId guild, UserId requester, UserId holder, int tag, Instant createdAt,
                                               Instant expiresAt) {
        Map<Long, SwapRequest> mine = swaps.computeIfAbsent(guild, g -> new LinkedHashMap<>());
        SwapRequest swap = new SwapRequest(mine.size() + 1, requester, holder, tag, createdAt, expiresAt,
                SwapRequest.Status.PENDING, Optional.empty(), Optional.empty());
        mine.put(swap.id(), swap);
        return swap;
    }

    @Override
    public synchronized Optional<SwapRequest> swap(GuildId guild, long id) {
        return Optional.ofNullable(swaps.getOrDefault(guild, Map.of()).get(id));
    }

    @Override
    public synchronized Optional<SwapRequest> pendingSwap(GuildId guild, UserId requester, int tag) {
        return swaps.getOrDefault(guild, Map.of()).values().stream()
                .filter(s -> s.isPending() && s.requester().equals(requester) && s.tag() == tag).findFirst();
    }

    @Override
    public synchronized void attachSwapMessage(GuildId guild, long id, ChannelId channel, MessageId message) {
        swaps.get(guild).computeIfPresent(id, (k, s) -> new SwapRequest(s.id(), s.requester(), s.holder(), s.tag(),
                s.createdAt(), s.expiresAt(), s.status(), Optional.of(channel), Optional.of(message)));
    }

    @Override
    public synchronized boolean resolveSwap(GuildId guild, long id, SwapRequest.Status status) {
        Optional<SwapRequest> swap = swap(guild, id).filter(SwapRequest::isPending);
        swap.ifPresent(s -> swaps.get(guild).put(id, new SwapRequest(s.id(), s.requester(), s.holder(), s.tag(),
                s.createdAt(), s.expiresAt(), status, s.channel(), s.message())));
        return swap.isPresent();
    }

    @Override
    public synchronized Optional<LeaderboardMessage> leaderboardMessage(GuildId guild) {
        return Optional.ofNullable(messages.get(guild));
    }

    @Override
    public synchronized void rememberLeaderboardMessage(GuildId guild, LeaderboardMessage message) {
        messages.put(guild, message);
    }
}
