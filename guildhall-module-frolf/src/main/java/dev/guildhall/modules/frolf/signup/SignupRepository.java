package dev.guildhall.modules.frolf.signup;

import dev.guildhall.core.id.GuildId;

import java.time.Instant;
import java.util.Optional;

/** Where the guild's signup message is kept (one per guild). */
public interface SignupRepository {

    Optional<SignupMessage> find(GuildId guild);

    /** Inserts or replaces the guild's signup message. */
    void save(SignupMessage message, Instant postedAt);
}
