package dev.guildhall.core.command;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandSetTest {
    private final CommandSpec setup = CommandSpec.of("setup", "Set up", PermissionLevel.ADMIN);
    private final CommandSpec round = new CommandSpec("round", "Rounds", PermissionLevel.PLAYER, List.of(
            OptionSpec.subcommand("create", "Create a round", List.of())));

    @Test
    void theHashDoesNotDependOnTheOrderCommandsWereGiven() {
        assertThat(new CommandSet(List.of(setup, round)).hash()).isEqualTo(new CommandSet(List.of(round, setup)).hash());
    }

    @Test
    void theHashChangesWithWhatDiscordStores() {
        String before = new CommandSet(List.of(setup, round)).hash();
        CommandSpec renamedOption = new CommandSpec("round", "Rounds", PermissionLevel.PLAYER, List.of(
                OptionSpec.subcommand("new", "Create a round", List.of())));

        assertThat(new CommandSet(List.of(setup, renamedOption)).hash()).isNotEqualTo(before);
        assertThat(new CommandSet(List.of(setup)).hash()).isNotEqualTo(before);
    }

    @Test
    void levelsAreOursAndDoNotChangeTheHash() {
        CommandSpec sameForDiscord = CommandSpec.of("setup", "Set up", PermissionLevel.EVERYONE);

        assertThat(new CommandSet(List.of(sameForDiscord)).hash()).isEqualTo(new CommandSet(List.of(setup)).hash());
    }

    @Test
    void twoCommandsWithOneNameAreRefused() {
        assertThatThrownBy(() -> new CommandSet(List.of(setup, CommandSpec.of("setup", "Other", PermissionLevel.ADMIN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }

    @Test
    void namesFollowDiscordsRules() {
        assertThatThrownBy(() -> CommandSpec.of("Setup Now", "x", PermissionLevel.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandSpec.of("setup", "", PermissionLevel.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
