package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupServiceTest {
    private final GuildId guild = GuildId.of(4242L << 22);
    private final FakeDiscord discord = new FakeDiscord(guild);
    private final InMemoryStores stores = new InMemoryStores();
    private final MutableClock clock = new MutableClock();
    private final ClubModule club = new ClubModule();
    private final ModuleRegistry registry = new ModuleRegistry(List.of(club));
    private final SetupService service = new SetupService(stores, discord, clock, () -> registry);
    private final SetupSettings club7 = new SetupSettings("frolf", "Frolf Player", "Frolf Editor", "Frolf Admin");

    @Test
    void firstSetupCreatesThePlatformRolesAndTheResourcesEveryEnabledModuleDeclares() {
        SetupReport report = service.run(guild, club7);

        assertThat(report.firstSetup()).isTrue();
        assertThat(discord.channels.values()).containsExactlyInAnyOrder("frolf-events", "frolf-leaderboard", "frolf-signup");
        assertThat(discord.roles.values()).containsExactlyInAnyOrder("Frolf Player", "Frolf Editor", "Frolf Admin",
                "Club Captain");
        GuildConfig config = stores.find(guild).orElseThrow();
        assertThat(config.isConfigured()).isTrue();
        assertThat(config.channels()).containsOnlyKeys("club.events", "club.leaderboard", "club.signup");
        assertThat(config.channels().values()).allMatch(r -> r.created() && !r.missing());
        assertThat(config.roles()).containsOnlyKeys("player", "editor", "admin", "club.captain");
        assertThat(config.enabledModules()).containsExactly("club");
    }

    @Test
    void theDefaultsNameNoModule() {
        service.run(guild, SetupSettings.DEFAULTS);

        assertThat(discord.channels.values()).containsExactlyInAnyOrder("guildhall-events", "guildhall-leaderboard",
                "guildhall-signup");
        assertThat(discord.roles.values()).contains("Guildhall Player", "Guildhall Editor", "Guildhall Admin");
    }

    @Test
    void anExistingRoleWithPowersIsNeverAdoptedAsThePlayerRole() {
        discord.roles.put(78L, "Members");
        discord.rolePermissions.put(78L, (1L << 3) | (1L << 2));

        assertThatThrownBy(() -> service.run(guild, new SetupSettings("club", "Members", "Editors", "Admins")))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("player_role: the existing role 'Members' has Administrator, Ban Members");
        assertThat(stores.find(guild)).isEmpty();
        assertThat(discord.actions).isEmpty();
    }

    @Test
    void anExistingRoleWithPowersMayStillBeTheAdminRole() {
        discord.roles.put(79L, "Admins");
        discord.rolePermissions.put(79L, 1L << 3);

        service.run(guild, new SetupSettings("club", "Members", "Editors", "Admins"));

        assertThat(stores.find(guild).orElseThrow().role(RoleKind.ADMIN).orElseThrow().id()).isEqualTo(79L);
    }

    @Test
    void enablingAModuleLaterCreatesItsResources() {
        SetupService bare = new SetupService(stores, discord, clock, () -> new ModuleRegistry(List.of()));
        bare.run(guild, club7);
        assertThat(discord.channels).isEmpty();

        GuildConfig withClub = service.ensureResources(stores.find(guild).orElseThrow(), club);

        assertThat(withClub.channels()).containsOnlyKeys("club.events", "club.leaderboard", "club.signup");
        assertThat(stores.find(guild).orElseThrow()).isEqualTo(withClub);
        assertThat(discord.channels).hasSize(3);
    }

    @Test
    void resetCanPurgeEveryModulesData() {
        service.run(guild, club7);

        service.reset(guild, true);

        assertThat(club.purged).containsExactly(guild);
    }

    @Test
    void existingChannelsAndRolesWithTheRightNamesAreAdoptedNotCreated() {
        discord.channels.put(77L, "club-events");
        discord.roles.put(78L, "Members");

        service.run(guild, new SetupSettings("club", "Members", "Editors", "Admins"));

        GuildConfig config = stores.find(guild).orElseThrow();
        assertThat(config.channel(ClubModule.EVENTS.key()).orElseThrow()).satisfies(r -> {
            assertThat(r.id()).isEqualTo(77L);
            assertThat(r.created()).isFalse();
        });
        assertThat(config.role(RoleKind.PLAYER).orElseThrow().created()).isFalse();
        assertThat(discord.channels).hasSize(3);
        assertThat(discord.roles).hasSize(4);
    }

    @Test
    void runningSetupAgainDuplicatesNothing() {
        service.run(guild, club7);
        int actionsAfterFirst = discord.actions.size();

        SetupReport again = service.run(guild, club7);

        assertThat(again.firstSetup()).isFalse();
        assertThat(discord.channels).hasSize(3);
        assertThat(discord.roles).hasSize(4);
        assertThat(discord.actions).hasSize(actionsAfterFirst);
    }

    @Test
    void aDiscordFailureHalfWayLeavesAnIncompleteConfigThatTheNextRunFinishes() {
        discord.failNext(Action.CreateTextChannel.class, 1);

        assertThatThrownBy(() -> service.run(guild, club7))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("run /setup again");
        GuildConfig halfWay = stores.find(guild).orElseThrow();
        assertThat(halfWay.status()).isEqualTo(SetupStatus.IN_PROGRESS);
        assertThat(halfWay.isConfigured()).isFalse();
        assertThat(halfWay.roles()).hasSize(3);

        service.run(guild, club7);

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isTrue();
        assertThat(discord.channels).hasSize(3);
        assertThat(discord.roles).hasSize(4);
    }

    @Test
    void invalidSettingsAreRefusedWithTheFieldNamedAndNothingStored() {
        assertThatThrownBy(() -> service.run(guild, new SetupSettings("Bad Prefix!", "a", "b", "c")))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("prefix");
        assertThat(stores.find(guild)).isEmpty();
        assertThat(discord.actions).isEmpty();
    }

    @Test
    void resetDeletesOnlyWhatSetupCreatedAndUnconfiguresTheGuild() {
        discord.channels.put(77L, "frolf-events");
        service.run(guild, club7);

        service.reset(guild, false);

        assertThat(discord.channels).containsOnlyKeys(77L);
        assertThat(discord.roles).isEmpty();
        GuildConfig config = stores.find(guild).orElseThrow();
        assertThat(config.isConfigured()).isFalse();
        assertThat(config.isDeleted()).isTrue();
    }

    @Test
    void leavingSoftDeletesAndARejoinWithinThirtyDaysRestores() {
        service.run(guild, club7);

        service.guildLeft(guild);
        assertThat(stores.find(guild).orElseThrow().isConfigured()).isFalse();
        clock.advance(Duration.ofDays(29));
        service.guildJoined(guild);

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isTrue();
    }

    @Test
    void aRejoinAfterThirtyDaysDoesNotRestore() {
        service.run(guild, club7);
        service.guildLeft(guild);
        clock.advance(Duration.ofDays(31));

        service.guildJoined(guild);

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isFalse();
    }

    @Test
    void aDeletedChannelIsMarkedMissingAndTheNextSetupRepairsIt() {
        service.run(guild, club7);
        long events = stores.find(guild).orElseThrow().channel(ClubModule.EVENTS.key()).orElseThrow().id();
        discord.channels.remove(events);

        service.channelDeleted(guild, ChannelId.of(events));
        assertThat(stores.find(guild).orElseThrow().channel(ClubModule.EVENTS.key()).orElseThrow().missing()).isTrue();
        service.run(guild, club7);

        var repaired = stores.find(guild).orElseThrow().channel(ClubModule.EVENTS.key()).orElseThrow();
        assertThat(repaired.missing()).isFalse();
        assertThat(repaired.id()).isNotEqualTo(events);
        assertThat(discord.channels.values()).containsOnlyOnce("frolf-events");
    }

    @Test
    void aDeletedRoleIsMarkedMissing() {
        service.run(guild, club7);
        long admin = stores.find(guild).orElseThrow().role(RoleKind.ADMIN).orElseThrow().id();

        service.roleDeleted(guild, RoleId.of(admin));

        assertThat(stores.find(guild).orElseThrow().role(RoleKind.ADMIN).orElseThrow().missing()).isTrue();
    }

    @Test
    void setupFailsClearlyWhenTheBotIsNotInTheGuild() {
        discord.botInGuild = false;

        assertThatThrownBy(() -> service.run(guild, club7))
                .isInstanceOfSatisfying(SetupException.class,
                        e -> assertThat(e.kind()).isEqualTo(SetupException.Kind.BOT_NOT_IN_GUILD));
    }
}
