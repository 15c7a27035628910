/**
 * The JDA adapter: the only package that talks to Discord.
 *
 * <p>{@link dev.guildhall.discord.DiscordConnection#connect} starts JDA (one shard, or a shard manager for several)
 * against real Discord or, with {@link dev.guildhall.discord.DiscordSettings#emulator}, the local emulator. Gateway
 * events arrive at the caller's sink as {@link dev.guildhall.core.event.Envelope}s, on JDA's event thread, so the
 * sink only hands them off. Actions go through {@link dev.guildhall.discord.DiscordConnection#port()}, whose
 * {@code execute} blocks until Discord answered and must not be called on JDA's event thread.
 *
 * <pre>{@code
 * try (DiscordConnection discord = DiscordConnection.connect(DiscordSettings.discord(token), bus::publish)) {
 *     discord.awaitReady(Duration.ofSeconds(30));
 *     discord.port().execute(new Action.SendMessage(guild, channel, MessageContent.text("hello")));
 * }
 * }</pre>
 *
 * <p>Interaction tokens never leave this package: interactions are kept by id for Discord's 15 minutes and answered
 * by {@link dev.guildhall.core.event.InteractionRef#id()}.
 *
 * <p>An interaction still unanswered {@link dev.guildhall.discord.DiscordSettings#autoDefer()} after it arrived
 * (2.5 s unless {@link dev.guildhall.discord.DiscordSettings#withAutoDefer} says otherwise) is deferred here, inside
 * Discord's 3 seconds: a button click with {@code deferEdit}, a command or a modal submit with a non-ephemeral
 * {@code deferReply}. A later {@code Reply} then edits the "thinking" original (so it is public even if asked to be
 * ephemeral), or after a button's {@code deferEdit} is sent as a follow-up (ephemeral as asked); a later
 * {@code UpdateSourceMessage} edits the button's message; a {@code ShowModal} fails, as a modal cannot follow a defer.
 *
 * <p>Scheduled events are not cached (no intent): editing or deleting one fetches it by id first. Member roles are
 * changed by user id, with no member cache needed.
 */
package dev.guildhall.discord;
