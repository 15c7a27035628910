package dev.guildhall.app;

import dev.guildhall.bus.InProcessBus;
import dev.guildhall.bus.RetryPolicy;
import dev.guildhall.bus.Sleeper;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleEnvironment;
import dev.guildhall.core.module.ModuleProvider;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.discord.DiscordConnection;
import dev.guildhall.discord.DiscordSettings;
import dev.guildhall.store.Store;
import dev.guildhall.store.timers.DurableTimers;
import dev.guildhall.store.timers.TimerSettings;
import dev.guildhall.web.Metrics;
import dev.guildhall.web.ReadinessCheck;
import dev.guildhall.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Standalone mode, wired top to bottom: SQLite (or PostgreSQL) store, in-process bus, the Discord connection (real
 * Discord, or the sandbox's emulator when there is no token), durable timers whose due events join Discord's on the
 * bus, the modules behind the dispatcher, each envelope handled exactly once through the same ledger transactions as a
 * worker's (actions go through a {@link LocalOutbox}), and the HTTP server.
 * Closing releases everything in reverse order.
 */
public final class Standalone implements Running {

    private final Resources resources = new Resources();
    private final Optional<Sandbox> sandbox;
    private final DiscordConnection discord;
    private final Store store;
    private final WebServer web;
    private final PluginModules plugins;

    private Standalone(AppConfig config, Clock clock, Function<ModuleEnvironment, List<GuildModule>> extraFeatures) {
        try {
            sandbox = config.discord().token().isEmpty() ? Optional.of(own(Sandbox.start(sandboxOnly(config).sandbox())))
                    : Optional.empty();
            store = own(Store.open(config.store(), clock));
            PrometheusMeterRegistry metrics = Metrics.newRegistry();
            own(metrics::close);
            // a due timer is deleted only once the bus is done with it, so a crash cannot drop it from memory
            AwaitedTimers awaited = new AwaitedTimers();
            InProcessBus bus = own(new InProcessBus(RetryPolicy.DEFAULT,
                    awaited.deadLetters(DeadLetterMetrics.countingAndLogging(metrics)), Sleeper.system(),
                    InProcessBus.DEFAULT_DRAIN_TIMEOUT));
            GuildFilter filter = new GuildFilter(config.discord().devGuild());
            discord = own(DiscordConnection.connect(
                    sandbox.map(Sandbox::discordSettings).orElseGet(() -> settingsFor(config))
                            .withAutoDefer(config.bus().interactionDeferAfter()), envelope -> {
                if (filter.accepts(envelope)) bus.publish(envelope);
            }));
            // modules act through the outbox, so their actions commit with their writes, as in a worker
            LocalOutbox port = new LocalOutbox(discord.port(), store.executedActions(), metrics);
            // due timers travel the bus like Discord's events, so a guild's events stay in one order
            DurableTimers timers = own(DurableTimers.create(store.dataSource(), clock, TimerSettings.defaults(),
                    awaited.sink(bus)));
            Modules modules = Modules.wire(store, port, timers, clock, extraFeatures);
            ModuleRegistry registry = modules.registry();
            CommandSync commandSync = new CommandSync(registry, store.commandSyncs(), port);
            plugins = own(new PluginModules(config.plugins().modulesDir(), store, modules, commandSync));
            plugins.loadAll();
            Dispatcher dispatcher = new Dispatcher(registry, store.guildConfigs(), port, clock,
                    Metrics.dispatchObserver(metrics), commandSync);
            bus.subscribe(awaited.handler(new ExactlyOnceHandler(store.envelopeLedger(), store.guildConfigs(), port, dispatcher,
                    DatabaseBreaker.create(metrics, Worker.BREAKER_OPEN_FOR))));
            // before timers fire: a timer whose unit committed but was not deleted fires again, and would deliver the
            // same unit's actions concurrently; Discord does not send a new process the previous one's interactions
            UndeliveredActions.deliver(store.envelopeLedger(), store.executedActions(), port, clock, metrics);
            // standalone alone fires this database's timers: one a killed process had picked is fired again now
            timers.releasePicksOfStoppedProcesses();
            timers.start();
            own(Retention.daily(store, () -> registry, clock, true));
            web = own(WebServer.start(config.web(), metrics, List.of(
                    ReadinessCheck.of("discord", () -> discord.isConnected() ? Optional.empty()
                            : Optional.of("not connected to Discord")),
                    ReadinessCheck.of("database", () -> store.isReachable() ? Optional.empty()
                            : Optional.of("database unreachable"))),
                    config.plugins().operatorToken().map(token -> new WebServer.Operator(token, plugins))));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Standalone start(AppConfig config, Clock clock) {
        return new Standalone(config, clock, environment -> List.of());
    }

    /** With feature modules besides the built-in ones; for tests that need a module of their own. */
    static Standalone start(AppConfig config, Clock clock, List<GuildModule> extraFeatures) {
        return new Standalone(config, clock, environment -> extraFeatures);
    }

    /** With one more feature module, built by its provider as a class-path module is; for tests' own modules. */
    static Standalone start(AppConfig config, Clock clock, ModuleProvider extraFeature) {
        return new Standalone(config, clock, environment -> List.of(extraFeature.create(environment)));
    }

    /**
     * No token means the sandbox, but only where nothing says production: a production start that lost its token
     * must stop, not answer on a local emulator while the real bot stays offline.
     */
    private static AppConfig sandboxOnly(AppConfig config) {
        config.productionSign().ifPresent(sign -> {
            String unset = sign.startsWith("ENVIRONMENT") ? "ENVIRONMENT" : "DATABASE_URL";
            throw new ConfigException("DISCORD_TOKEN", "not set, and this is a production start (" + sign
                    + ") that needs the bot's token; unset " + unset + " to try the sandbox");
        });
        return config;
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

    private <T extends AutoCloseable> T own(T resource) {
        return resources.own(resource);
    }

    @Override
    public Optional<String> sandboxPage() {
        return sandbox.map(Sandbox::pageAddress);
    }

    Optional<Sandbox> sandbox() {
        return sandbox;
    }

    public DiscordConnection discord() {
        return discord;
    }

    PluginModules plugins() {
        return plugins;
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
