package dev.guildhall.modules.frolf;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.Timers;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.modules.frolf.rounds.Participant;
import dev.guildhall.modules.frolf.rounds.Round;
import dev.guildhall.modules.frolf.rounds.RoundRepository;
import dev.guildhall.modules.frolf.rounds.RoundsFeature;
import dev.guildhall.modules.frolf.rounds.Rsvp;
import dev.guildhall.modules.frolf.tags.RoundResults;
import dev.guildhall.modules.frolf.tags.TagsFeature;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Disc golf: rounds (RSVPs, reminder, start, scores, results) and the tag leaderboard with claims and seasons. It loads
 * the guild's frolf settings once per event and hands the event to the feature that owns it; a finalized round's
 * results go from rounds to the tag leaderboard.
 *
 * <pre>{@code
 * TagsFeature tags = new TagsFeature(store.frolfTags().tags(), store.frolfTags().seasons(), timers, clock);
 * GuildModule frolf = new FrolfModule(store.frolfRounds(), tags, settingsStore, timers, clock);
 * }</pre>
 */
public final class FrolfModule implements GuildModule {
    public static final String ID = "frolf";

    private final ModuleSettingsStore settings;
    private final RoundsFeature rounds;
    private final TagsFeature tags;

    public FrolfModule(RoundRepository rounds, TagsFeature tags, ModuleSettingsStore settings, Timers timers,
                       Clock clock) {
        this.settings = settings;
        this.tags = tags;
        this.rounds = new RoundsFeature(rounds, timers, clock, this::resultsChanged);
    }

    @Override public String id() { return ID; }

    @Override public String description() { return "Disc golf: rounds, scores, the tag leaderboard and seasons"; }

    @Override public String version() { return "1.0.0"; }

    @Override
    public List<CommandSpec> commands() {
        List<CommandSpec> commands = new ArrayList<>(rounds.commands());
        commands.addAll(tags.commands());
        return List.copyOf(commands);
    }

    @Override
    public List<ComponentSpec> components() {
        List<ComponentSpec> components = new ArrayList<>(rounds.components());
        components.addAll(tags.components());
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
        if (!rounds.handle(context, event, current)) tags.handle(context, event, current);
    }

    /** Every round is singles for now; the accepted players are its finishers, those without a score did not finish. */
    private void resultsChanged(ModuleContext context, FrolfSettings current, Round round, List<Participant> participants) {
        List<RoundResults.Finisher> finishers = participants.stream().filter(p -> p.rsvp() == Rsvp.ACCEPTED)
                .map(p -> new RoundResults.Finisher(p.user(), p.score())).toList();
        tags.roundResults(context, new RoundResults(round.id(), true, round.finalizedAt().orElseThrow(), finishers),
                current);
    }
}
