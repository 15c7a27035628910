package dev.guildhall.modules.frolf.seasons;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Seasons, season-best tags and points of each guild; every call names one guild and touches only its rows. */
public interface SeasonRepository {

    Optional<Season> active(GuildId guild);

    /** The active season, else the one that ended last. */
    Optional<Season> latest(GuildId guild);

    /** Starts a season; empty if the guild already has an active one. */
    Optional<Season> start(GuildId guild, String name, Instant at);

    /** Ends the season; false if it was not active. */
    boolean end(GuildId guild, long season, Instant at);

    /** Lowers each player's season-best tag to the given tag where it is better (or first). */
    void recordTags(GuildId guild, long season, Map<UserId, Integer> tags);

    /** Season-best tag of every player who held one during the season. */
    Map<UserId, Integer> bestTags(GuildId guild, long season);

    /**
     * Replaces the points one round awarded (a recomputed round replaces, never adds): one entry per player who
     * finished it with a score, zero points included, so the entry also counts as a season round played.
     */
    void replaceRoundPoints(GuildId guild, long season, long round, Map<UserId, Integer> points);

    /** Season rounds each player finished with a score, leaving one round out. */
    Map<UserId, Integer> roundsPlayed(GuildId guild, long season, long excludingRound);

    /** Everyone with season points or rounds, best first (points descending, then fewer rounds, then player id). */
    List<SeasonStanding> standings(GuildId guild, long season);
}
