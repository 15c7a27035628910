package dev.guildhall.app;

import dev.guildhall.bus.InProcessBus;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.discord.DiscordConnection;
import dev.guildhall.discord.DiscordSettings;
import dev.guildhall.modules.setup.SetupService;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Standalone mode, wired top to bottom: SQLite (or PostgreSQL) store, in-process bus, the Discord connection (real
 * Discord, or the sandbox's emulator when there is no token), durable timers whose due events join Discord's on the
 * bus, the modules behind the dispatcher, and the HTTP server.
 * Closing releases everything in reverse order.
 */
public final class Standalone implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Standalone.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Optional<Sandbox> sandbox;
    private final DiscordConnection discord;
    private final Store store;
    private final WebServer web;

    private Standalone(AppConfig config, Clock clock, List<GuildModule> extraFeatures) {
        try {
            sandbox = config.discord().token().isEmpty() ? Optional.of(own(Sandbox.start(config.sandbox())))
                    : Optional.empty();
            store = own(Store.open(config.store(), clock));
            PrometheusMeterRegistry metrics = Metrics.newRegistry();
            own(metrics::close);
            InProcessBus bus = own(new InProcessBus());
            GuildFilter filter = new GuildFilter(config.discord().devGuild());
            discord = own(DiscordConnection.connect(
                    sandbox.map(Sandbox::discordSettings).orElseGet(() -> settingsFor(config)), envelope -> {
                if (filter.accepts(envelope)) bus.publish(envelope);
            }));
            DiscordPort port = discord.port();
            // due timers travel the bus like Discord's events, so a guild's events stay in one order
            DurableTimers timers = own(DurableTimers.create(store.dataSource(), clock, TimerSettings.defaults(),
                    bus::publish));
            ModuleRegistry registry = Modules.wire(store, port, timers, clock, extraFeatures).registry();
            Dispatcher dispatcher = new Dispatcher(registry, store.guildConfigs(), port, clock,
                    Metrics.dispatchObserver(metrics), new CommandSync(registry, store.commandSyncs(), port));
            bus.subscribe(dispatcher::dispatch);
            timers.start();
            own(purgeDaily(store, clock));
            web = own(WebServer.start(config.web(), metrics, List.of(
                    ReadinessCheck.of("discord", () -> discord.isConnected() ? Optional.empty()
                            : Optional.of("not connected to Discord")),
                    ReadinessCheck.of("database", () -> store.isReachable() ? Optional.empty()
                            : Optional.of("database unreachable")))));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Standalone start(AppConfig config, Clock clock) {
        return new Standalone(config, clock, List.of());
    }

    /** With feature modules besides the built-in ones; for tests that need a module of their own. */
    static Standalone start(AppConfig config, Clock clock, List<GuildModule> extraFeatures) {
        return new Standalone(config, clock, extraFeatures);
    }

    /** The client settings for a configured token: real Discord, or the Discord-compatible server the URLs name. */
    static DiscordSettings settingsFor(AppConfig config) {
        AppConfig.DiscordConfig discord = config.discord();
        if (discord.token().isEmpty()) throw new IllegalStateException("the sandbox supplies the settings");
        DiscordSettings settings = discord.apiBaseUrl().isPresent() && discord.gatewayUrl().isPresent()
                ? DiscordSettings.emulator(discord.token().get(), discord.apiBaseUrl().get(), discord.gatewayUrl().get())
                : DiscordSettings.discord(discord.token().get());
        return settings.withShardsTotal(discord.shards());
    }

    /** Soft-deleted configurations are kept {@link SetupService#RETENTION}, then purged: once at start, then daily. */
    private static AutoCloseable purgeDaily(Store store, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        scheduler.scheduleAtFixedRate(() -> {
            try {
                int purged = store.guildConfigs().purgeDeletedBefore(clock.instant().minus(SetupService.RETENTION));
                if (purged > 0) log.info("purged {} guild configurations deleted over 30 days ago", purged);
            } catch (RuntimeException e) {
                log.warn("purging old guild configurations failed; retried tomorrow", e);
            }
        }, 0, 1, TimeUnit.DAYS);
        return scheduler::shutdownNow;
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    public Optional<String> sandboxPage() {
        return sandbox.map(Sandbox::pageAddress);
    }

    Optional<Sandbox> sandbox() {
        return sandbox;
    }

    public DiscordConnection discord() {
        return discord;
    }

    public Store store() {
        return store;
    }

    public int webPort() {
        return web.port();
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log.warn("closing {} failed", e.getClass().getSimpleName(), e);
            }
        }
    }
}
