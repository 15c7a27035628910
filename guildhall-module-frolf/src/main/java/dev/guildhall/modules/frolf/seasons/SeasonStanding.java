package dev.guildhall.modules.frolf.seasons;

import dev.guildhall.core.id.UserId;

/** A player's season so far: points and the number of season rounds they finished with a score. */
public record SeasonStanding(UserId player, int points, int rounds) {}
