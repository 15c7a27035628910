package dev.guildhall.discord;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

import java.util.List;

/** Turns core's command specs into JDA's slash command data for one bulk overwrite. */
final class SlashCommands {
    private SlashCommands() {}

    static List<SlashCommandData> of(List<CommandSpec> commands) {
        return commands.stream().map(SlashCommands::command).toList();
    }

    static SlashCommandData command(CommandSpec spec) {
        SlashCommandData data = Commands.slash(spec.name(), spec.description());
        for (OptionSpec option : spec.options()) {
            if (option.type() == OptionSpec.Type.SUB_COMMAND) {
                data.addSubcommands(subcommand(option));
            } else {
                data.addOptions(option(option));
            }
        }
        return data;
    }

    private static SubcommandData subcommand(OptionSpec spec) {
        SubcommandData data = new SubcommandData(spec.name(), spec.description());
        for (OptionSpec option : spec.options()) {
            if (option.type() == OptionSpec.Type.SUB_COMMAND) {
                throw new IllegalArgumentException("subcommand " + spec.name() + " cannot hold subcommand " + option.name());
            }
            data.addOptions(option(option));
        }
        return data;
    }

    private static OptionData option(OptionSpec spec) {
        return new OptionData(type(spec.type()), spec.name(), spec.description(), spec.required());
    }

    static OptionType type(OptionSpec.Type type) {
        return switch (type) {
            case SUB_COMMAND -> OptionType.SUB_COMMAND;
            case STRING -> OptionType.STRING;
            case INTEGER -> OptionType.INTEGER;
            case BOOLEAN -> OptionType.BOOLEAN;
            case USER -> OptionType.USER;
            case CHANNEL -> OptionType.CHANNEL;
            case ROLE -> OptionType.ROLE;
        };
    }
}
