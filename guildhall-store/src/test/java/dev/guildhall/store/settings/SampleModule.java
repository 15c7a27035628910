package dev.guildhall.store.settings;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.settings.ModuleSettings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A module with settings of each kind the store must handle: text with an extra check, a bounded number, a flag, a long enum. */
final class SampleModule implements GuildModule {
    static final String SCHEMA = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","additionalProperties":false,
             "properties":{
               "timezone":{"type":"string","minLength":1},
               "lead_minutes":{"type":"integer","minimum":5,"maximum":1440},
               "announce":{"type":"boolean"},
               "ratio":{"type":"number"},
               "title":{"type":"string","maxLength":10},
               "colour":{"enum":[%s]}
             }}""".formatted(IntStream.rangeClosed(1, 40).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(",")));

    private final String id;

    SampleModule(String id) {
        this.id = id;
    }

    @Override public String id() { return id; }
    @Override public String description() { return "settings sample"; }
    @Override public String version() { return "1"; }
    @Override public List<CommandSpec> commands() { return List.of(); }
    @Override public String settingsSchema() { return SCHEMA; }

    @Override
    public String defaultSettings() {
        return """
                {"timezone":"UTC","lead_minutes":60,"announce":true,"ratio":1.5,"title":"club","colour":"c1"}""";
    }

    @Override
    public List<String> checkSettings(ModuleSettings settings) {
        try {
            ZoneId.of(settings.string("timezone"));
            return List.of();
        } catch (DateTimeException e) {
            return List.of("timezone: must be a time zone such as Europe/Berlin");
        }
    }

    @Override public void handle(ModuleContext context, GuildEvent event) { }
}
