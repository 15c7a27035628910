package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.rounds.Participant;
import dev.guildhall.modules.frolf.rounds.Round;
import dev.guildhall.modules.frolf.rounds.RoundDraft;
import dev.guildhall.modules.frolf.rounds.RoundRepository;
import dev.guildhall.modules.frolf.rounds.RoundStatus;
import dev.guildhall.modules.frolf.rounds.Rsvp;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link RoundRepository} on {@code frolf_round} and {@code frolf_round_participant}; every query names the guild. */
final class JdbiRoundRepository implements RoundRepository {
    private static final String COLUMNS = """
            guild_id, round_id, title, description, location, start_at, creator_id, status, channel_id, message_id,
            thread_id, scheduled_event_id, reminded_at, finalized_at, created_at""";
    private static final String INSERT = "INSERT INTO frolf_round (" + COLUMNS + """
            ) VALUES (:guild, :round, :title, :description, :location, :start, :creator, :status, :channel, :message,
            :thread, :event, :remindedAt, :finalizedAt, :createdAt)""";
    private static final String UPDATE = """
            UPDATE frolf_round SET title = :title, description = :description, location = :location, start_at = :start,
            status = :status, channel_id = :channel, message_id = :message, thread_id = :thread,
            scheduled_event_id = :event, reminded_at = :remindedAt, finalized_at = :finalizedAt
            WHERE guild_id = :guild AND round_id = :round""";
    private static final String UPSERT_RSVP = """
            INSERT INTO frolf_round_participant (guild_id, round_id, user_id, rsvp, score, responded_at)
            VALUES (:guild, :round, :user, :rsvp, NULL, :at)
            ON CONFLICT (guild_id, round_id, user_id) DO UPDATE SET rsvp = excluded.rsvp""";
    private static final String UPSERT_SCORE = """
            INSERT INTO frolf_round_participant (guild_id, round_id, user_id, rsvp, score, responded_at)
            VALUES (:guild, :round, :user, 'ACCEPTED', :score, :at)
            ON CONFLICT (guild_id, round_id, user_id) DO UPDATE SET rsvp = 'ACCEPTED', score = excluded.score""";

    private final Jdbi jdbi;

    JdbiRoundRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Round create(GuildId guild, RoundDraft draft, UserId creator, ChannelId channel, Instant createdAt) {
        return call("create a round", guild, handle -> handle.inTransaction(tx -> {
            long next = tx.createQuery("SELECT COALESCE(MAX(round_id), 0) + 1 FROM frolf_round WHERE guild_id = :guild")
                    .bind("guild", guild.value()).mapTo(Long.class).one();
            Round round = Round.created(guild, next, draft, creator, channel, createdAt);
            bindRound(tx.createUpdate(INSERT), round).bind("creator", creator.value())
                    .bind("createdAt", createdAt.toEpochMilli()).execute();
            return round;
        }));
    }

    @Override
    public Optional<Round> find(GuildId guild, long round) {
        return call("read a round", guild, handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM frolf_round WHERE guild_id = :guild AND round_id = :round")
                .bind("guild", guild.value()).bind("round", round).map(JdbiRoundRepository::round).findOne());
    }

    @Override
    public List<Round> rounds(GuildId guild) {
        return call("list rounds", guild, handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM frolf_round WHERE guild_id = :guild ORDER BY round_id DESC")
                .bind("guild", guild.value()).map(JdbiRoundRepository::round).list());
    }

    @Override
    public void update(Round round) {
        call("update a round", round.guild(), handle -> bindRound(handle.createUpdate(UPDATE), round).execute());
    }

    @Override
    public void delete(GuildId guild, long round) {
        call("delete a round", guild, handle -> handle.inTransaction(tx -> {
            // Explicit, not only the cascade: SQLite enforces foreign keys only when the connection asks for it.
            tx.createUpdate("DELETE FROM frolf_round_participant WHERE guild_id = :guild AND round_id = :round")
                    .bind("guild", guild.value()).bind("round", round).execute();
            return tx.createUpdate("DELETE FROM frolf_round WHERE guild_id = :guild AND round_id = :round")
                    .bind("guild", guild.value()).bind("round", round).execute();
        }));
    }

    @Override
    public List<Participant> participants(GuildId guild, long round) {
        return call("read participants", guild, handle -> handle.createQuery("""
                        SELECT user_id, rsvp, score, responded_at FROM frolf_round_participant
                        WHERE guild_id = :guild AND round_id = :round ORDER BY responded_at, user_id""")
                .bind("guild", guild.value()).bind("round", round)
                .map((rs, ctx) -> new Participant(UserId.of(rs.getLong("user_id")), Rsvp.valueOf(rs.getString("rsvp")),
                        optionalInt(rs, "score"), Instant.ofEpochMilli(rs.getLong("responded_at"))))
                .list());
    }

    @Override
    public void setRsvp(GuildId guild, long round, UserId user, Rsvp rsvp, Instant at) {
        call("record an RSVP", guild, handle -> handle.createUpdate(UPSERT_RSVP)
                .bind("guild", guild.value()).bind("round", round).bind("user", user.value())
                .bind("rsvp", rsvp.name()).bind("at", at.toEpochMilli()).execute());
    }

    @Override
    public void setScore(GuildId guild, long round, UserId user, Optional<Integer> score, Instant at) {
        call("record a score", guild, handle -> handle.createUpdate(UPSERT_SCORE)
                .bind("guild", guild.value()).bind("round", round).bind("user", user.value())
                .bind("score", score.orElse(null)).bind("at", at.toEpochMilli()).execute());
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindRound(S statement, Round round) {
        RoundDraft draft = round.draft();
        return statement.bind("guild", round.guild().value()).bind("round", round.id())
                .bind("title", draft.title()).bind("description", draft.description())
                .bind("location", draft.location()).bind("start", draft.start().toEpochMilli())
                .bind("status", round.status().name()).bind("channel", round.channel().value())
                .bind("message", round.message().map(MessageId::value).orElse(null))
                .bind("thread", round.thread().map(ChannelId::value).orElse(null))
                .bind("event", round.scheduledEvent().orElse(null))
                .bind("remindedAt", round.remindedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("finalizedAt", round.finalizedAt().map(Instant::toEpochMilli).orElse(null));
    }

    private static Round round(ResultSet rs, StatementContext ctx) throws SQLException {
        RoundDraft draft = new RoundDraft(rs.getString("title"), rs.getString("description"), rs.getString("location"),
                Instant.ofEpochMilli(rs.getLong("start_at")));
        return new Round(GuildId.of(rs.getLong("guild_id")), rs.getLong("round_id"), draft,
                UserId.of(rs.getLong("creator_id")), RoundStatus.valueOf(rs.getString("status")),
                ChannelId.of(rs.getLong("channel_id")), optionalLong(rs, "message_id").map(MessageId::of),
                optionalLong(rs, "thread_id").map(ChannelId::of), optionalLong(rs, "scheduled_event_id"),
                optionalLong(rs, "reminded_at").map(Instant::ofEpochMilli),
                optionalLong(rs, "finalized_at").map(Instant::ofEpochMilli),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private <T> T call(String what, GuildId guild, Function<Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (JdbiException | IllegalArgumentException e) {
            throw new StorageException("could not " + what + " of guild " + guild, e);
        }
    }
}
