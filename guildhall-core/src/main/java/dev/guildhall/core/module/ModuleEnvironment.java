package dev.guildhall.core.module;

import dev.guildhall.core.port.Timers;
import dev.guildhall.core.settings.ModuleSettingsStore;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * What the platform hands a {@link ModuleProvider} to build its module from.
 *
 * @param database the platform's database (SQLite or PostgreSQL). On a thread handling an envelope it hands out that
 *                 envelope's transaction's connection, so what a module writes commits or rolls back with the
 *                 envelope; a module's storage adapter must not commit, roll back or close it itself.
 * @param postgres whether {@code database} is PostgreSQL (else SQLite), for the rare statement that differs
 * @param settings the modules' per-guild settings
 * @param timers   durable timers, which come back as {@code TimerFired} events
 * @param clock    the one clock; modules never read the system clock
 */
public record ModuleEnvironment(DataSource database, boolean postgres, ModuleSettingsStore settings, Timers timers,
                                Clock clock) {}
