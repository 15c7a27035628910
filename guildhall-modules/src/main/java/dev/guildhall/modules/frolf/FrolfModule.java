package dev.guildhall.modules.frolf;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.Timers;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.modules.frolf.rounds.RoundRepository;
import dev.guildhall.modules.frolf.rounds.RoundResultsListener;
import dev.guildhall.modules.frolf.rounds.RoundsFeature;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Disc golf: rounds with RSVPs, reminders, scores and results. It loads the guild's frolf settings once per event
 * and hands the event to the feature that owns it.
 */
public final class FrolfModule implements GuildModule {
    public static final String ID = "frolf";

    private final ModuleSettingsStore settings;
    private final RoundsFeature rounds;

    public FrolfModule(RoundRepository rounds, ModuleSettingsStore settings, Timers timers, Clock clock) {
        this.settings = settings;
        this.rounds = new RoundsFeature(rounds, timers, clock, RoundResultsListener.NONE);
    }

    @Override public String id() { return ID; }

    @Override public String description() { return "Disc golf: rounds, scores, the tag leaderboard and seasons"; }

    @Override public String version() { return "1.0.0"; }

    @Override
    public List<CommandSpec> commands() {
        List<CommandSpec> commands = new ArrayList<>(rounds.commands());
        return List.copyOf(commands);
    }

    @Override
    public List<ComponentSpec> components() {
        List<ComponentSpec> components = new ArrayList<>(rounds.components());
        return List.copyOf(components);
    }

    @Override public String settingsSchema() { return FrolfSettings.SCHEMA; }

    @Override public String defaultSettings() { return FrolfSettings.DEFAULTS_JSON; }

    @Override public List<String> checkSettings(ModuleSettings candidate) { return FrolfSettings.problems(candidate); }

    @Override
    public void handle(ModuleContext context, GuildEvent event) {
        // Plain messages are the busiest events and no frolf feature reads them: skip the settings load.
        if (event instanceof GuildEvent.MessagePosted) return;
        FrolfSettings current = FrolfSettings.from(settings.load(context.guild(), this));
        rounds.handle(context, event, current);
    }
}
