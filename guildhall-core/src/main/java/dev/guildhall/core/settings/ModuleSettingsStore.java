package dev.guildhall.core.settings;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;

/** Loads and changes modules' per-guild settings; every write is validated against the module's JSON Schema. */
public interface ModuleSettingsStore {

    /** The module's settings in the guild: its defaults overlaid with what the guild changed. */
    ModuleSettings load(GuildId guild, GuildModule module);

    /**
     * Changes one setting. {@code value} is read as a JSON scalar when it is one ({@code 5}, {@code true}), else as
     * text. The merged settings are checked against the module's schema and its own checks before anything is stored.
     *
     * @throws SettingsRejected naming each field and the rule it breaks; nothing is stored then
     */
    ModuleSettings set(GuildId guild, GuildModule module, String key, String value);
}
