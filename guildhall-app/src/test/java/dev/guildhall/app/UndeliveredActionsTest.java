package dev.guildhall.app;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.DispatchObserver;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Standalone's start-up sweep through the real ledger on SQLite: a process that committed a unit and died while
 * delivering its stored actions leaves them to the next process, which executes those not yet executed, once, gives
 * up the answer to an interaction it never saw (logged and counted), and leaves units older than its window alone.
 */
class UndeliveredActionsTest {
    private static final GuildId GUILD = GuildId.of(93L << 22);
    private static final ChannelId CHANNEL = ChannelId.of(11);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final AtomicLong ids = new AtomicLong(5000);

    @Test
    void committedActionsACrashKeptFromDiscordAreDeliveredOnceAtStartUp() throws Exception {
        try (Store store = Store.open(StoreSettings.sqlite(dir.resolve("guildhall.db")), clock)) {
            // the first process: its Discord goes away after the unit's first stored action, as if the process died
            Discord first = new Discord(Set.of("old-1/2", "cry-1/3"));
            handleUntilTheCrash(store, first, command("old-1"));
            clock.advance(UndeliveredActions.WINDOW.plusMinutes(1));
            handleUntilTheCrash(store, first, command("cry-1"));
            handleUntilTheCrash(store, first, command("cry-2")); // delivered in full before the crash

            assertThat(counter(store, "cry")).as("all three commands committed").isEqualTo(3);
            assertThat(first.did(Action.SendMessage.class)).hasSize(3);
            assertThat(first.did(Action.AddReaction.class)).as("cry-1's and cry-2's; old-1's was cut off").hasSize(2);
            assertThat(first.did(Action.EditMessage.class)).as("cry-2's; cry-1's was cut off").hasSize(1);

            // the next process: its Discord has not seen the previous process's interactions
            Discord next = new Discord(Set.of());
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            LocalOutbox outbox = new LocalOutbox(next, store.executedActions(), metrics);
            UndeliveredActions.Sweep sweep = UndeliveredActions.deliver(store.envelopeLedger(), store.executedActions(),
                    outbox, clock, metrics);

            assertThat(sweep.units()).as("cry-1 only: old-1 is past the window, cry-2 was delivered").isEqualTo(1);
            assertThat(sweep.failedUnits()).isZero();
            assertThat(next.did(Action.EditMessage.class)).as("cry-1's edit, executed now")
                    .singleElement().extracting(Action.EditMessage::message).isEqualTo(first.messageOf("cry-1"));
            assertThat(next.did(Action.SendMessage.class)).as("the message, executed before commit, not again").isEmpty();
            assertThat(next.did(Action.AddReaction.class)).as("executed before the crash, not again").isEmpty();
            assertThat(next.asked(Action.Reply.class)).as("cry-1's answer, tried once").hasSize(1);
            assertThat(metrics.get("guildhall.interactions.unanswerable").counter().count()).isEqualTo(1.0);
            assertThat(metrics.get("guildhall.actions.redelivered").counter().count()).isEqualTo(sweep.executed());

            Discord third = new Discord(Set.of());
            UndeliveredActions.Sweep again = UndeliveredActions.deliver(store.envelopeLedger(),
                    store.executedActions(), new LocalOutbox(third, store.executedActions(), metrics), clock, metrics);

            assertThat(again.units()).as("the given-up answer is settled, not retried at every start").isZero();
            assertThat(third.asked).isEmpty();
        }
    }

    private void handleUntilTheCrash(Store store, Discord discord, Envelope envelope) throws Exception {
        LocalOutbox outbox = new LocalOutbox(discord, store.executedActions(), new SimpleMeterRegistry());
        Crier crier = new Crier(store.moduleSettings());
        ModuleRegistry registry = new ModuleRegistry(List.of(crier));
        Dispatcher dispatcher = new Dispatcher(registry, store.guildConfigs(), outbox, clock, DispatchObserver.NONE,
                new CommandSync(registry, store.commandSyncs(), outbox));
        ExactlyOnceHandler handler = new ExactlyOnceHandler(store.envelopeLedger(), store.guildConfigs(), outbox, dispatcher,
                DatabaseBreaker.create(new SimpleMeterRegistry(), Duration.ofSeconds(30)));
        discord.unit = envelope.id();
        if (discord.cutOff.stream().anyMatch(id -> id.startsWith(envelope.id() + "/"))) {
            assertThatThrownBy(() -> handler.handle(envelope)).isInstanceOf(ProcessDied.class);
        } else {
            handler.handle(envelope);
        }
    }

    private Envelope command(String id) {
        InteractionEvent.SlashCommand slash = new InteractionEvent.SlashCommand(
                new InteractionRef("i-" + id, CHANNEL, Optional.empty()),
                new Invoker(UserId.of(7), "member", Set.of(), false), "cry", Optional.empty(), Map.of());
        return new Envelope(id, GUILD, 0, clock.instant(), slash, Map.of());
    }

    private static long counter(Store store, String key) {
        return store.moduleSettings().load(GUILD, new Crier(store.moduleSettings())).value(key)
                .map(v -> ((Number) v).longValue()).orElse(0L);
    }

    /** Stands for the process dying: nothing after it runs. */
    private static final class ProcessDied extends RuntimeException {
        ProcessDied(String actionId) {
            super("the process died before action " + actionId);
        }
    }

    /**
     * Discord as one process sees it: it knows the interactions that reached that process only, and stops answering
     * (the process died) when asked for the stored action named in {@code cutOff}.
     */
    private final class Discord implements DiscordPort {
        final List<Action> asked = Collections.synchronizedList(new ArrayList<>());
        final List<Action> did = Collections.synchronizedList(new ArrayList<>());
        final Set<String> cutOff;
        final Map<String, MessageId> posted = new ConcurrentHashMap<>();
        volatile String unit = "";
        private int storedAsked;

        Discord(Set<String> cutOff) {
            this.cutOff = cutOff;
        }

        @Override
        public ActionResult execute(Action action) {
            asked.add(action);
            if (action instanceof Action.Reply reply) {
                if (!reply.interaction().id().equals("i-" + unit)) {
                    throw new DiscordCallException(DiscordCallException.Kind.INTERACTION_EXPIRED,
                            "interaction " + reply.interaction().id() + " is unknown or expired");
                }
            }
            if (action instanceof Action.SendMessage) {
                storedAsked = 1;
                MessageId id = MessageId.of(ids.incrementAndGet());
                posted.put(unit, id);
                did.add(action);
                return ActionResult.created(id.value());
            }
            if (!(action instanceof Action.SyncGuildCommands)) {
                String actionId = unit + "/" + (++storedAsked);
                if (cutOff.contains(actionId)) throw new ProcessDied(actionId);
            }
            did.add(action);
            return ActionResult.NONE;
        }

        <A extends Action> List<A> did(Class<A> type) {
            return did.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <A extends Action> List<A> asked(Class<A> type) {
            return asked.stream().filter(type::isInstance).map(type::cast).toList();
        }

        MessageId messageOf(String unit) {
            return posted.get(unit);
        }

        @Override
        public Optional<GuildSnapshot> guild(GuildId guild) {
            return Optional.empty();
        }
    }

    /** {@code /cry}: counts it, posts a message (executed at once), reacts to it, edits it and answers (stored). */
    private static final class Crier implements GuildModule {
        private static final List<CommandSpec> COMMANDS = List.of(CommandSpec.of("cry", "Cries", PermissionLevel.EVERYONE));
        private final ModuleSettingsStore settings;

        Crier(ModuleSettingsStore settings) {
            this.settings = settings;
        }

        @Override public String id() { return "crier"; }
        @Override public String description() { return "cries"; }
        @Override public String version() { return "1"; }
        @Override public List<CommandSpec> commands() { return COMMANDS; }
        @Override public List<CommandSpec> commandsBeforeSetup() { return COMMANDS; }
        @Override public boolean canBeDisabled() { return false; }

        @Override
        public String settingsSchema() {
            return "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"cry\":{\"type\":\"integer\"}}}";
        }

        @Override
        public void handle(ModuleContext context, GuildEvent event) {
            if (!(event instanceof InteractionEvent.SlashCommand slash)) return;
            long count = settings.load(context.guild(), this).value("cry").map(v -> ((Number) v).longValue()).orElse(0L);
            settings.set(context.guild(), this, "cry", Long.toString(count + 1));
            MessageId posted = MessageId.of(context.act(new Action.SendMessage(context.guild(), CHANNEL,
                    MessageContent.text("cry"))).requireCreatedId());
            context.act(new Action.AddReaction(context.guild(), CHANNEL, posted, "📣"));
            context.act(new Action.EditMessage(context.guild(), CHANNEL, posted, MessageContent.text("cried")));
            context.replyEphemeral(slash, "cried " + (count + 1));
        }
    }
}
