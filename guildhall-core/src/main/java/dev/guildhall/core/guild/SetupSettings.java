package dev.guildhall.core.guild;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an admin chooses in the setup modal: the prefix of the channels modules declare ({@code {prefix}-{name}}) and
 * the names of the platform's three permission-level roles. {@link #problems()} names each field that breaks a rule.
 */
public record SetupSettings(String prefix, String playerRole, String editorRole, String adminRole) {
    public static final SetupSettings DEFAULTS = new SetupSettings("guildhall", "Guildhall Player", "Guildhall Editor",
            "Guildhall Admin");

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9-]{1,20}");

    public SetupSettings {
        prefix = trim(prefix);
        playerRole = trim(playerRole);
        editorRole = trim(editorRole);
        adminRole = trim(adminRole);
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
        return problems;
    }

    /** The name chosen for one of the platform's roles. */
    public String roleName(RoleKind kind) {
        return switch (kind) {
            case PLAYER -> playerRole;
            case EDITOR -> editorRole;
            case ADMIN -> adminRole;
        };
    }

    private static void checkRoleName(List<String> problems, String field, String name) {
        if (name.isEmpty() || name.length() > 100) problems.add(field + ": 1 to 100 characters");
        else if (name.equals("@everyone")) problems.add(field + ": cannot be @everyone");
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
