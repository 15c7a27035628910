package dev.guildhall.modules.frolf.rounds;

import dev.guildhall.core.id.UserId;

import java.time.Instant;
import java.util.Optional;

/** A member who answered a round: their RSVP and, once entered, their score relative to par. */
public record Participant(UserId user, Rsvp rsvp, Optional<Integer> score, Instant respondedAt) {}
