package dev.guildhall.app;

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
import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.testkit.PostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One module's failure repeats no other module's effects: a timer event reaches two modules, each writing a setting
 * and posting a message through the real ledger; one of them throws on the first attempt. The retried envelope
 * re-runs only the module that failed, on SQLite and on PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class ModuleIsolationTest {
    private static final GuildId GUILD = GuildId.of(81L << 22);
    private final MutableClock clock = new MutableClock();

    @Test
    void aFailingModuleLeavesTheOthersEffectsAppliedOnceOnSqlite(@TempDir Path dir) throws Exception {
        failingModuleRepeatsNothingElse(StoreSettings.sqlite(dir.resolve("guildhall.db")));
    }

    @Test
    void aFailingModuleLeavesTheOthersEffectsAppliedOnceOnPostgres(PostgresServer server) throws Exception {
        failingModuleRepeatsNothingElse(StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server),
                server.user(), server.password()));
    }

    private void failingModuleRepeatsNothingElse(StoreSettings settings) throws Exception {
        try (Store store = Store.open(settings, clock)) {
            GatewayLike gateway = new GatewayLike();
            CountingModule steady = new CountingModule("steady", store.moduleSettings(), 0, false);
            CountingModule shaky = new CountingModule("shaky", store.moduleSettings(), 1, false);
            ModuleRegistry registry = new ModuleRegistry(List.of(steady, shaky));
            Dispatcher dispatcher = new Dispatcher(registry, store.guildConfigs(), gateway, clock,
                    DispatchObserver.NONE, new CommandSync(registry, store.commandSyncs(), gateway));
            ExactlyOnceHandler handler = new ExactlyOnceHandler(store.envelopeLedger(), store.guildConfigs(), gateway, dispatcher,
                    DatabaseBreaker.create(new SimpleMeterRegistry(), Duration.ofSeconds(30)));
            Envelope envelope = new Envelope("e-1", GUILD, 0, clock.instant(),
                    new GuildEvent.MessagePosted(ChannelId.of(1), MessageId.of(1), UserId.of(1), "tick"), Map.of());

            assertThatThrownBy(() -> handler.handle(envelope)).hasMessage("shaky fails on attempt 1");
            assertThat(count(store, steady)).isEqualTo(1);
            assertThat(count(store, shaky)).as("the failed module's write rolled back").isZero();
            assertThat(gateway.executed).containsOnlyKeys("e-1@steady/1");

            handler.handle(envelope);

            assertThat(steady.attempts).as("the steady module ran once across both attempts").isEqualTo(1);
            assertThat(shaky.attempts).isEqualTo(2);
            assertThat(count(store, steady)).isEqualTo(1);
            assertThat(count(store, shaky)).isEqualTo(1);
            assertThat(gateway.executed).containsOnlyKeys("e-1@steady/1", "e-1@shaky/1");
            assertThat(gateway.executed.values()).containsExactly("steady", "shaky");
            assertThat(gateway.deliveries).as("the steady module's stored action was offered again, under its id")
                    .containsExactly("e-1@steady/1", "e-1@steady/1", "e-1@shaky/1");
        }
    }

    private static long count(Store store, CountingModule module) {
        return module.count(GUILD);
    }

    /**
     * Discord as a gateway sees it: actions are collected per unit under {@code <unit id>/<n>} and executed at
     * delivery, each id at most once.
     */
    private static final class GatewayLike implements DiscordPort, ActionOutbox {
        final Map<String, String> executed = new LinkedHashMap<>();
        final List<String> deliveries = new ArrayList<>();
        private final ThreadLocal<List<String>> collecting = new ThreadLocal<>();
        private final ThreadLocal<String> unit = new ThreadLocal<>();

        @Override
        public ActionResult execute(Action action) {
            List<String> batch = collecting.get();
            if (batch == null) throw new IllegalStateException("an action outside any unit: " + action);
            String text = ((Action.SendMessage) action).message().content();
            batch.add(unit.get() + "/" + (batch.size() + 1) + " " + text);
            return ActionResult.NONE;
        }

        @Override
        public Optional<GuildSnapshot> guild(GuildId guild) {
            return Optional.empty();
        }

        @Override
        public Collecting collect(String unitId) {
            List<String> batch = new ArrayList<>();
            collecting.set(batch);
            unit.set(unitId);
            return new Collecting() {
                @Override public List<String> actions() { return List.copyOf(batch); }
                @Override public void close() {
                    collecting.remove();
                    unit.remove();
                }
            };
        }

        @Override
        public void deliver(GuildId guild, String unitId, List<String> stored) {
            for (String action : stored) {
                String id = action.substring(0, action.indexOf(' '));
                deliveries.add(id);
                executed.putIfAbsent(id, action.substring(action.indexOf(' ') + 1));
            }
        }
    }
}
