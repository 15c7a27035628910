package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tag leaderboard of each guild: holders, the ledger they are folded from ({@link TagLedger}), the history of every
 * move, swap requests and the kept-current leaderboard message. Every call names one guild and touches only its rows.
 */
public interface TagRepository {

    /** Current holders, player to tag. */
    Map<UserId, Integer> holders(GuildId guild);

    /**
     * Appends a claim or accepted swap to the ledger and updates the holders, in one transaction; returns the moves it
     * caused (empty if the player already held the tag).
     */
    List<TagMove> take(GuildId guild, UserId player, int tag, TagMove.Reason reason, Instant at);

    /**
     * Records a finalized singles round's results and folds the whole ledger again, in one transaction; returns the
     * moves against the holders before. Applying the same results again changes nothing; new results for a round
     * already recorded replace them in place. Results of a round that is not singles are ignored.
     */
    List<TagMove> applyRound(GuildId guild, RoundResults results, Instant at);

    /** The newest moves first, at most {@code limit}. */
    List<TagMove> history(GuildId guild, int limit);

    /** Stores a new pending swap request and returns it with its id. */
    SwapRequest createSwap(GuildId guild, UserId requester, UserId holder, int tag, Instant createdAt, Instant expiresAt);

    Optional<SwapRequest> swap(GuildId guild, long id);

    /** The requester's pending request for this tag, if any. */
    Optional<SwapRequest> pendingSwap(GuildId guild, UserId requester, int tag);

    void attachSwapMessage(GuildId guild, long id, ChannelId channel, MessageId message);

    /** Moves a pending request to {@code status}; false if it was no longer pending (someone else resolved it). */
    boolean resolveSwap(GuildId guild, long id, SwapRequest.Status status);

    Optional<LeaderboardMessage> leaderboardMessage(GuildId guild);

    void rememberLeaderboardMessage(GuildId guild, LeaderboardMessage message);
}
