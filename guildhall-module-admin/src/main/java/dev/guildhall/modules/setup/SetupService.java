package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.module.ResourceSpec;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.GuildConfigStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The guild lifecycle: setup (create or adopt the platform's roles and the channels and roles of the enabled modules,
 * then tell those modules they are enabled), reset, leaving and re-joining, and resources deleted in Discord. Setup
 * saves after every resource it creates, so a failure half-way leaves an in-progress config that the next run
 * completes without duplicating anything.
 */
public final class SetupService {
    /** How long a soft-deleted configuration is kept for a re-join to restore. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(SetupService.class);

    private final GuildConfigStore configs;
    private final DiscordPort discord;
    private final Clock clock;
    private final Supplier<ModuleRegistry> registry;

    /** {@code registry} is asked when needed: the registry holds the setup module, which holds this. */
    public SetupService(GuildConfigStore configs, DiscordPort discord, Clock clock, Supplier<ModuleRegistry> registry) {
        this.configs = configs;
        this.discord = discord;
        this.clock = clock;
        this.registry = registry;
    }

    /** Settings to pre-fill the form with: the guild's current ones, else the defaults. */
    public SetupSettings currentSettings(GuildId guild) {
        return configs.find(guild).map(GuildConfig::settings).orElse(SetupSettings.DEFAULTS);
    }

    public SetupReport run(GuildId guild, SetupSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) throw SetupException.invalid(problems);
        GuildSnapshot snapshot = discord.guild(guild).orElseThrow(() -> new SetupException(
                SetupException.Kind.BOT_NOT_IN_GUILD, "The bot is not in guild " + guild + ".", List.of(), null));
        Optional<GuildConfig> existing = configs.find(guild);
        refuseDangerousPlayerRole(existing, snapshot, settings);
        boolean firstSetup = existing.map(c -> !c.isConfigured()).orElse(true);
        GuildConfig config = existing
                .map(c -> c.restored(now()).withSettings(settings, now()).withStatus(SetupStatus.IN_PROGRESS, now()))
                .orElseGet(() -> GuildConfig.started(guild, settings, now()));
        if (config.enabledModules().isEmpty()) {
            config = config.withEnabledModules(Set.copyOf(registry.get().defaultEnabled()), now());
        }
        configs.save(config);
        for (RoleKind kind : RoleKind.values()) {
            config = ensure(config, snapshot, new ResourceSpec.Role(kind.key() + ".role", settings.roleName(kind)),
                    kind.key());
        }
        for (GuildModule module : registry.get().enabledIn(config)) {
            config = ensureResources(config, snapshot, module);
        }
        config = config.withStatus(SetupStatus.COMPLETE, now());
        configs.save(config);
        log.info("guild {} set up (first: {})", guild, firstSetup);
        return new SetupReport(config, firstSetup);
    }

    /**
     * The Player role is self-assigned (a module may hand it to anyone who asks), so setup never adopts, as that
     * role, an existing one that carries powers over the server; it refuses before changing anything.
     */
    private static void refuseDangerousPlayerRole(Optional<GuildConfig> existing, GuildSnapshot snapshot,
                                                  SetupSettings settings) {
        boolean known = existing.flatMap(c -> c.role(RoleKind.PLAYER))
                .filter(r -> !r.missing() && snapshot.role(RoleId.of(r.id())).isPresent()).isPresent();
        if (known) return;
        snapshot.roleNamed(settings.playerRole()).ifPresent(role -> {
            List<String> powers = DangerousPermissions.in(role.permissions());
            if (!powers.isEmpty()) {
                throw SetupException.invalid(List.of("player_role: the existing role '" + role.name() + "' has "
                        + String.join(", ", powers) + "; members give themselves the player role, so it cannot be "
                        + "one with those permissions. Choose another name, or remove the permissions from it"));
            }
        });
    }

    /** Creates or adopts the channels and roles {@code module} declares that the guild lacks; saves after each. */
    public GuildConfig ensureResources(GuildConfig config, GuildModule module) {
        if (module.resources().isEmpty()) return config;
        GuildSnapshot snapshot = discord.guild(config.guild()).orElseThrow(() -> new SetupException(
                SetupException.Kind.BOT_NOT_IN_GUILD, "The bot is not in guild " + config.guild() + ".", List.of(),
                null));
        return ensureResources(config, snapshot, module);
    }

    private GuildConfig ensureResources(GuildConfig config, GuildSnapshot snapshot, GuildModule module) {
        GuildConfig next = config;
        for (ResourceSpec resource : module.resources()) next = ensure(next, snapshot, resource, resource.key());
        return next;
    }

    private GuildConfig ensure(GuildConfig config, GuildSnapshot snapshot, ResourceSpec spec, String key) {
        String step = "creating " + spec.label(config.settings().prefix());
        try {
            return switch (spec) {
                case ResourceSpec.Channel channel -> ensureChannel(config, snapshot, channel, key);
                case ResourceSpec.Role role -> ensureRole(config, snapshot, role, key);
            };
        } catch (DiscordCallException e) {
            log.warn("setup of guild {} stopped while {}: {}", config.guild(), step, e.kind());
            throw new SetupException(SetupException.Kind.DISCORD_FAILED, "Setup could not finish: Discord failed ("
                    + e.kind() + ") while " + step + ". Nothing is lost: run /setup again to finish.", List.of(), e);
        }
    }

    private GuildConfig ensureChannel(GuildConfig config, GuildSnapshot snapshot, ResourceSpec.Channel spec,
                                      String key) {
        boolean known = config.channel(key)
                .filter(r -> !r.missing() && snapshot.channel(ChannelId.of(r.id())).isPresent()).isPresent();
        if (known) return config;
        String name = spec.nameFor(config.settings().prefix());
        ManagedResource resource = snapshot.channelNamed(name)
                .map(c -> ManagedResource.adopted(c.id().value()))
                .orElseGet(() -> ManagedResource.created(
                        discord.execute(new Action.CreateTextChannel(config.guild(), name)).requireCreatedId()));
        GuildConfig next = config.withChannel(key, resource, now());
        configs.save(next);
        return next;
    }

    private GuildConfig ensureRole(GuildConfig config, GuildSnapshot snapshot, ResourceSpec.Role spec, String key) {
        boolean known = config.role(key)
                .filter(r -> !r.missing() && snapshot.role(RoleId.of(r.id())).isPresent()).isPresent();
        if (known) return config;
        ManagedResource resource = snapshot.roleNamed(spec.name())
                .map(r -> ManagedResource.adopted(r.id().value()))
                .orElseGet(() -> ManagedResource.created(
                        discord.execute(new Action.CreateRole(config.guild(), spec.name())).requireCreatedId()));
        GuildConfig next = config.withRole(key, resource, now());
        configs.save(next);
        return next;
    }

    /**
     * Tells each of {@code modules} that it is enabled in the guild, now that its resources exist (a module posts
     * its welcome message, say). {@code context} is the event being handled; the modules see {@code config}.
     */
    public void announceEnabled(ModuleContext context, GuildConfig config, List<GuildModule> modules) {
        ModuleContext withConfig = new ModuleContext(context.envelope(), Optional.of(config), context.invokerLevel(),
                context.discord(), context.clock());
        for (GuildModule module : modules) {
            try {
                module.enabled(withConfig);
            } catch (DiscordCallException e) {
                log.warn("module {} could not finish enabling in guild {}: {}", module.id(), config.guild(), e.kind());
                throw new SetupException(SetupException.Kind.DISCORD_FAILED, "Setup could not finish: Discord failed ("
                        + e.kind() + ") while enabling " + module.id() + ". Nothing is lost: run /setup again.",
                        List.of(), e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("module " + module.id() + " failed to enable in guild "
                        + config.guild(), e);
            }
        }
    }

    /**
     * Deletes what setup created (adopted channels and roles stay), soft-deletes the configuration and returns the
     * guild to the before-setup state. Resources someone already deleted are skipped. With {@code purgeData}, every
     * module also deletes the guild's data at once, instead of after {@link #RETENTION}.
     */
    public GuildConfig reset(GuildId guild, boolean purgeData) {
        GuildConfig config = configs.find(guild).filter(GuildConfig::isConfigured).orElseThrow(() -> new SetupException(
                SetupException.Kind.NOT_CONFIGURED, "Guildhall is not set up in this server.", List.of(), null));
        for (ManagedResource channel : config.channels().values()) {
            if (channel.created() && !channel.missing()) {
                ignoreMissing(() -> discord.execute(new Action.DeleteChannel(guild, ChannelId.of(channel.id()))));
            }
        }
        for (ManagedResource role : config.roles().values()) {
            if (role.created() && !role.missing()) {
                ignoreMissing(() -> discord.execute(new Action.DeleteRole(guild, RoleId.of(role.id()))));
            }
        }
        if (purgeData) {
            for (GuildModule module : registry.get().all()) module.purgeGuild(guild);
        }
        GuildConfig reset = config.withoutResources(now()).withStatus(SetupStatus.IN_PROGRESS, now())
                .softDeleted(now());
        configs.save(reset);
        log.info("guild {} reset (data purged: {})", guild, purgeData);
        return reset;
    }

    private static void ignoreMissing(Runnable call) {
        try {
            call.run();
        } catch (DiscordCallException e) {
            if (e.kind() != DiscordCallException.Kind.NOT_FOUND) throw e;
        }
    }

    /** The bot left: keep the configuration for {@link #RETENTION}, soft-deleted. */
    public void guildLeft(GuildId guild) {
        configs.find(guild).filter(c -> !c.isDeleted()).ifPresent(c -> configs.save(c.softDeleted(now())));
    }

    /**
     * The bot joined or reconnected: restore a configuration soft-deleted by a recent leave, and mark what is gone
     * from the guild as missing.
     */
    public void guildJoined(GuildId guild) {
        Optional<GuildConfig> found = configs.find(guild);
        if (found.isEmpty()) return;
        GuildConfig config = found.get();
        if (config.isDeleted()) {
            if (config.deletedAt().get().isBefore(now().minus(RETENTION))) return;
            config = config.restored(now());
        }
        Optional<GuildSnapshot> snapshot = discord.guild(guild);
        if (snapshot.isPresent()) {
            GuildSnapshot live = snapshot.get();
            config = markMissing(config, id -> live.channel(ChannelId.of(id)).isEmpty(),
                    id -> live.role(RoleId.of(id)).isEmpty());
        }
        if (!config.equals(found.get())) configs.save(config);
    }

    private GuildConfig markMissing(GuildConfig config, Function<Long, Boolean> channelGone,
                                    Function<Long, Boolean> roleGone) {
        GuildConfig next = config;
        for (Map.Entry<String, ManagedResource> entry : config.channels().entrySet()) {
            if (!entry.getValue().missing() && channelGone.apply(entry.getValue().id())) {
                next = next.withChannel(entry.getKey(), entry.getValue().markMissing(), now());
            }
        }
        for (Map.Entry<String, ManagedResource> entry : config.roles().entrySet()) {
            if (!entry.getValue().missing() && roleGone.apply(entry.getValue().id())) {
                next = next.withRole(entry.getKey(), entry.getValue().markMissing(), now());
            }
        }
        return next;
    }

    public void channelDeleted(GuildId guild, ChannelId channel) {
        update(guild, config -> markMissing(config, id -> id == channel.value(), id -> false));
    }

    public void roleDeleted(GuildId guild, RoleId role) {
        update(guild, config -> markMissing(config, id -> false, id -> id == role.value()));
    }

    private void update(GuildId guild, Function<GuildConfig, GuildConfig> change) {
        configs.find(guild).ifPresent(config -> {
            GuildConfig next = change.apply(config);
            if (!next.equals(config)) configs.save(next);
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
