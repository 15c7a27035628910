package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.Timers;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.testkit.MutableClock;
import dev.guildhall.modules.frolf.FrolfSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One set-up guild whose only module is a stand-in "frolf" module routing everything to a {@link TagsFeature}, behind
 * the real dispatcher (so levels are checked as in production), with in-memory repositories and a clock tests move.
 */
final class TagsFixture {
    static final GuildId GUILD = GuildId.of(91L << 22);
    static final ChannelId LEADERBOARD = ChannelId.of(510);
    static final ChannelId SIGNUP = ChannelId.of(520);
    static final ChannelId ELSEWHERE = ChannelId.of(530);
    static final MessageId SIGNUP_MESSAGE = MessageId.of(521);
    static final RoleId PLAYER_ROLE = RoleId.of(611);
    static final RoleId EDITOR_ROLE = RoleId.of(612);
    static final RoleId ADMIN_ROLE = RoleId.of(613);

    final GuildId guild;
    final RecordingDiscord discord = new RecordingDiscord();
    final InMemoryTags tags;
    final InMemorySeasons seasons;
    final ManualTimers timers = new ManualTimers();
    final MutableClock clock = new MutableClock();
    final TagsFeature feature;
    FrolfSettings settings = FrolfSettings.DEFAULTS;
    private final GuildDispatch dispatch;

    TagsFixture() {
        this(GUILD, new InMemoryTags(), new InMemorySeasons());
    }

    /** Another guild on the same repositories as a first fixture, as two guilds share one database. */
    TagsFixture(GuildId guild, InMemoryTags tags, InMemorySeasons seasons) {
        this.guild = guild;
        this.tags = tags;
        this.seasons = seasons;
        this.feature = new TagsFeature(tags, seasons, timers, clock);
        dispatch = new GuildDispatch(new GuildConfig(guild, SetupStatus.COMPLETE, SetupSettings.DEFAULTS,
                Map.of(FrolfResources.LEADERBOARD.key(), ManagedResource.created(LEADERBOARD.value()),
                        FrolfResources.SIGNUP.key(), ManagedResource.created(SIGNUP.value())),
                Map.of(RoleKind.PLAYER.key(), ManagedResource.created(PLAYER_ROLE.value()),
                        RoleKind.EDITOR.key(), ManagedResource.created(EDITOR_ROLE.value()),
                        RoleKind.ADMIN.key(), ManagedResource.created(ADMIN_ROLE.value())),
                Set.of("frolf"), Optional.empty(), clock.instant()),
                new TagsOnlyModule(), discord, clock);
    }

    /** The frolf module's routing, reduced to the tags feature. */
    private final class TagsOnlyModule implements GuildModule {
        @Override public String id() { return "frolf"; }
        @Override public String description() { return "tags only"; }
        @Override public String version() { return "test"; }
        @Override public List<CommandSpec> commands() { return feature.commands(); }
        @Override public List<ComponentSpec> components() { return feature.components(); }

        @Override
        public void handle(ModuleContext context, GuildEvent event) {
            handled.put(event, feature.handle(context, event, settings));
        }
    }

    /** Whether the feature took each event it was handed. */
    final Map<GuildEvent, Boolean> handled = new HashMap<>();

    static Invoker at(PermissionLevel level, long id) {
        Set<RoleId> roles = switch (level) {
            case EVERYONE -> Set.of();
            case PLAYER -> Set.of(PLAYER_ROLE);
            case EDITOR -> Set.of(PLAYER_ROLE, EDITOR_ROLE);
            case ADMIN -> Set.of(ADMIN_ROLE);
        };
        return new Invoker(UserId.of(id), level.name().toLowerCase() + id, roles, false);
    }

    static Invoker player(long id) {
        return at(PermissionLevel.PLAYER, id);
    }

    static Invoker admin(long id) {
        return at(PermissionLevel.ADMIN, id);
    }

    void dispatch(GuildEvent event) {
        dispatch.dispatch(event);
    }

    void command(Invoker invoker, String name, String subcommand, Map<String, String> options) {
        dispatch(new InteractionEvent.SlashCommand(new InteractionRef("i" + dispatch.nextId(), ELSEWHERE,
                Optional.empty()), invoker, name, Optional.ofNullable(subcommand), options));
    }

    void claim(Invoker invoker, int tag) {
        command(invoker, "claimtag", null, Map.of("number", Integer.toString(tag)));
    }

    void click(Invoker invoker, String customId) {
        dispatch(new InteractionEvent.ButtonClicked(new InteractionRef("i" + dispatch.nextId(), LEADERBOARD,
                Optional.of(MessageId.of(1))), invoker, customId));
    }

    /** Hands finalized results to the feature as the rounds side does. */
    void roundResults(RoundResults results) {
        ModuleContext context = new ModuleContext(new Envelope("r" + dispatch.nextId(), guild, 0, clock.instant(),
                new GuildEvent.TimerFired("frolf:start", "1"), Map.of()), Optional.of(dispatch.config()),
                PermissionLevel.EVERYONE, discord, clock);
        feature.roundResults(context, results, settings);
    }

    /** Moves the clock, firing the timers that come due on the way, in time order. */
    void advance(Duration by) {
        Instant to = clock.instant().plus(by);
        for (ManualTimers.Due due : timers.due(to)) {
            clock.set(due.at());
            dispatch(new GuildEvent.TimerFired(due.name(), due.key()));
        }
        clock.set(to);
    }

    String lastReply() {
        return discord.last(Action.Reply.class).message().content();
    }

    boolean lastReplyIsEphemeral() {
        return discord.last(Action.Reply.class).ephemeral();
    }

    /** Timers in a list; {@link #due} hands out and forgets those whose time has come. */
    static final class ManualTimers implements Timers {
        record Due(String name, String key, Instant at) {}

        final Map<String, Due> pending = new HashMap<>();

        @Override
        public void schedule(GuildId guild, String name, String key, Instant at) {
            pending.put(name + "/" + key, new Due(name, key, at));
        }

        @Override
        public void cancel(GuildId guild, String name, String key) {
            pending.remove(name + "/" + key);
        }

        List<Due> due(Instant now) {
            List<Due> due = pending.values().stream().filter(d -> !d.at().isAfter(now))
                    .sorted(java.util.Comparator.comparing(Due::at)).toList();
            due.forEach(d -> pending.remove(d.name() + "/" + d.key()));
            return due;
        }
    }
}
