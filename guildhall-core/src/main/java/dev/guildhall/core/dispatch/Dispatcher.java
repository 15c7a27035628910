package dev.guildhall.core.dispatch;

import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.module.ComponentSpec;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.DispatchObserver;
import dev.guildhall.core.port.GuildConfigStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Routes one envelope to the modules active in its guild. Interactions go to the one module that owns the command or
 * component, after the invoker's level is checked here, once; other events go to every active module.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ModuleRegistry registry;
    private final GuildConfigStore configs;
    private final DiscordPort discord;
    private final Clock clock;
    private final DispatchObserver observer;
    private final CommandSync commandSync;

    public Dispatcher(ModuleRegistry registry, GuildConfigStore configs, DiscordPort discord, Clock clock,
                      DispatchObserver observer, CommandSync commandSync) {
        this.commandSync = commandSync;
        this.registry = registry;
        this.configs = configs;
        this.discord = discord;
        this.clock = clock;
        this.observer = observer;
    }

    /** Runs every unit of the envelope here and now, one after another; see {@link #dispatch(Envelope, UnitRunner)}. */
    public void dispatch(Envelope envelope) throws Exception {
        dispatch(envelope, Unit::run);
    }

    /**
     * Splits the envelope into its units and gives each to {@code runner}. An interaction is one unit, under the
     * envelope's own id: the owning module's handling (or the refusal) and the command sync it may call for. Any other
     * event is one unit per active module, under {@code <envelope id>@<module id>}, then, when the event changes the
     * guild's commands, one more under {@code <envelope id>#commands}. Every unit is given to the runner even when an
     * earlier one failed, so one module's failure delays no other; the first failure is then rethrown, later ones
     * added to it as suppressed.
     */
    public void dispatch(Envelope envelope, UnitRunner runner) throws Exception {
        long started = System.nanoTime();
        Optional<String> command = envelope.event() instanceof InteractionEvent.SlashCommand slash
                ? Optional.of(slash.name()) : Optional.empty();
        Outcome outcome = new Outcome();
        MDC.put("guild_id", envelope.guild().toString());
        MDC.put("event_id", envelope.id());
        try {
            Exception failure = null;
            for (Unit unit : units(envelope, outcome)) {
                try {
                    runner.run(unit);
                } catch (Exception e) {
                    if (failure == null) failure = e;
                    else failure.addSuppressed(e);
                }
            }
            if (failure != null) {
                outcome.value = "error";
                throw failure;
            }
        } catch (RuntimeException | Error e) {
            outcome.value = "error";
            throw e;
        } finally {
            observer.handled(envelope.type(), command, outcome.value, Duration.ofNanos(System.nanoTime() - started));
            MDC.remove("guild_id");
            MDC.remove("event_id");
        }
    }

    /**
     * One exactly-once part of an envelope's handling: a module's handling of an event, or the platform's own
     * follow-up. {@code id} is what a ledger records it under, distinct for every unit of every envelope.
     */
    public record Unit(String id, Work work) {
        public void run() throws Exception {
            work.run();
        }
    }

    /** The handling inside a unit. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs one unit: at once ({@code Unit::run}), or, in a worker, inside its own ledger transaction. */
    @FunctionalInterface
    public interface UnitRunner {
        void run(Unit unit) throws Exception;
    }

    /** What the observer is told; {@code replayed} when a runner ran no unit because each was handled before. */
    private static final class Outcome {
        String value = "replayed";
    }

    private List<Unit> units(Envelope envelope, Outcome outcome) {
        Optional<GuildConfig> config = configs.find(envelope.guild());
        List<GuildModule> active = registry.active(config);
        if (envelope.event() instanceof InteractionEvent interaction) {
            return List.of(new Unit(envelope.id(), () -> {
                outcome.value = route(envelope, interaction, active, config);
                if (outcome.value.equals("ok")) syncCommands(envelope);
            }));
        }
        List<Unit> units = new ArrayList<>();
        for (GuildModule module : active) {
            if (!wants(module, envelope.event())) continue;
            units.add(new Unit(envelope.id() + "@" + module.id(), () -> {
                module.handle(context(envelope, config, PermissionLevel.EVERYONE), envelope.event());
                outcome.value = "ok";
            }));
        }
        if (envelope.event() instanceof GuildEvent.GuildLeft) {
            units.add(new Unit(envelope.id() + "#commands", () -> commandSync.forget(envelope.guild())));
        } else if (envelope.event() instanceof GuildEvent.GuildJoined) {
            units.add(new Unit(envelope.id() + "#commands", () -> syncCommands(envelope)));
        }
        if (units.isEmpty()) outcome.value = "ok";
        return units;
    }

    /** Whether the module takes this (non-interaction) event: see {@link GuildModule#events()}. */
    static boolean wants(GuildModule module, GuildEvent event) {
        if (event instanceof GuildEvent.TimerFired timer && !timer.name().equals(module.id())
                && !timer.name().startsWith(module.id() + ":")) {
            return false;
        }
        return module.events().stream().anyMatch(kind -> kind.isInstance(event));
    }

    private String route(Envelope envelope, InteractionEvent interaction, List<GuildModule> active,
                         Optional<GuildConfig> config) throws Exception {
        PermissionLevel level = Permissions.levelOf(interaction.invoker(), config);
        ModuleContext context = context(envelope, config, level);
        Optional<Target> target = findTarget(interaction, active, config);
        if (target.isEmpty()) {
            context.replyEphemeral(interaction, notAvailable(interaction, config));
            return "ignored";
        }
        if (!level.allows(target.get().level())) {
            context.replyEphemeral(interaction, refusal(target.get(), config));
            log.info("refused {} to user {} (level {}, needs {})", target.get().label(), interaction.invoker().user(),
                    level, target.get().level());
            return "refused";
        }
        target.get().module().handle(context, envelope.event());
        return "ok";
    }

    /** A failed sync must not re-run the handler that already answered: it is retried by the next such event. */
    private void syncCommands(Envelope envelope) {
        try {
            commandSync.ensureSynced(envelope.guild(), configs.find(envelope.guild()));
        } catch (RuntimeException e) {
            log.warn("command sync failed for guild {}; it is retried with the next change", envelope.guild(), e);
        }
    }

    private ModuleContext context(Envelope envelope, Optional<GuildConfig> config, PermissionLevel level) {
        return new ModuleContext(envelope, config, level, discord, clock);
    }

    private record Target(GuildModule module, PermissionLevel level, String label) {}

    private Optional<Target> findTarget(InteractionEvent event, List<GuildModule> active, Optional<GuildConfig> config) {
        return switch (event) {
            case InteractionEvent.SlashCommand slash -> active.stream()
                    .flatMap(m -> registry.commandsOf(m, config).stream()
                            .filter(c -> c.name().equals(slash.name()))
                            .map(c -> new Target(m, c.level(), "/" + c.name())))
                    .findFirst();
            case InteractionEvent.ButtonClicked button -> componentTarget(button.customId(), active);
            case InteractionEvent.ModalSubmitted modal -> componentTarget(modal.customId(), active);
        };
    }

    /** A component belongs to the module named before the first colon; the longest matching prefix sets its level. */
    private static Optional<Target> componentTarget(String customId, List<GuildModule> active) {
        String moduleId = customId.contains(":") ? customId.substring(0, customId.indexOf(':')) : customId;
        return active.stream().filter(m -> m.id().equals(moduleId)).findFirst().map(module -> {
            PermissionLevel level = module.components().stream()
                    .filter(c -> customId.startsWith(c.customIdPrefix()))
                    .max(Comparator.comparingInt(c -> c.customIdPrefix().length()))
                    .map(ComponentSpec::level)
                    .orElse(PermissionLevel.ADMIN);
            return new Target(module, level, "this button");
        });
    }

    private static String notAvailable(InteractionEvent event, Optional<GuildConfig> config) {
        boolean configured = config.map(GuildConfig::isConfigured).orElse(false);
        String what = event instanceof InteractionEvent.SlashCommand slash ? "/" + slash.name() : "This control";
        return configured
                ? what + " is not available here: its module is disabled in this server."
                : what + " is not available until an administrator runs /setup.";
    }

    private static String refusal(Target target, Optional<GuildConfig> config) {
        String role = switch (target.level()) {
            case ADMIN -> config.filter(GuildConfig::isConfigured).map(c -> "the Administrator permission or the "
                    + c.settings().adminRole() + " role").orElse("the Administrator permission");
            case EDITOR -> config.map(c -> "the " + c.settings().editorRole() + " role").orElse("the editor role");
            case PLAYER -> config.map(c -> "the " + c.settings().playerRole() + " role").orElse("the player role");
            case EVERYONE -> "nothing";
        };
        return "You are not allowed to use " + target.label() + ": it needs " + role + " ("
                + target.level().name().toLowerCase(Locale.ROOT) + " level).";
    }
}
