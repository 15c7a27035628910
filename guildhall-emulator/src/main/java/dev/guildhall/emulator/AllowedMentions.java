package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's {@code allowed_mentions} and what Discord pings with it: the types in {@code parse} are taken from the
 * text, plus the users and roles listed. A message without the field parses every type, as Discord does.
 * Permissions (MENTION_EVERYONE, a role's mentionable flag) are not modelled: the mention fields of a message say
 * what its allowed mentions let through.
 */
record AllowedMentions(Set<String> parse, Set<Long> users, Set<Long> roles) {
    static final AllowedMentions DISCORD_DEFAULT = new AllowedMentions(Set.of("users", "roles", "everyone"), Set.of(),
            Set.of());
    private static final Set<String> TYPES = Set.of("users", "roles", "everyone");
    private static final int MAX_IDS = 100;
    private static final Pattern USER = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");
    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)");

    /** Who a message with this text pings. */
    record Pinged(boolean everyone, List<Long> users, List<Long> roles) {
        static final Pinged NO_ONE = new Pinged(false, List.of(), List.of());
    }

    /** The body's {@code allowed_mentions}, or null when it has none; field errors go to {@code errors}. */
    static AllowedMentions parse(JsonNode body, EmulatorException.FormErrors errors) {
        JsonNode node = body.get("allowed_mentions");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("allowed_mentions", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return null;
        }
        Set<String> parse = new LinkedHashSet<>();
        JsonNode types = node.get("parse");
        if (types != null && !types.isNull()) {
            if (!types.isArray()) {
                errors.add("allowed_mentions.parse", "BASE_TYPE_LIST", "Must be an array.");
            } else {
                for (int i = 0; i < types.size(); i++) {
                    String type = types.get(i).asText();
                    if (!TYPES.contains(type)) {
                        errors.add("allowed_mentions.parse." + i, "BASE_TYPE_CHOICES",
                                "Value must be one of ('everyone', 'roles', 'users').");
                    }
                    parse.add(type);
                }
            }
        }
        Set<Long> users = ids(node, "users", errors);
        Set<Long> roles = ids(node, "roles", errors);
        // Discord refuses to be told both "parse every user" and "only these users" (same for roles)
        if (parse.contains("users") && !users.isEmpty()) {
            errors.add("allowed_mentions", "ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    "parse:[\"users\"] and users: [ids...] are mutually exclusive.");
        }
        if (parse.contains("roles") && !roles.isEmpty()) {
            errors.add("allowed_mentions", "ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    "parse:[\"roles\"] and roles: [ids...] are mutually exclusive.");
        }
        return new AllowedMentions(Set.copyOf(parse), Set.copyOf(users), Set.copyOf(roles));
    }

    private static Set<Long> ids(JsonNode node, String field, EmulatorException.FormErrors errors) {
        JsonNode list = node.get(field);
        Set<Long> ids = new LinkedHashSet<>();
        if (list == null || list.isNull()) {
            return ids;
        }
        if (!list.isArray()) {
            errors.add("allowed_mentions." + field, "BASE_TYPE_LIST", "Must be an array.");
            return ids;
        }
        if (list.size() > MAX_IDS) {
            errors.add("allowed_mentions." + field, "BASE_TYPE_MAX_LENGTH", "Must be " + MAX_IDS + " or fewer in length.");
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                ids.add(Long.parseUnsignedLong(list.get(i).asText()));
            } catch (NumberFormatException e) {
                errors.add("allowed_mentions." + field + "." + i, "NUMBER_TYPE_COERCE",
                        "Value \"" + list.get(i).asText() + "\" is not snowflake.");
            }
        }
        return ids;
    }

    /** Who {@code content} pings under these allowed mentions, in the order the text names them. */
    Pinged pinged(String content) {
        if (content == null || content.isEmpty()) {
            return Pinged.NO_ONE;
        }
        boolean everyone = parse.contains("everyone") && EVERYONE.matcher(content).find();
        List<Long> pingedUsers = allowed(USER.matcher(content), parse.contains("users"), users);
        List<Long> pingedRoles = allowed(ROLE.matcher(content), parse.contains("roles"), roles);
        return new Pinged(everyone, pingedUsers, pingedRoles);
    }

    private static List<Long> allowed(Matcher mentions, boolean parseAll, Set<Long> listed) {
        List<Long> found = new ArrayList<>();
        while (mentions.find()) {
            long id;
            try {
                id = Long.parseUnsignedLong(mentions.group(1));
            } catch (NumberFormatException e) {
                continue;
            }
            if ((parseAll || listed.contains(id)) && !found.contains(id)) {
                found.add(id);
            }
        }
        return List.copyOf(found);
    }
}
