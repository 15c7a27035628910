package dev.guildhall.store.ledger;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;

import java.util.List;

/** A module with one text setting, {@code motto}, for tests of settings written while handling an envelope. */
final class NotesModule implements GuildModule {
    static final String DEFAULT_MOTTO = "none yet";

    @Override public String id() { return "notes"; }
    @Override public String description() { return "a setting to write"; }
    @Override public String version() { return "1"; }
    @Override public List<CommandSpec> commands() { return List.of(); }

    @Override
    public String settingsSchema() {
        return """
                {"type":"object","additionalProperties":false,"properties":{"motto":{"type":"string","minLength":1}}}""";
    }

    @Override
    public String defaultSettings() {
        return "{\"motto\":\"" + DEFAULT_MOTTO + "\"}";
    }

    @Override public void handle(ModuleContext context, GuildEvent event) { }
}
