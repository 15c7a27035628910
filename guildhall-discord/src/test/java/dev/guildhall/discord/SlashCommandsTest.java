package dev.guildhall.discord;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlashCommandsTest {
    @Test
    void optionsKeepNameDescriptionTypeAndRequired() {
        CommandSpec warn = new CommandSpec("warn", "Warn a member", PermissionLevel.EDITOR, List.of(
                OptionSpec.of("member", "Who", OptionSpec.Type.USER, true),
                OptionSpec.of("reason", "Why", OptionSpec.Type.STRING, false)));

        SlashCommandData data = SlashCommands.command(warn);

        assertThat(data.getName()).isEqualTo("warn");
        assertThat(data.getDescription()).isEqualTo("Warn a member");
        assertThat(data.getOptions()).extracting(OptionData::getName).containsExactly("member", "reason");
        assertThat(data.getOptions()).extracting(OptionData::getType).containsExactly(OptionType.USER, OptionType.STRING);
        assertThat(data.getOptions()).extracting(OptionData::isRequired).containsExactly(true, false);
    }

    @Test
    void subcommandsBecomeJdaSubcommandsWithTheirOwnOptions() {
        CommandSpec round = new CommandSpec("round", "Rounds", PermissionLevel.PLAYER, List.of(
                OptionSpec.subcommand("create", "Create a round", List.of(
                        OptionSpec.of("course", "Course", OptionSpec.Type.STRING, true),
                        OptionSpec.of("holes", "Holes", OptionSpec.Type.INTEGER, false))),
                OptionSpec.subcommand("list", "List rounds", List.of())));

        SlashCommandData data = SlashCommands.command(round);

        assertThat(data.getOptions()).isEmpty();
        assertThat(data.getSubcommands()).extracting(SubcommandData::getName).containsExactly("create", "list");
        SubcommandData create = data.getSubcommands().getFirst();
        assertThat(create.getOptions()).extracting(OptionData::getType)
                .containsExactly(OptionType.STRING, OptionType.INTEGER);
    }

    @Test
    void everyCoreOptionTypeHasAJdaType() {
        for (OptionSpec.Type type : OptionSpec.Type.values()) {
            assertThat(SlashCommands.type(type).name()).isEqualTo(type.name());
        }
    }

    @Test
    void nestedSubcommandsAreRejected() {
        CommandSpec bad = new CommandSpec("a", "A", PermissionLevel.EVERYONE, List.of(
                OptionSpec.subcommand("b", "B", List.of(OptionSpec.subcommand("c", "C", List.of())))));

        assertThatThrownBy(() -> SlashCommands.command(bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
