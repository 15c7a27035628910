package dev.guildhall.core.guild;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What an admin chooses in the setup modal. {@link #problems()} names each field that breaks a rule. */
public record SetupSettings(String prefix, String playerRole, String editorRole, String adminRole,
                            String signupMessage, String signupEmoji) {
    public static final SetupSettings DEFAULTS = new SetupSettings("frolf", "Frolf Player", "Frolf Editor",
            "Frolf Admin", "React to this message to sign up as a player!", "🥏");

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9-]{1,20}");

    public SetupSettings {
        prefix = trim(prefix);
        playerRole = trim(playerRole);
        editorRole = trim(editorRole);
        adminRole = trim(adminRole);
        signupMessage = trim(signupMessage);
        signupEmoji = trim(signupEmoji);
    }

    /** One line per broken rule, each naming the field; empty when the settings are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!PREFIX.matcher(prefix).matches()) {
            problems.add("prefix: 1 to 20 lowercase letters, digits or dashes (got '" + prefix + "')");
        }
        checkRoleName(problems, "player_role", playerRole);
        checkRoleName(problems, "editor_role", editorRole);
        checkRoleName(problems, "admin_role", adminRole);
        if (!playerRole.isEmpty() && (playerRole.equals(editorRole) || playerRole.equals(adminRole)
                || (!editorRole.isEmpty() && editorRole.equals(adminRole)))) {
            problems.add("roles: the player, editor and admin roles need three different names");
        }
        if (signupMessage.isEmpty() || signupMessage.length() > 2000) {
            problems.add("signup_message: 1 to 2000 characters");
        }
        if (signupEmoji.isEmpty() || signupEmoji.length() > 64 || signupEmoji.contains(" ")) {
            problems.add("signup_emoji: one emoji, such as 🥏");
        }
        return problems;
    }

    private static void checkRoleName(List<String> problems, String field, String name) {
        if (name.isEmpty() || name.length() > 100) problems.add(field + ": 1 to 100 characters");
        else if (name.equals("@everyone")) problems.add(field + ": cannot be @everyone");
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
