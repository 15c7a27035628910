package dev.guildhall.modules.frolf.storage;

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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TagRepository} on the V4 tables. Every change appends to the ledger and folds it again inside one
 * transaction, so holders always equal the fold of the ledger, and a round's results applied twice change nothing.
 */
final class JdbiTagRepository implements TagRepository {
    private static final String SWAP_COLUMNS =
            "swap_id, requester_id, holder_id, tag, created_at, expires_at, status, channel_id, message_id";

    private final Jdbi jdbi;

    JdbiTagRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<UserId, Integer> holders(GuildId guild) {
        return Sql.call(jdbi, "read the tag holders", guild, handle -> holders(handle, guild));
    }

    private static Map<UserId, Integer> holders(Handle handle, GuildId guild) {
        Map<UserId, Integer> holders = new HashMap<>();
        handle.createQuery("SELECT player_id, tag FROM frolf_tag_holder WHERE guild_id = :guild")
                .bind("guild", guild.value())
                .map((rs, ctx) -> Map.entry(UserId.of(rs.getLong("player_id")), rs.getInt("tag")))
                .forEach(e -> holders.put(e.getKey(), e.getValue()));
        return holders;
    }

    @Override
    public List<TagMove> take(GuildId guild, UserId player, int tag, TagMove.Reason reason, Instant at) {
        TagLedger.Take take = new TagLedger.Take(player, tag, reason); // refuses a bad tag or reason before any write
        return Sql.inTransaction(jdbi, "record a tag " + reason.name().toLowerCase(java.util.Locale.ROOT), guild, tx -> {
            tx.createUpdate("""
                            INSERT INTO frolf_tag_ledger (guild_id, seq, kind, player_id, tag, round_id, at)
                            VALUES (:guild, :seq, :kind, :player, :tag, NULL, :at)""")
                    .bind("guild", guild.value()).bind("seq", Sql.next(tx, "frolf_tag_ledger", "seq", guild))
                    .bind("kind", take.reason().name()).bind("player", player.value()).bind("tag", tag)
                    .bind("at", at.toEpochMilli()).execute();
            return refold(tx, guild, reason, Optional.empty(), at);
        });
    }

    @Override
    public List<TagMove> applyRound(GuildId guild, RoundResults results, Instant at) {
        if (!results.singles()) return List.of();
        return Sql.inTransaction(jdbi, "apply the results of round " + results.roundId(), guild, tx -> {
            Map<UserId, Optional<Integer>> stored = storedResults(tx, guild).getOrDefault(results.roundId(), Map.of());
            Map<UserId, Optional<Integer>> incoming = new HashMap<>();
            results.finishers().forEach(f -> incoming.put(f.player(), f.score()));
            boolean recorded = tx.createQuery("SELECT COUNT(*) FROM frolf_tag_ledger WHERE guild_id = :guild AND round_id = :round")
                    .bind("guild", guild.value()).bind("round", results.roundId()).mapTo(Long.class).one() > 0;
            if (recorded && stored.equals(incoming)) return List.<TagMove>of();
            tx.createUpdate("DELETE FROM frolf_tag_result WHERE guild_id = :guild AND round_id = :round")
                    .bind("guild", guild.value()).bind("round", results.roundId()).execute();
            for (RoundResults.Finisher finisher : results.finishers()) {
                tx.createUpdate("""
                                INSERT INTO frolf_tag_result (guild_id, round_id, player_id, score, finalized_at)
                                VALUES (:guild, :round, :player, :score, :finalizedAt)""")
                        .bind("guild", guild.value()).bind("round", results.roundId())
                        .bind("player", finisher.player().value()).bind("score", finisher.score().orElse(null))
                        .bind("finalizedAt", results.finalizedAt().toEpochMilli()).execute();
            }
            if (!recorded) {
                // The round keeps the ledger position of its first finalization; an override only replaces results.
                tx.createUpdate("""
                                INSERT INTO frolf_tag_ledger (guild_id, seq, kind, player_id, tag, round_id, at)
                                VALUES (:guild, :seq, 'ROUND', NULL, NULL, :round, :at)""")
                        .bind("guild", guild.value()).bind("seq", Sql.next(tx, "frolf_tag_ledger", "seq", guild))
                        .bind("round", results.roundId()).bind("at", results.finalizedAt().toEpochMilli()).execute();
            }
            return refold(tx, guild, TagMove.Reason.ROUND, Optional.of(results.roundId()), at);
        });
    }

    /** Folds the whole ledger, stores the new holders and the moves in the history, and returns the moves. */
    private static List<TagMove> refold(Handle tx, GuildId guild, TagMove.Reason reason, Optional<Long> round, Instant at) {
        Map<Long, Map<UserId, Optional<Integer>>> results = storedResults(tx, guild);
        List<TagLedger.Entry> entries = tx.createQuery("""
                        SELECT kind, player_id, tag, round_id, at FROM frolf_tag_ledger WHERE guild_id = :guild ORDER BY seq""")
                .bind("guild", guild.value())
                .map((rs, ctx) -> entry(rs, results))
                .list();
        Map<UserId, Integer> before = holders(tx, guild);
        Map<UserId, Integer> after = TagLedger.replay(entries);
        List<TagMove> moves = TagLedger.diff(before, after, reason, round, at);
        if (moves.isEmpty()) return moves;
        tx.createUpdate("DELETE FROM frolf_tag_holder WHERE guild_id = :guild").bind("guild", guild.value()).execute();
        after.forEach((player, tag) -> tx.createUpdate(
                        "INSERT INTO frolf_tag_holder (guild_id, tag, player_id) VALUES (:guild, :tag, :player)")
                .bind("guild", guild.value()).bind("tag", tag).bind("player", player.value()).execute());
        long seq = Sql.next(tx, "frolf_tag_history", "seq", guild);
        for (TagMove move : moves) {
            tx.createUpdate("""
                            INSERT INTO frolf_tag_history (guild_id, seq, player_id, from_tag, to_tag, reason, round_id, at)
                            VALUES (:guild, :seq, :player, :from, :to, :reason, :round, :at)""")
                    .bind("guild", guild.value()).bind("seq", seq++).bind("player", move.player().value())
                    .bind("from", move.from().orElse(null)).bind("to", move.to().orElse(null))
                    .bind("reason", move.reason().name()).bind("round", move.roundId().orElse(null))
                    .bind("at", move.at().toEpochMilli()).execute();
        }
        return moves;
    }

    private static TagLedger.Entry entry(ResultSet rs, Map<Long, Map<UserId, Optional<Integer>>> results) throws SQLException {
        String kind = rs.getString("kind");
        if (!kind.equals("ROUND")) {
            return new TagLedger.Take(UserId.of(rs.getLong("player_id")), rs.getInt("tag"), TagMove.Reason.valueOf(kind));
        }
        long round = rs.getLong("round_id");
        List<RoundResults.Finisher> finishers = new ArrayList<>();
        results.getOrDefault(round, Map.of()).forEach((player, score) -> finishers.add(new RoundResults.Finisher(player, score)));
        return new TagLedger.Round(new RoundResults(round, true, Instant.ofEpochMilli(rs.getLong("at")), finishers));
    }

    private record ResultRow(long round, UserId player, Optional<Integer> score) {}

    /** Every stored round result of the guild: round id to player to score (empty: did not finish). */
    private static Map<Long, Map<UserId, Optional<Integer>>> storedResults(Handle handle, GuildId guild) {
        Map<Long, Map<UserId, Optional<Integer>>> results = new HashMap<>();
        handle.createQuery("SELECT round_id, player_id, score FROM frolf_tag_result WHERE guild_id = :guild")
                .bind("guild", guild.value())
                .map((rs, ctx) -> new ResultRow(rs.getLong("round_id"), UserId.of(rs.getLong("player_id")),
                        Sql.optionalInt(rs, "score")))
                .forEach(row -> results.computeIfAbsent(row.round(), r -> new LinkedHashMap<>()).put(row.player(), row.score()));
        return results;
    }

    @Override
    public List<TagMove> history(GuildId guild, int limit) {
        return Sql.call(jdbi, "read the tag history", guild, handle -> handle.createQuery("""
                        SELECT player_id, from_tag, to_tag, reason, round_id, at FROM frolf_tag_history
                        WHERE guild_id = :guild ORDER BY seq DESC LIMIT :limit""")
                .bind("guild", guild.value()).bind("limit", limit)
                .map((rs, ctx) -> new TagMove(UserId.of(rs.getLong("player_id")), Sql.optionalInt(rs, "from_tag"),
                        Sql.optionalInt(rs, "to_tag"), TagMove.Reason.valueOf(rs.getString("reason")),
                        Sql.optionalLong(rs, "round_id"), Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
    }

    @Override
    public SwapRequest createSwap(GuildId guild, UserId requester, UserId holder, int tag, Instant createdAt,
                                  Instant expiresAt) {
        return Sql.inTransaction(jdbi, "create a swap request", guild, tx -> {
            long id = Sql.next(tx, "frolf_tag_swap", "swap_id", guild);
            tx.createUpdate("""
                            INSERT INTO frolf_tag_swap (guild_id, swap_id, requester_id, holder_id, tag, created_at,
                                                        expires_at, status, channel_id, message_id)
                            VALUES (:guild, :id, :requester, :holder, :tag, :createdAt, :expiresAt, 'PENDING', NULL, NULL)""")
                    .bind("guild", guild.value()).bind("id", id).bind("requester", requester.value())
                    .bind("holder", holder.value()).bind("tag", tag).bind("createdAt", createdAt.toEpochMilli())
                    .bind("expiresAt", expiresAt.toEpochMilli()).execute();
            return new SwapRequest(id, requester, holder, tag, Instant.ofEpochMilli(createdAt.toEpochMilli()),
                    Instant.ofEpochMilli(expiresAt.toEpochMilli()), SwapRequest.Status.PENDING, Optional.empty(),
                    Optional.empty());
        });
    }

    @Override
    public Optional<SwapRequest> swap(GuildId guild, long id) {
        return Sql.call(jdbi, "read swap request " + id, guild, handle -> handle.createQuery(
                        "SELECT " + SWAP_COLUMNS + " FROM frolf_tag_swap WHERE guild_id = :guild AND swap_id = :id")
                .bind("guild", guild.value()).bind("id", id)
                .map((rs, ctx) -> swap(rs)).findOne());
    }

    @Override
    public Optional<SwapRequest> pendingSwap(GuildId guild, UserId requester, int tag) {
        return Sql.call(jdbi, "read pending swap requests", guild, handle -> handle.createQuery(
                        "SELECT " + SWAP_COLUMNS + " FROM frolf_tag_swap WHERE guild_id = :guild"
                                + " AND requester_id = :requester AND tag = :tag AND status = 'PENDING' ORDER BY swap_id")
                .bind("guild", guild.value()).bind("requester", requester.value()).bind("tag", tag)
                .map((rs, ctx) -> swap(rs)).findFirst());
    }

    private static SwapRequest swap(ResultSet rs) throws SQLException {
        return new SwapRequest(rs.getLong("swap_id"), UserId.of(rs.getLong("requester_id")),
                UserId.of(rs.getLong("holder_id")), rs.getInt("tag"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")), SwapRequest.Status.valueOf(rs.getString("status")),
                Sql.optionalLong(rs, "channel_id").map(ChannelId::of), Sql.optionalLong(rs, "message_id").map(MessageId::of));
    }

    @Override
    public void attachSwapMessage(GuildId guild, long id, ChannelId channel, MessageId message) {
        Sql.call(jdbi, "attach the message of swap request " + id, guild, handle -> handle.createUpdate("""
                        UPDATE frolf_tag_swap SET channel_id = :channel, message_id = :message
                        WHERE guild_id = :guild AND swap_id = :id""")
                .bind("channel", channel.value()).bind("message", message.value())
                .bind("guild", guild.value()).bind("id", id).execute());
    }

    @Override
    public boolean resolveSwap(GuildId guild, long id, SwapRequest.Status status) {
        if (status == SwapRequest.Status.PENDING) throw new IllegalArgumentException("a swap is resolved to a final status");
        return Sql.call(jdbi, "resolve swap request " + id, guild, handle -> handle.createUpdate("""
                        UPDATE frolf_tag_swap SET status = :status
                        WHERE guild_id = :guild AND swap_id = :id AND status = 'PENDING'""")
                .bind("status", status.name()).bind("guild", guild.value()).bind("id", id).execute()) == 1;
    }

    @Override
    public Optional<LeaderboardMessage> leaderboardMessage(GuildId guild) {
        return Sql.call(jdbi, "read the leaderboard message", guild, handle -> handle.createQuery(
                        "SELECT channel_id, message_id FROM frolf_leaderboard_message WHERE guild_id = :guild")
                .bind("guild", guild.value())
                .map((rs, ctx) -> new LeaderboardMessage(ChannelId.of(rs.getLong("channel_id")),
                        MessageId.of(rs.getLong("message_id"))))
                .findOne());
    }

    @Override
    public void rememberLeaderboardMessage(GuildId guild, LeaderboardMessage message) {
        Sql.call(jdbi, "remember the leaderboard message", guild, handle -> handle.createUpdate("""
                        INSERT INTO frolf_leaderboard_message (guild_id, channel_id, message_id)
                        VALUES (:guild, :channel, :message)
                        ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,
                            message_id = excluded.message_id""")
                .bind("guild", guild.value()).bind("channel", message.channel().value())
                .bind("message", message.message().value()).execute());
    }
}
