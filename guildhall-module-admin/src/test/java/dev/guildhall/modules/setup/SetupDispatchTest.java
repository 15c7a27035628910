package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DispatchObserver;
import dev.guildhall.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The setup module through the real dispatcher: permissions, command sets and sync, with fakes for Discord and SQL. */
class SetupDispatchTest {
    private final GuildId guild = GuildId.of(99L << 22);
    private final FakeDiscord discord = new FakeDiscord(guild);
    private final InMemoryStores stores = new InMemoryStores();
    private final MutableClock clock = new MutableClock();
    private final AtomicLong ids = new AtomicLong(1);
    private final Invoker admin = new Invoker(UserId.of(1), "owner", Set.of(), true);
    private final Invoker member = new Invoker(UserId.of(2), "member", Set.of(), false);
    private Dispatcher dispatcher = newDispatcher();

    private Dispatcher newDispatcher() {
        AtomicReference<ModuleRegistry> modules = new AtomicReference<>();
        SetupService service = new SetupService(stores, discord, clock, modules::get);
        ModuleRegistry registry = new ModuleRegistry(List.of(new SetupModule(service, modules::get)));
        modules.set(registry);
        return new Dispatcher(registry, stores, discord, clock, DispatchObserver.NONE,
                new CommandSync(registry, stores, discord));
    }

    private void dispatch(GuildEvent event) throws Exception {
        dispatcher.dispatch(new Envelope("e" + ids.incrementAndGet(), guild, 0, clock.instant(), event, Map.of()));
    }

    private InteractionRef interaction() {
        return new InteractionRef("i" + ids.incrementAndGet(), ChannelId.of(5), Optional.empty());
    }

    private InteractionEvent.SlashCommand command(String name, Invoker invoker) {
        return new InteractionEvent.SlashCommand(interaction(), invoker, name, Optional.empty(), Map.of());
    }

    private void completeSetup() throws Exception {
        dispatch(new InteractionEvent.ModalSubmitted(interaction(), admin, SetupForm.CUSTOM_ID, Map.of(
                SetupForm.PREFIX, "frolf", SetupForm.ROLES, "Player, Editor, Admin")));
    }

    private List<String> lastSyncedNames() {
        return discord.actions(Action.SyncGuildCommands.class).getLast().commands().stream().map(CommandSpec::name).toList();
    }

    @Test
    void aNewGuildGetsOnlySetup() throws Exception {
        dispatch(new GuildEvent.GuildJoined("Club"));

        assertThat(lastSyncedNames()).containsExactly("setup");
    }

    @Test
    void aMemberWithoutAdministratorIsRefusedSetupEphemerally() throws Exception {
        dispatch(command("setup", member));

        assertThat(discord.actions(Action.ShowModal.class)).isEmpty();
        assertThat(discord.actions(Action.Reply.class)).singleElement().satisfies(reply -> {
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("not allowed").contains("Administrator");
        });
    }

    @Test
    void anAdministratorGetsTheSetupModalPrefilledWithDefaults() throws Exception {
        dispatch(command("setup", admin));

        assertThat(discord.actions(Action.ShowModal.class)).singleElement().satisfies(modal ->
                assertThat(modal.modal().inputs().getFirst().value()).isEqualTo("guildhall"));
    }

    @Test
    void completingSetupRepliesWithAnEmbedAndSyncsTheFullSet() throws Exception {
        dispatch(new GuildEvent.GuildJoined("Club"));
        completeSetup();

        assertThat(discord.actions(Action.Reply.class)).singleElement().satisfies(reply -> {
            assertThat(reply.ephemeral()).isFalse();
            assertThat(reply.message().embeds()).singleElement()
                    .satisfies(e -> assertThat(e.title()).isEqualTo("Guildhall is set up"));
        });
        assertThat(lastSyncedNames()).containsExactly("reset", "setup");
    }

    @Test
    void aRestartWithNothingChangedWritesNoCommands() throws Exception {
        dispatch(new GuildEvent.GuildJoined("Club"));
        completeSetup();
        int writes = discord.actions(Action.SyncGuildCommands.class).size();

        dispatcher = newDispatcher();
        dispatch(new GuildEvent.GuildJoined("Club"));

        assertThat(discord.actions(Action.SyncGuildCommands.class)).hasSize(writes);
    }

    @Test
    void theResetButtonIsCheckedLikeTheCommand() throws Exception {
        completeSetup();
        long playerRole = stores.find(guild).orElseThrow().role(RoleKind.PLAYER).orElseThrow().id();
        Invoker player = new Invoker(UserId.of(3), "player", Set.of(RoleId.of(playerRole)), false);

        dispatch(new InteractionEvent.ButtonClicked(interaction(), player, SetupModule.RESET_CONFIRM));

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isTrue();
        assertThat(discord.actions(Action.Reply.class).getLast().ephemeral()).isTrue();
    }

    @Test
    void theAdminRoleFromSetupMayReset() throws Exception {
        completeSetup();
        long adminRole = stores.find(guild).orElseThrow().role(RoleKind.ADMIN).orElseThrow().id();
        Invoker clubAdmin = new Invoker(UserId.of(4), "club admin", Set.of(RoleId.of(adminRole)), false);

        dispatch(new InteractionEvent.ButtonClicked(interaction(), clubAdmin, SetupModule.RESET_CONFIRM));

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isFalse();
        assertThat(lastSyncedNames()).containsExactly("setup");
    }

    @Test
    void resetIsUnavailableBeforeSetup() throws Exception {
        dispatch(command("reset", admin));

        assertThat(discord.actions(Action.Reply.class)).singleElement()
                .satisfies(reply -> assertThat(reply.message().content()).contains("/setup"));
    }
}
