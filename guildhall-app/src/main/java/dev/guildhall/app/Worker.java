package dev.guildhall.app;

import dev.guildhall.bus.nats.ActionSettings;
import dev.guildhall.bus.nats.CacheInvalidation;
import dev.guildhall.bus.nats.JetStreamBus;
import dev.guildhall.bus.nats.ModuleAnnouncements;
import dev.guildhall.bus.nats.RemoteDiscord;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.store.Store;
import dev.guildhall.store.timers.DurableTimers;
import dev.guildhall.store.timers.TimerSettings;
import dev.guildhall.web.Metrics;
import dev.guildhall.web.ReadinessCheck;
import dev.guildhall.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Worker mode: no Discord connection and no token. Consumes envelopes from JetStream, runs the modules against the
 * database (PostgreSQL through {@code DATABASE_URL}; several workers share it), and sends actions to the gateway over
 * NATS. Stateless: any number may run, and any may stop at any time.
 *
 * <p>Plugin modules come from {@code MODULES_DIR}, which every worker must see alike (shared storage): a worker loads
 * what is there at start-up, and follows the load, reload and unload another worker announces. Its operator endpoints
 * (with {@code OPERATOR_TOKEN}) change the plugins of the whole cluster. A worker that could not follow a change keeps
 * its previous plugins and reports unready until a later change of that plugin works here.
 */
public final class Worker implements Running {
    static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final Resources resources = new Resources();
    private final Store store;
    private final WebServer web;

    private Worker(AppConfig config, Clock clock, Function<Store, List<GuildModule>> extraFeatures) {
        try {
            if (!config.store().usesPostgres()) {
                // each worker would keep its own copy of every guild's data, and they would drift apart
                throw new ConfigException("DATABASE_URL", "not set to PostgreSQL, and workers must share one "
                        + "database (postgres://host:5432/guildhall, user and password included); a single process "
                        + "on the SQLite file runs as BOT_MODE=standalone");
            }
            store = resources.own(Store.open(config.store(), clock));
            PrometheusMeterRegistry metrics = Metrics.newRegistry();
            resources.own(metrics::close);
            JetStreamBus bus = resources.own(JetStreamBus.start(Distributed.busSettings(config),
                    DeadLetterMetrics.countingAndLogging(metrics), JetStreamBus.DEFAULT_DRAIN_TIMEOUT));
            RemoteDiscord discord = RemoteDiscord.on(bus.connection(),
                    ActionSettings.of(config.environment(), config.discord().shards()));
            CacheInvalidation invalidation = resources.own(CacheInvalidation.start(bus.connection(),
                    config.environment(), store::invalidateCachedGuild));
            store.onGuildDataChanged(invalidation::announce);
            // due timers join the guild's events on the bus, so they keep the guild's order
            DurableTimers timers = resources.own(DurableTimers.create(store.dataSource(), clock,
                    TimerSettings.defaults(), bus::publish));
            Modules modules = Modules.wire(store, discord, timers, clock, extraFeatures.apply(store));
            ModuleRegistry registry = modules.registry();
            CommandSync commandSync = new CommandSync(registry, store.commandSyncs(), discord);
            PluginModules plugins = resources.own(new PluginModules(config.plugins().modulesDir(), store, modules,
                    commandSync));
            // listening before reading the folder: a change made meanwhile is followed, not missed
            ModuleAnnouncements announcements = resources.own(ModuleAnnouncements.start(bus.connection(),
                    config.environment(), plugins::follow));
            plugins.loadAll();
            ClusterPlugins clusterPlugins = new ClusterPlugins(plugins, announcements);
            Dispatcher dispatcher = new Dispatcher(registry, store.guildConfigs(), discord, clock,
                    Metrics.dispatchObserver(metrics), commandSync);
            DatabaseBreaker breaker = DatabaseBreaker.create(metrics, BREAKER_OPEN_FOR);
            ExactlyOnceHandler handler = new ExactlyOnceHandler(store.envelopeLedger(), store.guildConfigs(), new NatsOutbox(discord),
                    dispatcher, breaker);
            // another worker's committed change reached us before this envelope did: apply it before reading
            bus.subscribe(envelope -> {
                invalidation.catchUp();
                handler.handle(envelope);
            });
            timers.start();
            resources.own(Retention.daily(store, () -> registry, clock, true));
            web = resources.own(WebServer.start(config.web(), metrics, List.of(
                    ReadinessCheck.of("nats", () -> bus.isConnected() ? Optional.empty()
                            : Optional.of("not connected to NATS at " + config.bus().natsAddress())),
                    ReadinessCheck.of("database", () -> store.isReachable() ? Optional.empty()
                            : Optional.of("database unreachable")),
                    ReadinessCheck.of("plugins", plugins::divergence)),
                    config.plugins().operatorToken().map(token -> new WebServer.Operator(token, clusterPlugins))));
            log.info("worker started (environment {}, {} partitions)", config.environment(), config.bus().partitions());
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    public static Worker start(AppConfig config, Clock clock) {
        return new Worker(config, clock, store -> List.of());
    }

    /** With feature modules besides the built-in ones, made once the store is open; for tests' own modules. */
    static Worker start(AppConfig config, Clock clock, Function<Store, List<GuildModule>> extraFeatures) {
        return new Worker(config, clock, extraFeatures);
    }

    public Store store() {
        return store;
    }

    @Override
    public int webPort() {
        return web.port();
    }

    @Override
    public void close() {
        resources.close();
    }
}
