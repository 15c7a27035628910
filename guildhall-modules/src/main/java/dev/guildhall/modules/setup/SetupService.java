package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.guild.ChannelKind;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.GuildConfigStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The guild lifecycle: setup (create or adopt channels and roles, post the signup message), reset, leaving and
 * re-joining, and resources deleted in Discord. Setup saves after every resource it creates, so a failure half-way
 * leaves an in-progress config that the next run completes without duplicating anything.
 */
public final class SetupService {
    /** How long a soft-deleted configuration is kept for a re-join to restore. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(SetupService.class);

    private final GuildConfigStore configs;
    private final DiscordPort discord;
    private final Clock clock;
    private final List<String> defaultModules;

    public SetupService(GuildConfigStore configs, DiscordPort discord, Clock clock, List<String> defaultModules) {
        this.configs = configs;
        this.discord = discord;
        this.clock = clock;
        this.defaultModules = List.copyOf(defaultModules);
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
        boolean firstSetup = existing.map(c -> !c.isConfigured()).orElse(true);
        GuildConfig config = existing
                .map(c -> c.restored(now()).withSettings(settings, now()).withStatus(SetupStatus.IN_PROGRESS, now()))
                .orElseGet(() -> GuildConfig.started(guild, settings, now()));
        configs.save(config);
        String step = "starting";
        try {
            for (ChannelKind kind : ChannelKind.values()) {
                step = "creating channel #" + kind.nameFor(settings.prefix());
                config = ensureChannel(config, snapshot, kind);
            }
            for (RoleKind kind : RoleKind.values()) {
                step = "creating role " + roleName(settings, kind);
                config = ensureRole(config, snapshot, kind);
            }
            step = "posting the signup message";
            config = ensureSignupMessage(config, snapshot);
        } catch (DiscordCallException e) {
            log.warn("setup of guild {} stopped while {}: {}", guild, step, e.kind());
            throw new SetupException(SetupException.Kind.DISCORD_FAILED, "Setup could not finish: Discord failed ("
                    + e.kind() + ") while " + step + ". Nothing is lost: run /setup again to finish.", List.of(), e);
        }
        Set<String> modules = config.enabledModules().isEmpty() ? Set.copyOf(defaultModules) : config.enabledModules();
        config = config.withEnabledModules(modules, now()).withStatus(SetupStatus.COMPLETE, now());
        configs.save(config);
        log.info("guild {} set up (first: {})", guild, firstSetup);
        return new SetupReport(config, firstSetup);
    }

    private GuildConfig ensureChannel(GuildConfig config, GuildSnapshot snapshot, ChannelKind kind) {
        Optional<ManagedResource> known = config.channel(kind)
                .filter(r -> !r.missing() && snapshot.channel(ChannelId.of(r.id())).isPresent());
        if (known.isPresent()) return config;
        String name = kind.nameFor(config.settings().prefix());
        ManagedResource resource = snapshot.channelNamed(name)
                .map(c -> ManagedResource.adopted(c.id().value()))
                .orElseGet(() -> ManagedResource.created(
                        discord.execute(new Action.CreateTextChannel(config.guild(), name)).requireCreatedId()));
        GuildConfig next = config.withChannel(kind, resource, now());
        if (kind == ChannelKind.SIGNUP) next = next.withSignupMessage(Optional.empty(), now());
        configs.save(next);
        return next;
    }

    private GuildConfig ensureRole(GuildConfig config, GuildSnapshot snapshot, RoleKind kind) {
        Optional<ManagedResource> known = config.role(kind)
                .filter(r -> !r.missing() && snapshot.role(RoleId.of(r.id())).isPresent());
        if (known.isPresent()) return config;
        String name = roleName(config.settings(), kind);
        ManagedResource resource = snapshot.roleNamed(name)
                .map(r -> ManagedResource.adopted(r.id().value()))
                .orElseGet(() -> ManagedResource.created(
                        discord.execute(new Action.CreateRole(config.guild(), name)).requireCreatedId()));
        GuildConfig next = config.withRole(kind, resource, now());
        configs.save(next);
        return next;
    }

    private GuildConfig ensureSignupMessage(GuildConfig config, GuildSnapshot snapshot) {
        if (config.signupMessage().isPresent()) return config;
        ChannelId channel = ChannelId.of(config.channel(ChannelKind.SIGNUP).orElseThrow().id());
        long message = discord.execute(new Action.SendMessage(config.guild(), channel,
                MessageContent.text(config.settings().signupMessage()))).requireCreatedId();
        GuildConfig next = config.withSignupMessage(Optional.of(message), now());
        configs.save(next);
        discord.execute(new Action.AddReaction(config.guild(), channel, MessageId.of(message),
                config.settings().signupEmoji()));
        return next;
    }

    static String roleName(SetupSettings settings, RoleKind kind) {
        return switch (kind) {
            case PLAYER -> settings.playerRole();
            case EDITOR -> settings.editorRole();
            case ADMIN -> settings.adminRole();
        };
    }

    /**
     * Deletes what setup created (adopted channels and roles stay), soft-deletes the configuration and returns the
     * guild to the before-setup state. Resources someone already deleted are skipped.
     */
    public GuildConfig reset(GuildId guild) {
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
        GuildConfig reset = new GuildConfig(guild, SetupStatus.IN_PROGRESS, config.settings(), Map.of(),
                Map.of(), Optional.empty(), config.enabledModules(), Optional.of(now()), now());
        configs.save(reset);
        log.info("guild {} reset", guild);
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
            config = markMissing(config, snapshot.get());
        }
        if (!config.equals(found.get())) configs.save(config);
    }

    private GuildConfig markMissing(GuildConfig config, GuildSnapshot snapshot) {
        GuildConfig next = config;
        for (var entry : config.channels().entrySet()) {
            if (!entry.getValue().missing() && snapshot.channel(ChannelId.of(entry.getValue().id())).isEmpty()) {
                next = next.withChannel(entry.getKey(), entry.getValue().markMissing(), now());
            }
        }
        for (var entry : config.roles().entrySet()) {
            if (!entry.getValue().missing() && snapshot.role(RoleId.of(entry.getValue().id())).isEmpty()) {
                next = next.withRole(entry.getKey(), entry.getValue().markMissing(), now());
            }
        }
        return next;
    }

    public void channelDeleted(GuildId guild, ChannelId channel) {
        update(guild, config -> {
            GuildConfig next = config;
            for (var entry : config.channels().entrySet()) {
                if (entry.getValue().id() == channel.value() && !entry.getValue().missing()) {
                    next = next.withChannel(entry.getKey(), entry.getValue().markMissing(), now());
                }
            }
            return next;
        });
    }

    public void roleDeleted(GuildId guild, RoleId role) {
        update(guild, config -> {
            GuildConfig next = config;
            for (var entry : config.roles().entrySet()) {
                if (entry.getValue().id() == role.value() && !entry.getValue().missing()) {
                    next = next.withRole(entry.getKey(), entry.getValue().markMissing(), now());
                }
            }
            return next;
        });
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
