package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.guild.ChannelKind;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.modules.MutableClock;
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
    private final SetupService service = new SetupService(stores, discord, clock, List.of("frolf"));

    @Test
    void firstSetupCreatesThreeChannelsThreeRolesAndTheSignupMessage() {
        SetupReport report = service.run(guild, SetupSettings.DEFAULTS);

        assertThat(report.firstSetup()).isTrue();
        assertThat(discord.channels.values()).containsExactlyInAnyOrder("frolf-events", "frolf-leaderboard", "frolf-signup");
        assertThat(discord.roles.values()).containsExactlyInAnyOrder("Frolf Player", "Frolf Editor", "Frolf Admin");
        GuildConfig config = stores.find(guild).orElseThrow();
        assertThat(config.isConfigured()).isTrue();
        assertThat(config.channels().values()).allMatch(r -> r.created() && !r.missing());
        assertThat(config.roles()).hasSize(3);
        assertThat(config.signupMessage()).isPresent();
        assertThat(config.enabledModules()).containsExactly("frolf");
        assertThat(discord.actions(Action.AddReaction.class)).singleElement()
                .satisfies(r -> assertThat(r.emoji()).isEqualTo("🥏"));
    }

    @Test
    void existingChannelsAndRolesWithTheRightNamesAreAdoptedNotCreated() {
        discord.channels.put(77L, "club-events");
        discord.roles.put(78L, "Members");

        service.run(guild, new SetupSettings("club", "Members", "Editors", "Admins", "Sign up!", "✅"));

        GuildConfig config = stores.find(guild).orElseThrow();
        assertThat(config.channel(ChannelKind.EVENTS).orElseThrow()).satisfies(r -> {
            assertThat(r.id()).isEqualTo(77L);
            assertThat(r.created()).isFalse();
        });
        assertThat(config.role(RoleKind.PLAYER).orElseThrow().created()).isFalse();
        assertThat(discord.channels).hasSize(3);
        assertThat(discord.roles).hasSize(3);
    }

    @Test
    void runningSetupAgainDuplicatesNothing() {
        service.run(guild, SetupSettings.DEFAULTS);
        int actionsAfterFirst = discord.actions.size();

        SetupReport again = service.run(guild, SetupSettings.DEFAULTS);

        assertThat(again.firstSetup()).isFalse();
        assertThat(discord.channels).hasSize(3);
        assertThat(discord.roles).hasSize(3);
        assertThat(discord.actions).hasSize(actionsAfterFirst);
    }

    @Test
    void aDiscordFailureHalfWayLeavesAnIncompleteConfigThatTheNextRunFinishes() {
        discord.failNext(Action.CreateRole.class, 1);

        assertThatThrownBy(() -> service.run(guild, SetupSettings.DEFAULTS))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("run /setup again");
        GuildConfig halfWay = stores.find(guild).orElseThrow();
        assertThat(halfWay.status()).isEqualTo(SetupStatus.IN_PROGRESS);
        assertThat(halfWay.isConfigured()).isFalse();
        assertThat(halfWay.channels()).hasSize(3);

        service.run(guild, SetupSettings.DEFAULTS);

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isTrue();
        assertThat(discord.channels).hasSize(3);
        assertThat(discord.roles).hasSize(3);
    }

    @Test
    void invalidSettingsAreRefusedWithTheFieldNamedAndNothingStored() {
        assertThatThrownBy(() -> service.run(guild, new SetupSettings("Bad Prefix!", "a", "b", "c", "m", "🥏")))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("prefix");
        assertThat(stores.find(guild)).isEmpty();
        assertThat(discord.actions).isEmpty();
    }

    @Test
    void resetDeletesOnlyWhatSetupCreatedAndUnconfiguresTheGuild() {
        discord.channels.put(77L, "frolf-events");
        service.run(guild, SetupSettings.DEFAULTS);

        service.reset(guild);

        assertThat(discord.channels).containsOnlyKeys(77L);
        assertThat(discord.roles).isEmpty();
        GuildConfig config = stores.find(guild).orElseThrow();
        assertThat(config.isConfigured()).isFalse();
        assertThat(config.isDeleted()).isTrue();
    }

    @Test
    void leavingSoftDeletesAndARejoinWithinThirtyDaysRestores() {
        service.run(guild, SetupSettings.DEFAULTS);

        service.guildLeft(guild);
        assertThat(stores.find(guild).orElseThrow().isConfigured()).isFalse();
        clock.advance(Duration.ofDays(29));
        service.guildJoined(guild);

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isTrue();
    }

    @Test
    void aRejoinAfterThirtyDaysDoesNotRestore() {
        service.run(guild, SetupSettings.DEFAULTS);
        service.guildLeft(guild);
        clock.advance(Duration.ofDays(31));

        service.guildJoined(guild);

        assertThat(stores.find(guild).orElseThrow().isConfigured()).isFalse();
    }

    @Test
    void aDeletedChannelIsMarkedMissingAndTheNextSetupRepairsIt() {
        service.run(guild, SetupSettings.DEFAULTS);
        long events = stores.find(guild).orElseThrow().channel(ChannelKind.EVENTS).orElseThrow().id();
        discord.channels.remove(events);

        service.channelDeleted(guild, ChannelId.of(events));
        assertThat(stores.find(guild).orElseThrow().channel(ChannelKind.EVENTS).orElseThrow().missing()).isTrue();
        service.run(guild, SetupSettings.DEFAULTS);

        var repaired = stores.find(guild).orElseThrow().channel(ChannelKind.EVENTS).orElseThrow();
        assertThat(repaired.missing()).isFalse();
        assertThat(repaired.id()).isNotEqualTo(events);
        assertThat(discord.channels.values()).containsOnlyOnce("frolf-events");
    }

    @Test
    void aDeletedRoleIsMarkedMissing() {
        service.run(guild, SetupSettings.DEFAULTS);
        long admin = stores.find(guild).orElseThrow().role(RoleKind.ADMIN).orElseThrow().id();

        service.roleDeleted(guild, RoleId.of(admin));

        assertThat(stores.find(guild).orElseThrow().role(RoleKind.ADMIN).orElseThrow().missing()).isTrue();
    }

    @Test
    void setupFailsClearlyWhenTheBotIsNotInTheGuild() {
        discord.botInGuild = false;

        assertThatThrownBy(() -> service.run(guild, SetupSettings.DEFAULTS))
                .isInstanceOfSatisfying(SetupException.class,
                        e -> assertThat(e.kind()).isEqualTo(SetupException.Kind.BOT_NOT_IN_GUILD));
    }
}
