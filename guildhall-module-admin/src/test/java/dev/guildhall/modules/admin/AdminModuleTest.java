package dev.guildhall.modules.admin;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DispatchObserver;
import dev.guildhall.modules.setup.SetupService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin module through the real dispatcher and command sync, with fakes for Discord and the stores. */
class AdminModuleTest {
    private static final long ADMIN_ROLE = 900;
    private static final long PLAYER_ROLE = 700;
    private final GuildId guild = GuildId.of(77L << 22);
    private final GuildId otherGuild = GuildId.of(78L << 22);
    private final Clock clock = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private final AdminFakes.Discord discord = new AdminFakes.Discord();
    private final AdminFakes.Stores stores = new AdminFakes.Stores();
    private final AdminFakes.Settings settings = new AdminFakes.Settings();
    private final AdminFakes.Dice dice = new AdminFakes.Dice();
    private final AtomicLong ids = new AtomicLong();
    private final Invoker owner = new Invoker(UserId.of(1), "owner", Set.of(), true);
    private final Invoker adminByRole = new Invoker(UserId.of(2), "admin", Set.of(RoleId.of(ADMIN_ROLE)), false);
    private final Invoker player = new Invoker(UserId.of(3), "player", Set.of(RoleId.of(PLAYER_ROLE)), false);
    private Dispatcher dispatcher;

    @BeforeEach
    void wire() {
        AtomicReference<ModuleRegistry> registry = new AtomicReference<>();
        SetupService setup = new SetupService(stores, discord, clock, registry::get);
        AdminModule admin = new AdminModule(stores, settings, () -> registry.get().all(), setup);
        registry.set(new ModuleRegistry(List.of(admin, dice)));
        dispatcher = new Dispatcher(registry.get(), stores, discord, clock, DispatchObserver.NONE,
                new CommandSync(registry.get(), stores, discord));
        stores.save(configured(guild));
        stores.save(configured(otherGuild));
    }

    private GuildConfig configured(GuildId id) {
        return GuildConfig.started(id, SetupSettings.DEFAULTS, clock.instant())
                .withRole(RoleKind.ADMIN, ManagedResource.created(ADMIN_ROLE), clock.instant())
                .withRole(RoleKind.PLAYER, ManagedResource.created(PLAYER_ROLE), clock.instant())
                .withEnabledModules(Set.of("dice"), clock.instant())
                .withStatus(SetupStatus.COMPLETE, clock.instant());
    }

    private void dispatch(GuildId target, GuildEvent event) throws Exception {
        dispatcher.dispatch(new Envelope("e" + ids.incrementAndGet(), target, 0, clock.instant(), event, Map.of()));
    }

    private InteractionEvent.SlashCommand slash(Invoker who, String name, String sub, Map<String, String> options) {
        return new InteractionEvent.SlashCommand(new InteractionRef("i" + ids.incrementAndGet(), ChannelId.of(5),
                Optional.empty()), who, name, Optional.ofNullable(sub), options);
    }

    /** Runs the command in {@code guild} and returns the text of its reply, which must be ephemeral. */
    private String run(Invoker who, String name, String sub, Map<String, String> options) throws Exception {
        return runIn(guild, who, name, sub, options);
    }

    private String runIn(GuildId target, Invoker who, String name, String sub, Map<String, String> options) throws Exception {
        int before = discord.actions(Action.Reply.class).size();
        dispatch(target, slash(who, name, sub, options));
        List<Action.Reply> replies = discord.actions(Action.Reply.class);
        assertThat(replies).hasSize(before + 1);
        assertThat(replies.getLast().ephemeral()).isTrue();
        return replies.getLast().message().content();
    }

    private List<String> lastSyncedNames(GuildId target) {
        return discord.actions(Action.SyncGuildCommands.class).stream().filter(s -> s.guild().equals(target))
                .toList().getLast().commands().stream().map(CommandSpec::name).sorted().toList();
    }

    @Test
    void aSetUpGuildGetsModulesAndConfigBesideItsFeatures() throws Exception {
        dispatch(guild, new GuildEvent.GuildJoined("Club"));
        assertThat(lastSyncedNames(guild)).containsExactly("config", "modules", "roll");
    }

    @Test
    void aGuildNotSetUpGetsNeitherModulesNorConfig() throws Exception {
        GuildId fresh = GuildId.of(79L << 22);
        dispatch(fresh, new GuildEvent.GuildJoined("New"));
        assertThat(lastSyncedNames(fresh)).isEmpty();
        assertThat(runIn(fresh, owner, "modules", "list", Map.of())).contains("not available");
    }

    @Test
    void listShowsEveryModuleWithItsStateAndDescription() throws Exception {
        String answer = run(owner, "modules", "list", Map.of());
        assertThat(answer).contains("**admin** 1.0.0 (always on)").contains("**dice** 0.1.0 (enabled): Rolls dice");

        run(owner, "modules", "disable", Map.of("module", "dice"));
        assertThat(run(adminByRole, "modules", "list", Map.of())).contains("**dice** 0.1.0 (disabled)");
    }

    @Test
    void disablingAModuleRemovesItsCommandsAndItsEventsFromThatGuildOnly() throws Exception {
        dispatch(guild, new GuildEvent.GuildJoined("Club"));
        dispatch(otherGuild, new GuildEvent.GuildJoined("Other"));

        assertThat(run(owner, "modules", "disable", Map.of("module", "dice"))).startsWith("Disabled **dice**");

        assertThat(stores.find(guild).orElseThrow().enabledModules()).doesNotContain("dice");
        assertThat(lastSyncedNames(guild)).containsExactly("config", "modules");
        assertThat(lastSyncedNames(otherGuild)).containsExactly("config", "modules", "roll");
        dice.seen.clear();
        dispatch(guild, new GuildEvent.MemberJoined(UserId.of(50)));
        dispatch(otherGuild, new GuildEvent.MemberJoined(UserId.of(51)));
        assertThat(dice.seen).containsExactly(new GuildEvent.MemberJoined(UserId.of(51)));
        assertThat(runIn(guild, player, "roll", null, Map.of())).contains("module is disabled");
    }

    @Test
    void enablingItAgainBringsItsCommandsBack() throws Exception {
        run(owner, "modules", "disable", Map.of("module", "dice"));
        assertThat(run(owner, "modules", "enable", Map.of("module", "dice"))).startsWith("Enabled **dice**");
        assertThat(lastSyncedNames(guild)).containsExactly("config", "modules", "roll");
        assertThat(run(owner, "modules", "enable", Map.of("module", "dice"))).contains("already enabled");
    }

    @Test
    void theAdminModuleCannotBeDisabled() throws Exception {
        assertThat(run(owner, "modules", "disable", Map.of("module", "admin"))).contains("cannot be disabled");
        assertThat(lastSyncedNames(guild)).contains("modules", "config");
    }

    @Test
    void anUnknownModuleIsNamedWithTheKnownOnes() throws Exception {
        assertThat(run(owner, "modules", "enable", Map.of("module", "chess")))
                .isEqualTo("There is no module called 'chess'. Modules: admin, dice.");
        assertThat(run(owner, "config", "get", Map.of("module", "chess"))).startsWith("There is no module called");
    }

    @Test
    void membersBelowAdminAreRefusedEveryAdminCommand() throws Exception {
        for (String[] command : List.of(new String[]{"modules", "list"}, new String[]{"modules", "disable"},
                new String[]{"config", "get"}, new String[]{"config", "set"})) {
            String answer = run(player, command[0], command[1], Map.of("module", "dice", "key", "size", "value", "3"));
            assertThat(answer).startsWith("You are not allowed to use /" + command[0]);
        }
        assertThat(stores.find(guild).orElseThrow().enabledModules()).contains("dice");
        assertThat(settings.stored).isEmpty();
    }

    @Test
    void configSetSavesAndConfigGetShowsIt() throws Exception {
        assertThat(run(owner, "config", "set", Map.of("module", "dice", "key", "size", "value", "8")))
                .isEqualTo("Saved: **dice** size = `8`");
        assertThat(run(owner, "config", "get", Map.of("module", "dice"))).isEqualTo("Settings of **dice**:\n• size = `8`");
        assertThat(run(owner, "config", "get", Map.of("module", "dice", "key", "size"))).isEqualTo("**dice** size = `8`");
        assertThat(runIn(otherGuild, owner, "config", "get", Map.of("module", "dice", "key", "size")))
                .isEqualTo("**dice** size = `6`");
    }

    @Test
    void anInvalidValueIsRefusedNamingTheFieldAndTheRule() throws Exception {
        assertThat(run(owner, "config", "set", Map.of("module", "dice", "key", "size", "value", "99")))
                .isEqualTo("Not saved. size: must be at most 10");
        assertThat(run(owner, "config", "get", Map.of("module", "dice", "key", "colour")))
                .isEqualTo("**dice** has no setting 'colour'. Its settings: size.");
        assertThat(run(owner, "config", "get", Map.of("module", "admin"))).isEqualTo("**admin** has no settings.");
    }
}
