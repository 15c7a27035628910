package dev.guildhall.modules.frolf;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.tags.LeaderboardMessage;
import dev.guildhall.modules.frolf.tags.RoundResults;
import dev.guildhall.modules.frolf.tags.SwapRequest;
import dev.guildhall.modules.frolf.tags.TagLedger;
import dev.guildhall.modules.frolf.tags.TagMove;
import dev.guildhall.modules.frolf.tags.TagRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tag ledger in memory, folded with the real {@link TagLedger}; enough of the repository for frolf's own tests. */
final class InMemoryTags implements TagRepository {
    private final Map<GuildId, List<TagLedger.Entry>> ledgers = new HashMap<>();
    private final Map<GuildId, List<TagMove>> history = new HashMap<>();
    private final Map<GuildId, Map<Long, SwapRequest>> swaps = new HashMap<>();
    private final Map<GuildId, LeaderboardMessage> boards = new HashMap<>();

    @Override
    public synchronized Map<UserId, Integer> holders(GuildId guild) {
        return TagLedger.replay(ledger(guild));
    }

    @Override
    public synchronized List<TagMove> take(GuildId guild, UserId player, int tag, TagMove.Reason reason, Instant at) {
        Map<UserId, Integer> before = holders(guild);
        ledger(guild).add(new TagLedger.Take(player, tag, reason));
        return record(guild, TagLedger.diff(before, holders(guild), reason, Optional.empty(), at));
    }

    @Override
    public synchronized List<TagMove> applyRound(GuildId guild, RoundResults results, Instant at) {
        if (!results.singles()) return List.of();
        Map<UserId, Integer> before = holders(guild);
        List<TagLedger.Entry> ledger = ledger(guild);
        TagLedger.Round entry = new TagLedger.Round(results);
        int index = -1;
        for (int i = 0; i < ledger.size(); i++) {
            if (ledger.get(i) instanceof TagLedger.Round r && r.results().roundId() == results.roundId()) index = i;
        }
        if (index >= 0) ledger.set(index, entry);
        else ledger.add(entry);
        return record(guild, TagLedger.diff(before, holders(guild), TagMove.Reason.ROUND,
                Optional.of(results.roundId()), at));
    }

    @Override
    public synchronized List<TagMove> history(GuildId guild, int limit) {
        List<TagMove> all = new ArrayList<>(history.getOrDefault(guild, List.of()));
        java.util.Collections.reverse(all);
        return all.stream().limit(limit).toList();
    }

    @Override
    public synchronized SwapRequest createSwap(GuildId guild, UserId requester, UserId holder, int tag, Instant createdAt,
                                               Instant expiresAt) {
        Map<Long, SwapRequest> of = swaps.computeIfAbsent(guild, g -> new HashMap<>());
        SwapRequest swap = new SwapRequest(of.size() + 1, requester, holder, tag, createdAt, expiresAt,
                SwapRequest.Status.PENDING, Optional.empty(), Optional.empty());
        of.put(swap.id(), swap);
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
        swap(guild, id).ifPresent(s -> swaps.get(guild).put(id, new SwapRequest(s.id(), s.requester(), s.holder(),
                s.tag(), s.createdAt(), s.expiresAt(), s.status(), Optional.of(channel), Optional.of(message))));
    }

    @Override
    public synchronized boolean resolveSwap(GuildId guild, long id, SwapRequest.Status status) {
        Optional<SwapRequest> found = swap(guild, id).filter(SwapRequest::isPending);
        found.ifPresent(s -> swaps.get(guild).put(id, new SwapRequest(s.id(), s.requester(), s.holder(), s.tag(),
                s.createdAt(), s.expiresAt(), status, s.channel(), s.message())));
        return found.isPresent();
    }

    @Override
    public synchronized Optional<LeaderboardMessage> leaderboardMessage(GuildId guild) {
        return Optional.ofNullable(boards.get(guild));
    }

    @Override
    public synchronized void rememberLeaderboardMessage(GuildId guild, LeaderboardMessage message) {
        boards.put(guild, message);
    }

    private List<TagLedger.Entry> ledger(GuildId guild) {
        return ledgers.computeIfAbsent(guild, g -> new ArrayList<>());
    }

    private List<TagMove> record(GuildId guild, List<TagMove> moves) {
        history.computeIfAbsent(guild, g -> new ArrayList<>()).addAll(moves);
        return moves;
    }
}
