/**
 * Disc golf rounds: scheduling, RSVPs, the reminder and start timers, scores and results.
 *
 * <p>A round's life: {@code /round create} opens a modal (title, description, start as {@code YYYY-MM-DD HH:MM} in the
 * guild's time zone, location); the round is posted as an embed in the events channel with Accept / Tentative /
 * Decline, and a Discord scheduled event is created. Two durable timers are set, named {@code frolf:round:reminder}
 * (the reminder lead before the start: a thread on the embed mentioning everyone who accepted) and
 * {@code frolf:round:start} (the round goes in progress; the embed offers Enter score and Join late), both keyed by the
 * round number. Both handlers look at the stored round first, so a timer that fires again changes nothing.
 *
 * <p>When every accepted player has a score the round is final: the embed shows the results (competition ranking,
 * DNF last) and {@link dev.guildhall.modules.frolf.rounds.RoundResultsListener} hears of it. Editors correct a final
 * round with its "Override score" button (Editor level, checked by the dispatcher like a command): a modal takes the
 * player (id or mention) and the score, empty for did-not-finish; the listener hears of the new results, which the
 * tag leaderboard recomputes rather than re-applies.
 *
 * <p>Rounds are numbered per guild; custom ids carry that number ({@code frolf:rsvp:accept:3}), and every lookup is
 * by guild and number, so a component can never reach another guild's round.
 */
package dev.guildhall.modules.frolf.rounds;
