/**
 * Frolf seasons: a named stretch in which finalized rounds award points, with Gold, Silver and Bronze tiers from
 * each player's season-best tag. {@link dev.guildhall.modules.frolf.seasons.SeasonScoring} holds the rules as pure
 * functions; {@link dev.guildhall.modules.frolf.seasons.SeasonRepository} stores seasons, best tags and points.
 */
package dev.guildhall.modules.frolf.seasons;
