package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rounds and their participants, always of one guild: no call can read or change another guild's rounds. */
public interface RoundRepository {

    /** Stores a new scheduled round under the guild's next round number and returns it. */
    Round create(GuildId guild, RoundDraft draft, UserId creator, ChannelId channel, Instant createdAt);

    Optional<Round> find(GuildId guild, long round);

    /** The guild's rounds, newest first. */
    List<Round> rounds(GuildId guild);

    /** Stores everything of the round but its guild, number, creator and creation time. */
    void update(Round round);

    /** Deletes the round with its participants; no error if there is none. */
    void delete(GuildId guild, long round);

    /** The round's participants in the order they first answered. */
    List<Participant> participants(GuildId guild, long round);

    /** Records or changes a member's RSVP, keeping any score. */
    void setRsvp(GuildId guild, long round, UserId user, Rsvp rsvp, Instant at);

    /** Records a score (empty: did not finish); a member who had not answered joins, and the player counts as accepted. */
    void setScore(GuildId guild, long round, UserId user, Optional<Integer> score, Instant at);
}
