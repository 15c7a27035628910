package dev.guildhall.modules.setup;

import dev.guildhall.core.action.ModalSpec;
import dev.guildhall.core.action.ModalSpec.TextInput;
import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.guild.SetupSettings;

import java.util.List;

/**
 * The setup modal. Discord allows five inputs, so the three role names share one input, separated by commas
 * ("Frolf Player, Frolf Editor, Frolf Admin"); role names therefore cannot contain commas.
 */
final class SetupForm {
    static final String CUSTOM_ID = "setup:form";
    static final String PREFIX = "prefix";
    static final String ROLES = "roles";
    static final String MESSAGE = "signup_message";
    static final String EMOJI = "signup_emoji";

    private SetupForm() {}

    static ModalSpec modal(SetupSettings current) {
        return new ModalSpec(CUSTOM_ID, "Set up Guildhall", List.of(
                new TextInput(PREFIX, "Channel prefix (a-z, 0-9, -)", false, true, current.prefix(), 1, 20),
                new TextInput(ROLES, "Role names: player, editor, admin", false, true,
                        String.join(", ", current.playerRole(), current.editorRole(), current.adminRole()), 5, 300),
                new TextInput(MESSAGE, "Signup message", true, true, current.signupMessage(), 1, 2000),
                new TextInput(EMOJI, "Signup emoji", false, true, current.signupEmoji(), 1, 64)));
    }

    /** Reads the submitted values; a roles input without exactly three names yields blanks that validation names. */
    static SetupSettings read(ModalSubmitted submit) {
        return parse(submit.value(PREFIX), submit.value(ROLES), submit.value(MESSAGE), submit.value(EMOJI));
    }

    static SetupSettings parse(String prefix, String roles, String message, String emoji) {
        String[] names = roles.split(",", -1);
        boolean three = names.length == 3;
        return new SetupSettings(prefix, three ? names[0] : "", three ? names[1] : "", three ? names[2] : "",
                message, emoji);
    }
}
