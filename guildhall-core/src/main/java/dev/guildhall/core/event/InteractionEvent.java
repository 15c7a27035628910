package dev.guildhall.core.event;

import java.util.Map;
import java.util.Optional;

/** An event a member caused through Discord's interactions: it must be answered within three seconds. */
public sealed interface InteractionEvent extends GuildEvent
        permits InteractionEvent.SlashCommand, InteractionEvent.ButtonClicked, InteractionEvent.ModalSubmitted {

    InteractionRef interaction();

    Invoker invoker();

    /** {@code /name [subcommand] option:value…}; option values arrive as Discord's string forms. */
    record SlashCommand(InteractionRef interaction, Invoker invoker, String name, Optional<String> subcommand,
                        Map<String, String> options) implements InteractionEvent {
        public SlashCommand {
            options = Map.copyOf(options);
        }

        public String kind() { return "slash_command"; }

        public Optional<String> option(String key) {
            return Optional.ofNullable(options.get(key));
        }
    }

    record ButtonClicked(InteractionRef interaction, Invoker invoker, String customId) implements InteractionEvent {
        public String kind() { return "button_clicked"; }
    }

    /** A submitted modal; {@code values} maps each text input's custom id to what the member typed. */
    record ModalSubmitted(InteractionRef interaction, Invoker invoker, String customId, Map<String, String> values)
            implements InteractionEvent {
        public ModalSubmitted {
            values = Map.copyOf(values);
        }

        public String kind() { return "modal_submitted"; }

        public String value(String key) {
            return values.getOrDefault(key, "");
        }
    }
}
