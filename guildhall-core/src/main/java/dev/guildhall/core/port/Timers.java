package dev.guildhall.core.port;

import dev.guildhall.core.id.GuildId;

import java.time.Instant;

/**
 * Durable timers: one set for a guild fires once at (or after) its time, also after a restart, and with several
 * workers on one database exactly one fires it. It arrives as a {@code GuildEvent.TimerFired} envelope.
 * A timer is named by {@code name} (starting with the module's id, e.g. {@code club:reminder}) and {@code key}
 * (e.g. a round id); setting the same name and key again moves it.
 */
public interface Timers {

    void schedule(GuildId guild, String name, String key, Instant at);

    /** Cancels the timer if it has not fired; no error if there is none. */
    void cancel(GuildId guild, String name, String key);
}
