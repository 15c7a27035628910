package dev.guildhall.app;

import dev.guildhall.bus.DeadLetterSink;
import dev.guildhall.bus.InProcessBus;
import dev.guildhall.bus.RetryPolicy;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.DispatchObserver;
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
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standalone's handling, wired as {@link Standalone} wires it (in-process bus, ledger, {@link LocalOutbox}) on a real
 * SQLite store, with Discord counting what it is asked to do: an envelope retried after a module failed, or published
 * again after it succeeded, doubles no write and no Discord action.
 */
class StandaloneExactlyOnceTest {
    private static final GuildId GUILD = GuildId.of(91L << 22);
    private static final ChannelId CHANNEL = ChannelId.of(9);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<Action> discordDid = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1000);
    private final List<String> deadLetters = Collections.synchronizedList(new ArrayList<>());
    private final DiscordPort discord = new DiscordPort() {
        @Override
        public ActionResult execute(Action action) {
            discordDid.add(action);
            return action instanceof Action.SendMessage ? ActionResult.created(ids.incrementAndGet()) : ActionResult.NONE;
        }

        @Override
        public Optional<GuildSnapshot> guild(GuildId guild) {
            return Optional.empty();
        }
    };

    @Test
    void aRetriedOrRepublishedEnvelopeDoublesNothing() throws Exception {
        try (Store store = Store.open(StoreSettings.sqlite(dir.resolve("guildhall.db")), clock)) {
            LocalOutbox outbox = new LocalOutbox(discord, store.executedActions(), new SimpleMeterRegistry());
            CountingModule steady = new CountingModule("steady", store.moduleSettings(), 0, true);
            CountingModule flaky = new CountingModule("flaky", store.moduleSettings(), 1, true);
            ModuleRegistry registry = new ModuleRegistry(List.of(steady, flaky));
            Dispatcher dispatcher = new Dispatcher(registry, store.guildConfigs(), outbox, clock,
                    DispatchObserver.NONE, new CommandSync(registry, store.commandSyncs(), outbox));
            ExactlyOnceHandler handler = new ExactlyOnceHandler(store.envelopeLedger(), store.guildConfigs(), outbox, dispatcher,
                    DatabaseBreaker.create(new SimpleMeterRegistry(), Duration.ofSeconds(30)));
            Envelope envelope = new Envelope("e-1", GUILD, 0, clock.instant(), new GuildEvent.MessagePosted(ChannelId.of(1), MessageId.of(1), UserId.of(1), "tick"),
                    Map.of());

            handleOnBus(handler, envelope);

            assertThat(deadLetters).isEmpty();
            assertThat(steady.attempts).isEqualTo(1);
            assertThat(flaky.attempts).as("the failed module ran again, and only it").isEqualTo(2);
            assertEachDidItsWorkOnce(store, steady, flaky);

            handleOnBus(handler, envelope);

            assertThat(steady.attempts + flaky.attempts).as("a handled envelope runs no module").isEqualTo(3);
            assertEachDidItsWorkOnce(store, steady, flaky);
        }
    }

    private void handleOnBus(ExactlyOnceHandler handler, Envelope envelope) {
        DeadLetterSink sink = (failed, failure, attempts) -> deadLetters.add(failed.id());
        // closing drains: it returns once the envelope was handled or dead-lettered
        try (InProcessBus bus = new InProcessBus(new RetryPolicy(3, Duration.ofMillis(1), 1.0), sink, d -> { },
                Duration.ofSeconds(60))) {
            bus.subscribe(handler);
            bus.publish(envelope);
        }
    }

    private void assertEachDidItsWorkOnce(Store store, CountingModule... modules) {
        for (CountingModule module : modules) {
            assertThat(store.moduleSettings().load(GUILD, module).value("count").map(v -> ((Number) v).longValue()))
                    .as(module.id() + "'s count").contains(1L);
            assertThat(discordDid).as(module.id() + "'s message").filteredOn(a -> a instanceof Action.SendMessage send
                    && send.message().content().equals(module.id())).hasSize(1);
        }
        assertThat(discordDid).filteredOn(a -> a instanceof Action.AddReaction).as("one reaction per posted message")
                .hasSize(modules.length)
                .extracting(a -> ((Action.AddReaction) a).message()).doesNotHaveDuplicates();
    }
}
