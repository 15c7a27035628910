package dev.guildhall.core.dispatch;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.CommandSyncStore;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.DispatchObserver;
import dev.guildhall.core.port.GuildConfigStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the dispatcher cuts an envelope into exactly-once units, with a runner that remembers the units it finished. */
class DispatcherUnitsTest {
    private static final GuildId GUILD = GuildId.of(7L << 22);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final List<Action> sent = new ArrayList<>();
    private final DiscordPort discord = new DiscordPort() {
        @Override
        public ActionResult execute(Action action) {
            sent.add(action);
            return ActionResult.NONE;
        }

        @Override
        public Optional<GuildSnapshot> guild(GuildId guild) {
            return Optional.empty();
        }
    };
    private final Counting alpha = new Counting("alpha", 0);
    private final Counting beta = new Counting("beta", 1);
    private final List<String> observed = new ArrayList<>();
    private final Dispatcher dispatcher = dispatcher(new ModuleRegistry(List.of(alpha, beta)));

    /** Runs a unit unless it finished before, as a ledger would. */
    private final Set<String> finished = new HashSet<>();
    private final List<String> given = new ArrayList<>();
    private final Dispatcher.UnitRunner once = unit -> {
        given.add(unit.id());
        if (finished.contains(unit.id())) return;
        unit.run();
        finished.add(unit.id());
    };

    @Test
    void aModuleThatFailsDoesNotMakeTheOthersRunAgainWhenTheEventIsRetried() throws Exception {
        Envelope envelope = envelope("e-1", new GuildEvent.MessagePosted(ChannelId.of(1), MessageId.of(1), UserId.of(1), "tick"));

        assertThatThrownBy(() -> dispatcher.dispatch(envelope, once)).hasMessage("beta fails its first time");
        dispatcher.dispatch(envelope, once);

        assertThat(alpha.handled).isEqualTo(1);
        assertThat(beta.handled).isEqualTo(2);
        assertThat(sent).containsOnlyOnce(alpha.message());
        assertThat(given).containsExactly("e-1@alpha", "e-1@beta", "e-1@alpha", "e-1@beta");
        assertThat(observed).containsExactly("error", "ok");
    }

    @Test
    void aModuleAfterTheFailingOneStillRunsInTheSameAttempt() {
        Counting gamma = new Counting("gamma", 0);
        Counting failing = new Counting("failing", 1);
        Dispatcher three = dispatcher(new ModuleRegistry(List.of(failing, gamma)));

        assertThatThrownBy(() -> three.dispatch(envelope("e-2", new GuildEvent.MessagePosted(ChannelId.of(1), MessageId.of(2), UserId.of(1), "tick")), once))
                .hasMessage("failing fails its first time");

        assertThat(gamma.handled).isEqualTo(1);
        assertThat(finished).containsExactly("e-2@gamma");
    }

    @Test
    void anInteractionIsOneUnitUnderTheEnvelopesOwnId() throws Exception {
        InteractionEvent.SlashCommand command = new InteractionEvent.SlashCommand(
                new InteractionRef("i-1", ChannelId.of(5), Optional.empty()),
                new Invoker(UserId.of(1), "someone", Set.of(), false), "alpha", Optional.empty(), Map.of());

        dispatcher.dispatch(envelope("e-3", command), once);

        assertThat(given).containsExactly("e-3");
        assertThat(alpha.handled).isEqualTo(1);
        assertThat(beta.handled).isZero();
    }

    @Test
    void anEnvelopeWhoseUnitsAllRanBeforeIsObservedAsReplayed() throws Exception {
        Envelope envelope = envelope("e-4", new GuildEvent.MessagePosted(ChannelId.of(1), MessageId.of(4), UserId.of(1), "tick"));
        finished.addAll(List.of("e-4@alpha", "e-4@beta"));

        dispatcher.dispatch(envelope, once);

        assertThat(alpha.handled + beta.handled).isZero();
        assertThat(observed).containsExactly("replayed");
    }

    @Test
    void joiningAGuildSyncsItsCommandsInAUnitOfTheirOwn() throws Exception {
        Counting quiet = new Counting("quiet", 0);
        dispatcher(new ModuleRegistry(List.of(quiet))).dispatch(envelope("e-5", new GuildEvent.GuildJoined("club")), once);

        assertThat(given).containsExactly("e-5@quiet", "e-5#commands");
        assertThat(sent).filteredOn(a -> a instanceof Action.SyncGuildCommands).hasSize(1);
    }

    private Dispatcher dispatcher(ModuleRegistry registry) {
        GuildConfigStore configs = new GuildConfigStore() {
            @Override public Optional<GuildConfig> find(GuildId guild) { return Optional.empty(); }
            @Override public void save(GuildConfig config) { throw new UnsupportedOperationException(); }
            @Override public java.util.List<GuildId> enabling(String moduleId) { return java.util.List.of(); }
            @Override public int purgeDeletedBefore(Instant cutoff) { return 0; }
        };
        Map<GuildId, String> hashes = new HashMap<>();
        CommandSyncStore syncs = new CommandSyncStore() {
            @Override public Optional<String> lastHash(GuildId guild) { return Optional.ofNullable(hashes.get(guild)); }
            @Override public void recordHash(GuildId guild, String hash) { hashes.put(guild, hash); }
            @Override public void forget(GuildId guild) { hashes.remove(guild); }
        };
        DispatchObserver observer = (kind, command, outcome, elapsed) -> observed.add(outcome);
        return new Dispatcher(registry, configs, discord, Clock.fixed(T0, ZoneOffset.UTC), observer,
                new CommandSync(registry, syncs, discord));
    }

    private static Envelope envelope(String id, GuildEvent event) {
        return new Envelope(id, GUILD, 0, T0, event, Map.of());
    }

    /** Counts what it handles and posts a message each time; fails its first {@code failures} times, after both. */
    private static final class Counting implements GuildModule {
        private final String id;
        private int failures;
        int handled;

        Counting(String id, int failures) {
            this.id = id;
            this.failures = failures;
        }

        Action message() {
            return new Action.SendMessage(GUILD, ChannelId.of(9), MessageContent.text(id));
        }

        @Override public String id() { return id; }
        @Override public String description() { return "counts"; }
        @Override public String version() { return "1"; }
        @Override public List<CommandSpec> commands() { return commandsBeforeSetup(); }
        @Override public List<CommandSpec> commandsBeforeSetup() {
            return List.of(CommandSpec.of(id, "counts", PermissionLevel.EVERYONE));
        }
        @Override public boolean canBeDisabled() { return false; }

        @Override
        public void handle(ModuleContext context, GuildEvent event) {
            handled++;
            context.act(message());
            if (failures > 0) {
                failures--;
                throw new IllegalStateException(id + " fails its first time");
            }
        }
    }
}
