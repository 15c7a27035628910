package dev.guildhall.core.dispatch;

import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final GuildConfig configured = GuildConfig.started(GuildId.of(1), SetupSettings.DEFAULTS, NOW)
            .withRole(RoleKind.PLAYER, ManagedResource.created(10), NOW)
            .withRole(RoleKind.EDITOR, ManagedResource.created(11), NOW)
            .withRole(RoleKind.ADMIN, ManagedResource.created(12), NOW)
            .withStatus(SetupStatus.COMPLETE, NOW);

    private static Invoker with(boolean administrator, long... roles) {
        Set<RoleId> held = new java.util.HashSet<>();
        for (long role : roles) held.add(RoleId.of(role));
        return new Invoker(UserId.of(7), "someone", held, administrator);
    }

    @Test
    void discordsAdministratorPermissionIsAlwaysAdmin() {
        assertThat(Permissions.levelOf(with(true), Optional.empty())).isEqualTo(PermissionLevel.ADMIN);
        assertThat(Permissions.levelOf(with(true), Optional.of(configured))).isEqualTo(PermissionLevel.ADMIN);
    }

    @Test
    void theHighestSetupRoleHeldSetsTheLevel() {
        assertThat(Permissions.levelOf(with(false), Optional.of(configured))).isEqualTo(PermissionLevel.EVERYONE);
        assertThat(Permissions.levelOf(with(false, 10), Optional.of(configured))).isEqualTo(PermissionLevel.PLAYER);
        assertThat(Permissions.levelOf(with(false, 10, 11), Optional.of(configured))).isEqualTo(PermissionLevel.EDITOR);
        assertThat(Permissions.levelOf(with(false, 12), Optional.of(configured))).isEqualTo(PermissionLevel.ADMIN);
    }

    @Test
    void rolesCountForNothingUntilSetupIsComplete() {
        GuildConfig halfWay = configured.withStatus(SetupStatus.IN_PROGRESS, NOW);

        assertThat(Permissions.levelOf(with(false, 12), Optional.of(halfWay))).isEqualTo(PermissionLevel.EVERYONE);
        assertThat(Permissions.levelOf(with(false, 12), Optional.of(configured.softDeleted(NOW))))
                .isEqualTo(PermissionLevel.EVERYONE);
    }
}
