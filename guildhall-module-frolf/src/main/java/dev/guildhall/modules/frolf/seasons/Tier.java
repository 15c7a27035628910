package dev.guildhall.modules.frolf.seasons;

/** A player's tier in a season, from their season-best tag. */
public enum Tier { GOLD, SILVER, BRONZE }
