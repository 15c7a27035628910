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
 */
package dev.guildhall.discord;
