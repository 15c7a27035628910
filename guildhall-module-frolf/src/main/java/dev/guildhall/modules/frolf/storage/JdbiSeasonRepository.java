package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.seasons.Season;
import dev.guildhall.modules.frolf.seasons.SeasonRepository;
import dev.guildhall.modules.frolf.seasons.SeasonStanding;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SeasonRepository} on the V4 tables; a partial unique index keeps one active season per guild. */
final class JdbiSeasonRepository implements SeasonRepository {
    private static final String COLUMNS = "season_id, name, started_at, ended_at";

    private final Jdbi jdbi;

    JdbiSeasonRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Season> active(GuildId guild) {
        return Sql.call(jdbi, "read the active season", guild, handle -> active(handle, guild));
    }

    private static Optional<Season> active(Handle handle, GuildId guild) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM frolf_season WHERE guild_id = :guild AND ended_at IS NULL")
                .bind("guild", guild.value()).map((rs, ctx) -> season(rs)).findOne();
    }

    @Override
    public Optional<Season> latest(GuildId guild) {
        return Sql.call(jdbi, "read the latest season", guild, handle -> active(handle, guild).or(() -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM frolf_season WHERE guild_id = :guild ORDER BY ended_at DESC, season_id DESC")
                .bind("guild", guild.value()).map((rs, ctx) -> season(rs)).findFirst()));
    }

    @Override
    public Optional<Season> start(GuildId guild, String name, Instant at) {
        return Sql.inTransaction(jdbi, "start a season", guild, tx -> {
            if (active(tx, guild).isPresent()) return Optional.<Season>empty();
            long id = Sql.next(tx, "frolf_season", "season_id", guild);
            tx.createUpdate("""
                            INSERT INTO frolf_season (guild_id, season_id, name, started_at, ended_at)
                            VALUES (:guild, :id, :name, :at, NULL)""")
                    .bind("guild", guild.value()).bind("id", id).bind("name", name).bind("at", at.toEpochMilli()).execute();
            return Optional.of(new Season(id, name, Instant.ofEpochMilli(at.toEpochMilli()), Optional.empty()));
        });
    }

    @Override
    public boolean end(GuildId guild, long season, Instant at) {
        return Sql.call(jdbi, "end season " + season, guild, handle -> handle.createUpdate("""
                        UPDATE frolf_season SET ended_at = :at
                        WHERE guild_id = :guild AND season_id = :season AND ended_at IS NULL""")
                .bind("at", at.toEpochMilli()).bind("guild", guild.value()).bind("season", season).execute()) == 1;
    }

    @Override
    public void recordTags(GuildId guild, long season, Map<UserId, Integer> tags) {
        if (tags.isEmpty()) return;
        Sql.inTransaction(jdbi, "record season-best tags", guild, tx -> {
            tags.forEach((player, tag) -> tx.createUpdate("""
                            INSERT INTO frolf_season_best_tag (guild_id, season_id, player_id, best_tag)
                            VALUES (:guild, :season, :player, :tag)
                            ON CONFLICT (guild_id, season_id, player_id) DO UPDATE SET best_tag =
                                CASE WHEN excluded.best_tag < frolf_season_best_tag.best_tag
                                     THEN excluded.best_tag ELSE frolf_season_best_tag.best_tag END""")
                    .bind("guild", guild.value()).bind("season", season).bind("player", player.value()).bind("tag", tag)
                    .execute());
            return null;
        });
    }

    @Override
    public Map<UserId, Integer> bestTags(GuildId guild, long season) {
        return Sql.call(jdbi, "read season-best tags", guild, handle -> {
            Map<UserId, Integer> best = new HashMap<>();
            handle.createQuery("""
                            SELECT player_id, best_tag FROM frolf_season_best_tag
                            WHERE guild_id = :guild AND season_id = :season""")
                    .bind("guild", guild.value()).bind("season", season)
                    .map((rs, ctx) -> Map.entry(UserId.of(rs.getLong("player_id")), rs.getInt("best_tag")))
                    .forEach(e -> best.put(e.getKey(), e.getValue()));
            return best;
        });
    }

    @Override
    public void replaceRoundPoints(GuildId guild, long season, long round, Map<UserId, Integer> points) {
        Sql.inTransaction(jdbi, "record the season points of round " + round, guild, tx -> {
            tx.createUpdate("DELETE FROM frolf_season_points WHERE guild_id = :guild AND season_id = :season AND round_id = :round")
                    .bind("guild", guild.value()).bind("season", season).bind("round", round).execute();
            points.forEach((player, value) -> tx.createUpdate("""
                            INSERT INTO frolf_season_points (guild_id, season_id, round_id, player_id, points)
                            VALUES (:guild, :season, :round, :player, :points)""")
                    .bind("guild", guild.value()).bind("season", season).bind("round", round)
                    .bind("player", player.value()).bind("points", value).execute());
            return null;
        });
    }

    @Override
    public Map<UserId, Integer> roundsPlayed(GuildId guild, long season, long excludingRound) {
        return Sql.call(jdbi, "count season rounds", guild, handle -> {
            Map<UserId, Integer> rounds = new HashMap<>();
            handle.createQuery("""
                            SELECT player_id, COUNT(*) AS rounds FROM frolf_season_points
                            WHERE guild_id = :guild AND season_id = :season AND round_id <> :round GROUP BY player_id""")
                    .bind("guild", guild.value()).bind("season", season).bind("round", excludingRound)
                    .map((rs, ctx) -> Map.entry(UserId.of(rs.getLong("player_id")), (int) rs.getLong("rounds")))
                    .forEach(e -> rounds.put(e.getKey(), e.getValue()));
            return rounds;
        });
    }

    @Override
    public List<SeasonStanding> standings(GuildId guild, long season) {
        return Sql.call(jdbi, "read season standings", guild, handle -> handle.createQuery("""
                        SELECT player_id, SUM(points) AS total, COUNT(*) AS rounds FROM frolf_season_points
                        WHERE guild_id = :guild AND season_id = :season GROUP BY player_id""")
                .bind("guild", guild.value()).bind("season", season)
                .map((rs, ctx) -> new SeasonStanding(UserId.of(rs.getLong("player_id")), (int) rs.getLong("total"),
                        (int) rs.getLong("rounds")))
                .list().stream()
                .sorted(Comparator.comparingInt(SeasonStanding::points).reversed()
                        .thenComparingInt(SeasonStanding::rounds)
                        .thenComparingLong(s -> s.player().value()))
                .toList());
    }

    private static Season season(ResultSet rs) throws SQLException {
        return new Season(rs.getLong("season_id"), rs.getString("name"), Instant.ofEpochMilli(rs.getLong("started_at")),
                Sql.optionalLong(rs, "ended_at").map(Instant::ofEpochMilli));
    }
}
