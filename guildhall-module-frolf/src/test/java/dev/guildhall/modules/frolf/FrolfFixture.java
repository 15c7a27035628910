package dev.guildhall.modules.frolf;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
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
import dev.guildhall.testkit.MutableClock;
import dev.guildhall.modules.frolf.tags.GuildDispatch;
import dev.guildhall.modules.frolf.tags.InMemorySeasons;
import dev.guildhall.modules.frolf.tags.InMemoryTags;
import dev.guildhall.modules.frolf.tags.TagsFeature;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One set-up guild with the frolf module behind the real dispatcher, and fakes for Discord, storage and timers. */
final class FrolfFixture {
    static final GuildId GUILD = GuildId.of(77L << 22);
    static final ChannelId EVENTS = ChannelId.of(500);
    static final ChannelId LEADERBOARD = ChannelId.of(501);
    static final RoleId PLAYER_ROLE = RoleId.of(601);
    static final RoleId EDITOR_ROLE = RoleId.of(602);
    static final RoleId ADMIN_ROLE = RoleId.of(603);

    final FakeDiscord discord = new FakeDiscord();
    final InMemoryRounds rounds = new InMemoryRounds();
    final FakeTimers timers = new FakeTimers();
    final InMemorySettings settings = new InMemorySettings();
    final MutableClock clock = new MutableClock();
    final InMemoryTags tags = new InMemoryTags();
    final InMemorySeasons seasons = new InMemorySeasons();
    final InMemorySignups signups = new InMemorySignups();
    final FrolfModule module = new FrolfModule(rounds, tags, seasons, signups, guild -> { }, settings, timers, clock);
    private final GuildDispatch guild;

    FrolfFixture() {
        guild = new GuildDispatch(new GuildConfig(GUILD, SetupStatus.COMPLETE, SetupSettings.DEFAULTS,
                Map.of(FrolfResources.EVENTS.key(), ManagedResource.created(EVENTS.value()),
                        FrolfResources.LEADERBOARD.key(), ManagedResource.created(LEADERBOARD.value())),
                Map.of(RoleKind.PLAYER.key(), ManagedResource.created(PLAYER_ROLE.value()),
                        RoleKind.EDITOR.key(), ManagedResource.created(EDITOR_ROLE.value()),
                        RoleKind.ADMIN.key(), ManagedResource.created(ADMIN_ROLE.value())),
                Set.of(FrolfModule.ID), Optional.empty(), clock.instant()), module, discord, clock);
    }

    static Invoker player(long id) {
        return new Invoker(UserId.of(id), "player" + id, Set.of(PLAYER_ROLE), false);
    }

    static Invoker editor(long id) {
        return new Invoker(UserId.of(id), "editor" + id, Set.of(PLAYER_ROLE, EDITOR_ROLE), false);
    }

    static Invoker nobody(long id) {
        return new Invoker(UserId.of(id), "guest" + id, Set.of(), false);
    }

    static Invoker admin(long id) {
        return new Invoker(UserId.of(id), "admin" + id, Set.of(ADMIN_ROLE), false);
    }

    void dispatch(GuildEvent event) {
        guild.dispatch(event);
    }

    InteractionRef interaction(Optional<MessageId> source) {
        return new InteractionRef("i" + guild.nextId(), EVENTS, source);
    }

    void command(Invoker invoker, String name, String subcommand, Map<String, String> options) {
        dispatch(new InteractionEvent.SlashCommand(interaction(Optional.empty()), invoker, name,
                Optional.ofNullable(subcommand), options));
    }

    void click(Invoker invoker, String customId) {
        dispatch(new InteractionEvent.ButtonClicked(interaction(Optional.of(MessageId.of(1))), invoker, customId));
    }

    void submit(Invoker invoker, String customId, Map<String, String> values) {
        dispatch(new InteractionEvent.ModalSubmitted(interaction(Optional.empty()), invoker, customId, values));
    }

    /** Submits the create modal; returns the new round's number. */
    long createRound(Invoker creator, String title, String start) {
        submit(creator, "frolf:round:create", Map.of("title", title, "description", "Nine holes", "start", start,
                "location", "Maple Hill"));
        return rounds.rounds(GUILD).getFirst().id();
    }

    /** Moves the clock to {@code to}, firing every timer that comes due on the way, in time order. */
    void advanceTo(Instant to) {
        for (FakeTimers.Due due : timers.due(to)) {
            if (due.at().isAfter(clock.instant())) clock.set(due.at());
            dispatch(new GuildEvent.TimerFired(due.key().name(), due.key().key()));
        }
        clock.set(to);
    }

    String lastEphemeralReply() {
        Action.Reply reply = discord.last(Action.Reply.class);
        if (!reply.ephemeral()) throw new AssertionError("the last reply is public: " + reply);
        return reply.message().content();
    }
}
