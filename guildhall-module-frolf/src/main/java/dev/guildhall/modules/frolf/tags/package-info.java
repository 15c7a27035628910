/**
 * The frolf tag leaderboard: numbered tags that players claim, swap and win from each other in rounds.
 *
 * <p>Rules, all in one place:
 * <ul>
 *   <li>{@link dev.guildhall.modules.frolf.tags.TagReallocation}: a finalized singles round hands the tags of its
 *       tagged finishers, sorted ascending, out by finish rank (ties: the lower current tag first); a player who did
 *       not finish keeps their tag; untagged players gain nothing.</li>
 *   <li>{@link dev.guildhall.modules.frolf.tags.TagLedger}: holders are the fold of claims, accepted swaps and rounds in
 *       the order they first happened. A take of a held tag gives the holder the taker's old tag (or none). An
 *       editor's override replaces a round's results in the ledger and everything is folded again, so a round moves
 *       tags once however often it is finalized.</li>
 *   <li>{@code /claimtag N} (1..{@code max_tag}): a free tag is taken at once; a held one becomes a
 *       {@link dev.guildhall.modules.frolf.tags.SwapRequest} posted in the leaderboard channel, which only the holder
 *       may accept or decline and which expires after 48 hours (timer {@code frolf:tag:swap-expiry}). An accepted
 *       request whose tag changed hands meanwhile is cancelled rather than swapping another tag.</li>
 *   <li>{@code /leaderboard [page]}: 10 tags a page with Previous/Next; the message in the leaderboard channel is
 *       posted once, then edited after every move (posted anew if it was deleted).</li>
 *   <li>{@code /season start|end|standings} and season points: see
 *       {@link dev.guildhall.modules.frolf.seasons.SeasonScoring}. Only the active season scores, and only rounds
 *       finalized after it started; an override while it is active replaces that round's points.</li>
 *   <li>Reacting with the setup's signup emoji on the signup message gives the Player role.</li>
 * </ul>
 * {@link dev.guildhall.modules.frolf.tags.TagsFeature} is the entry point the frolf module delegates to;
 * {@link dev.guildhall.modules.frolf.tags.TagRepository} and
 * {@link dev.guildhall.modules.frolf.seasons.SeasonRepository} are its storage ports.
 */
package dev.guildhall.modules.frolf.tags;
