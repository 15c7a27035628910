package dev.guildhall.modules.setup;

import dev.guildhall.core.action.ModalSpec;
import dev.guildhall.core.action.ModalSpec.TextInput;
import dev.guildhall.core.event.InteractionEvent.ModalSubmitted;
import dev.guildhall.core.guild.SetupSettings;

import java.util.List;

/**
 * The setup modal. Discord allows five inputs, so the three role names share one input, separated by commas
 * ("Guildhall Player, Guildhall Editor, Guildhall Admin"); role names therefore cannot contain commas. What a module
 * needs beyond channels and roles (frolf's signup message, say) is its own setting, changed with {@code /config set}.
 */
final class SetupForm {
    static final String CUSTOM_ID = "setup:form";
    static final String PREFIX = "prefix";
    static final String ROLES = "roles";

    private SetupForm() {}

    static ModalSpec modal(SetupSettings current) {
        return new ModalSpec(CUSTOM_ID, "Set up Guildhall", List.of(
                new TextInput(PREFIX, "Channel prefix (a-z, 0-9, -)", false, true, current.prefix(), 1, 20),
                new TextInput(ROLES, "Role names: player, editor, admin", false, true,
                        String.join(", ", current.playerRole(), current.editorRole(), current.adminRole()), 5, 300)));
    }

    /** Reads the submitted values; a roles input without exactly three names yields blanks that validation names. */
    static SetupSettings read(ModalSubmitted submit) {
        return parse(submit.value(PREFIX), submit.value(ROLES));
    }

    static SetupSettings parse(String prefix, String roles) {
        String[] names = roles.split(",", -1);
        boolean three = names.length == 3;
        return new SetupSettings(prefix, three ? names[0] : "", three ? names[1] : "", three ? names[2] : "");
    }
}
