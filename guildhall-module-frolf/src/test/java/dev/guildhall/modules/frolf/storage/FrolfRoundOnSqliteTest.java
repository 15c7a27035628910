package dev.guildhall.modules.frolf.storage;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.modules.frolf.FrolfResources;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.Timers;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.modules.frolf.FrolfModule;
import dev.guildhall.modules.frolf.rounds.RoundStatus;
import dev.guildhall.modules.frolf.tags.TagsFeature;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frolf module on the real SQL repositories (SQLite): a round from creation to final results, the tags it moves,
 * and a replayed finalization that moves nothing. Discord, timers and settings are stand-ins; the dispatcher's
 * permission check is covered elsewhere, so events go to the module directly at the Player level.
 */
class FrolfRoundOnSqliteTest {
    private static final GuildId GUILD = GuildId.of(55L << 22);
    private static final ChannelId EVENTS = ChannelId.of(700);
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private FrolfStorage storage;
    private FrolfModule module;
    private final List<Action> actions = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(5_000);
    private final GuildConfig config = new GuildConfig(GUILD, SetupStatus.COMPLETE, SetupSettings.DEFAULTS,
            Map.of(FrolfResources.EVENTS.key(), ManagedResource.created(EVENTS.value())), Map.of(),
            Set.of(FrolfModule.ID), Optional.empty(), NOW);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private final DiscordPort discord = new DiscordPort() {
        @Override public ActionResult execute(Action action) {
            actions.add(action);
            return switch (action) {
                case Action.SendMessage s -> ActionResult.created(ids.incrementAndGet());
                case Action.StartThread t -> ActionResult.created(ids.incrementAndGet());
                case Action.CreateScheduledEvent e -> ActionResult.created(ids.incrementAndGet());
                default -> ActionResult.NONE;
            };
        }

        @Override public Optional<GuildSnapshot> guild(GuildId guild) { return Optional.empty(); }
    };
    private final Timers timers = new Timers() {
        @Override public void schedule(GuildId guild, String name, String key, Instant at) { }

        @Override public void cancel(GuildId guild, String name, String key) { }
    };
    private final ModuleSettingsStore settings = new ModuleSettingsStore() {
        @Override public ModuleSettings load(GuildId guild, GuildModule module) { return new ModuleSettings(Map.of()); }

        @Override public ModuleSettings set(GuildId guild, GuildModule module, String key, String value) {
            throw new UnsupportedOperationException();
        }
    };

    @BeforeEach
    void open() {
        store = FrolfDatabases.open(StoreSettings.sqlite(dir.resolve("guildhall.db")));
        storage = FrolfStorage.on(store.dataSource());
        module = new FrolfModule(storage, settings, timers, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void send(GuildEvent event) throws Exception {
        module.handle(new ModuleContext(new Envelope("e" + ids.incrementAndGet(), GUILD, 0, NOW, event, Map.of()),
                Optional.of(config), PermissionLevel.PLAYER, discord, clock), event);
    }

    private static Invoker player(long id) {
        return new Invoker(UserId.of(id), "p" + id, Set.of(), false);
    }

    private InteractionRef ref() {
        return new InteractionRef("i" + ids.incrementAndGet(), EVENTS, Optional.of(MessageId.of(1)));
    }

    @Test
    void aRoundOnSqlRunsToItsResultsAndMovesTagsOnceEvenWhenReplayed() throws Exception {
        send(new InteractionEvent.SlashCommand(ref(), player(1), "claimtag", Optional.empty(), Map.of("number", "1")));
        send(new InteractionEvent.SlashCommand(ref(), player(2), "claimtag", Optional.empty(), Map.of("number", "2")));
        send(new InteractionEvent.ModalSubmitted(ref(), player(1), "frolf:round:create",
                Map.of("title", "On SQL", "start", "2026-05-01 14:00")));
        for (long p : new long[] {1, 2, 3}) {
            send(new InteractionEvent.ButtonClicked(ref(), player(p), "frolf:rsvp:accept:1"));
        }
        send(new GuildEvent.TimerFired("frolf:round:reminder", "1"));
        send(new GuildEvent.TimerFired("frolf:round:reminder", "1"));
        send(new GuildEvent.TimerFired("frolf:round:start", "1"));
        send(new InteractionEvent.ModalSubmitted(ref(), player(1), "frolf:score:enter:1", Map.of("score", "3")));
        send(new InteractionEvent.ModalSubmitted(ref(), player(2), "frolf:score:enter:1", Map.of("score", "-1")));
        send(new InteractionEvent.ModalSubmitted(ref(), player(3), "frolf:score:enter:1", Map.of("score", "-5")));

        assertThat(storage.rounds().find(GUILD, 1).orElseThrow().status()).isEqualTo(RoundStatus.FINALIZED);
        assertThat(actions).filteredOn(Action.StartThread.class::isInstance).hasSize(1);
        Map<UserId, Integer> after = storage.tags().holders(GUILD);
        assertThat(after).isEqualTo(Map.of(UserId.of(2), 1, UserId.of(1), 2)); // player 3 was untagged

        // A replay of the finalizing submission: the round is final, so the score is refused and nothing moves.
        send(new InteractionEvent.ModalSubmitted(ref(), player(3), "frolf:score:enter:1", Map.of("score", "-5")));
        assertThat(storage.tags().holders(GUILD)).isEqualTo(after);
        assertThat(storage.tags().history(GUILD, 100)).filteredOn(m -> m.roundId().isPresent()).hasSize(2);
    }
}
