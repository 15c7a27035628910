package dev.guildhall.modules.frolf;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ResourceSpec;
import dev.guildhall.core.port.Timers;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.modules.frolf.rounds.Participant;
import dev.guildhall.modules.frolf.rounds.RoundRepository;
import dev.guildhall.modules.frolf.seasons.SeasonRepository;
import dev.guildhall.modules.frolf.signup.SignupRepository;
import dev.guildhall.modules.frolf.tags.TagRepository;
import dev.guildhall.modules.frolf.rounds.Round;
import dev.guildhall.modules.frolf.rounds.RoundsFeature;
import dev.guildhall.modules.frolf.rounds.Rsvp;
import dev.guildhall.modules.frolf.signup.Signup;
import dev.guildhall.modules.frolf.storage.FrolfStorage;
import dev.guildhall.modules.frolf.tags.RoundResults;
import dev.guildhall.modules.frolf.tags.TagsFeature;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Disc golf: rounds (RSVPs, reminder, start, scores, results), the tag leaderboard with claims and seasons, and the
 * signup message. It loads the guild's frolf settings once per event and hands the event to the feature that owns
 * it; a finalized round's results go from rounds to the tag leaderboard. It owns its channels
 * ({@link FrolfResources}), its tables (migrations under {@code db/modules/frolf}) and its storage adapter.
 *
 * <pre>{@code
 * GuildModule frolf = new FrolfModule(FrolfStorage.on(database), settingsStore, timers, clock);
 * }</pre>
 */
public final class FrolfModule implements GuildModule {
    public static final String ID = "frolf";

    private final Consumer<GuildId> purge;
    private final ModuleSettingsStore settings;
    private final RoundsFeature rounds;
    private final TagsFeature tags;
    private final Signup signup;

    public FrolfModule(FrolfStorage storage, ModuleSettingsStore settings, Timers timers, Clock clock) {
        this(storage.rounds(), storage.tags(), storage.seasons(), storage.signups(), storage::purge, settings, timers,
                clock);
    }

    /** On repositories of the caller's choice (tests use in-memory ones); {@code purge} deletes a guild's rows. */
    public FrolfModule(RoundRepository rounds, TagRepository tags, SeasonRepository seasons, SignupRepository signups,
                       Consumer<GuildId> purge, ModuleSettingsStore settings, Timers timers, Clock clock) {
        this.purge = purge;
        this.settings = settings;
        this.tags = new TagsFeature(tags, seasons, timers, clock);
        this.rounds = new RoundsFeature(rounds, timers, clock, this::resultsChanged);
        this.signup = new Signup(signups, clock);
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

    /** Only these besides its own commands and components. */
    @Override public Set<Class<? extends GuildEvent>> events() {
        return Set.of(GuildEvent.ReactionAdded.class, GuildEvent.TimerFired.class);
    }

    @Override public List<ResourceSpec> resources() { return FrolfResources.ALL; }

    @Override public Optional<String> migrations() { return Optional.of("db/modules/frolf"); }

    /** Posts the signup message in the signup channel, unless it is there already. */
    @Override
    public void enabled(ModuleContext context) {
        signup.ensurePosted(context, FrolfSettings.from(settings.load(context.guild(), this)));
    }

    @Override
    public void purgeGuild(GuildId guild) {
        purge.accept(guild);
    }

    @Override
    public void handle(ModuleContext context, GuildEvent event) {
        if (event instanceof GuildEvent.ReactionAdded reaction && signup.reacted(context, reaction)) return;
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
