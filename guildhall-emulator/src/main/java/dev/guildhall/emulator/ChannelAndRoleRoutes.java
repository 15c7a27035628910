package dev.guildhall.emulator;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.Set;

/** Guild channels, roles and member roles under /api/v10, with the gateway events each change emits. */
final class ChannelAndRoleRoutes {
    private static final Set<Integer> CHANNEL_TYPES = Set.of(0, 2, 4, 5, 13, 15);

    private final World world;
    private final RestSupport rest;

    ChannelAndRoleRoutes(World world, RestSupport rest) {
        this.world = world;
        this.rest = rest;
    }

    void register(Javalin app) {
        var bot = RestSupport.Auth.BOT;
        rest.add(app, GET, "/guilds/{guild_id}/channels", bot, 200, ctx -> world.locked(() ->
                // Discord lists threads apart (active threads route), not among the guild's channels
                guild(ctx).channels.values().stream().filter(c -> !c.isThread()).map(world.views::channel).toList()));
        rest.add(app, POST, "/guilds/{guild_id}/channels", bot, 201, ctx -> {
            Model.Guild guild = guild(ctx);
            JsonNode body = rest.body(ctx);
            EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
            String name = body.path("name").asText(null);
            if (name == null || body.path("name").isNull()) {
                errors.required("name");
            } else if (name.isEmpty() || name.length() > 100) {
                errors.length("name", 1, 100);
            }
            int type = body.path("type").asInt(0);
            if (!CHANNEL_TYPES.contains(type)) {
                errors.add("type", "BASE_TYPE_CHOICES", "Value must be one of " + CHANNEL_TYPES + ".");
            }
            checkTopic(errors, body);
            Long parentId = parent(guild, body, errors);
            errors.throwIfAny();
            String finalName = type == 0 ? name.toLowerCase().replace(' ', '-') : name;
            return world.views.channel(world.createChannel(guild.id, finalName, type, c -> {
                c.topic = body.hasNonNull("topic") ? body.get("topic").asText() : null;
                c.parentId = parentId;
                c.nsfw = body.path("nsfw").asBoolean(false);
                c.rateLimitPerUser = body.path("rate_limit_per_user").asInt(0);
                if (body.hasNonNull("position")) {
                    c.position = body.get("position").asInt();
                }
                if (body.path("permission_overwrites").isArray()) {
                    c.permissionOverwrites = overwrites(body.get("permission_overwrites"));
                }
            }));
        });
        rest.add(app, GET, "/channels/{channel_id}", bot, 200, ctx -> world.views.channel(channel(ctx)));
        rest.add(app, PATCH, "/channels/{channel_id}", bot, 200, ctx -> {
            Model.Channel channel = channel(ctx);
            JsonNode body = rest.body(ctx);
            EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
            if (body.has("name")) {
                String name = body.path("name").asText("");
                if (body.get("name").isNull() || name.isEmpty() || name.length() > 100) {
                    errors.length("name", 1, 100);
                }
            }
            checkTopic(errors, body);
            Long parentId = body.has("parent_id") ? parent(world.guild(channel.guildId), body, errors) : channel.parentId;
            errors.throwIfAny();
            return world.views.channel(world.updateChannel(channel.id, c -> {
                if (body.has("name")) {
                    c.name = body.get("name").asText();
                }
                if (body.has("topic")) {
                    c.topic = body.get("topic").isNull() ? null : body.get("topic").asText();
                }
                if (body.has("nsfw")) {
                    c.nsfw = body.get("nsfw").asBoolean();
                }
                if (body.hasNonNull("position")) {
                    c.position = body.get("position").asInt();
                }
                if (body.hasNonNull("rate_limit_per_user")) {
                    c.rateLimitPerUser = body.get("rate_limit_per_user").asInt();
                }
                if (body.path("permission_overwrites").isArray()) {
                    c.permissionOverwrites = overwrites(body.get("permission_overwrites"));
                }
                c.parentId = parentId;
            }));
        });
        rest.add(app, DELETE, "/channels/{channel_id}", bot, 200, ctx -> {
            Model.Channel channel = channel(ctx);
            return world.views.channel(world.deleteChannel(channel.guildId, channel.id));
        });

        rest.add(app, GET, "/guilds/{guild_id}/roles", bot, 200, ctx -> world.locked(() ->
                guild(ctx).roles.values().stream().sorted(Comparator.comparingInt((Model.Role r) -> r.position))
                        .map(world.views::role).toList()));
        rest.add(app, POST, "/guilds/{guild_id}/roles", bot, 200, ctx -> {
            Model.Guild guild = guild(ctx);
            JsonNode body = rest.body(ctx);
            RoleFields fields = RoleFields.parse(body);
            return world.views.role(world.createRole(guild.id, fields.name() == null ? "new role" : fields.name(),
                    fields.permissions() == null ? 0 : fields.permissions(), fields::applyTo));
        });
        rest.add(app, GET, "/guilds/{guild_id}/roles/{role_id}", bot, 200, ctx -> world.views.role(
                world.role(guild(ctx), RestRoutes.id(ctx, "role_id", EmulatorException::unknownRole))));
        rest.add(app, PATCH, "/guilds/{guild_id}/roles/{role_id}", bot, 200, ctx -> {
            Model.Guild guild = guild(ctx);
            long roleId = RestRoutes.id(ctx, "role_id", EmulatorException::unknownRole);
            RoleFields fields = RoleFields.parse(rest.body(ctx));
            return world.views.role(world.updateRole(guild.id, roleId, role -> {
                if (fields.name() != null) {
                    role.name = fields.name();
                }
                if (fields.permissions() != null) {
                    role.permissions = fields.permissions();
                }
                fields.applyTo(role);
            }));
        });
        rest.add(app, DELETE, "/guilds/{guild_id}/roles/{role_id}", bot, 204, ctx -> {
            world.deleteRole(guild(ctx).id, RestRoutes.id(ctx, "role_id", EmulatorException::unknownRole));
            return null;
        });
        String memberRole = "/guilds/{guild_id}/members/{user_id}/roles/{role_id}";
        rest.add(app, PUT, memberRole, bot, 204, ctx -> memberRole(ctx, true));
        rest.add(app, DELETE, memberRole, bot, 204, ctx -> memberRole(ctx, false));
    }

    private Object memberRole(Context ctx, boolean add) {
        Model.Guild guild = guild(ctx);
        world.addMemberRole(guild.id, RestRoutes.id(ctx, "user_id", EmulatorException::unknownMember),
                RestRoutes.id(ctx, "role_id", EmulatorException::unknownRole), add);
        return null;
    }

    private Model.Guild guild(Context ctx) {
        return world.botGuild(RestRoutes.id(ctx, "guild_id", EmulatorException::unknownGuild));
    }

    private Model.Channel channel(Context ctx) {
        return world.botChannel(RestRoutes.channelId(ctx));
    }

    private static void checkTopic(EmulatorException.FormErrors errors, JsonNode body) {
        if (body.hasNonNull("topic") && body.get("topic").asText().length() > 1024) {
            errors.length("topic", 0, 1024);
        }
    }

    private Long parent(Model.Guild guild, JsonNode body, EmulatorException.FormErrors errors) {
        if (!body.hasNonNull("parent_id")) {
            return null;
        }
        try {
            long parentId = Long.parseUnsignedLong(body.get("parent_id").asText());
            Model.Channel parent = guild.channels.get(parentId);
            if (parent == null || parent.type != 4) {
                errors.add("parent_id", "CHANNEL_PARENT_INVALID", "Not a category");
            }
            return parentId;
        } catch (NumberFormatException e) {
            errors.add("parent_id", "NUMBER_TYPE_COERCE", "Value is not snowflake.");
            return null;
        }
    }

    private JsonNode overwrites(JsonNode overwrites) {
        var array = world.views.array();
        for (JsonNode o : overwrites) {
            var node = array.addObject();
            node.put("id", o.path("id").asText());
            node.put("type", o.path("type").asInt(0));
            node.put("allow", o.path("allow").asText("0"));
            node.put("deny", o.path("deny").asText("0"));
        }
        return array;
    }

    /** The role fields a create or edit may carry; absent ones stay null. */
    private record RoleFields(String name, Long permissions, Integer color, Boolean hoist, Boolean mentionable) {
        static RoleFields parse(JsonNode body) {
            EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
            String name = body.hasNonNull("name") ? body.get("name").asText() : null;
            if (body.hasNonNull("name") && !body.get("name").isTextual()) {
                errors.add("name", "BASE_TYPE_STRING", "Must be a string.");
            } else if (name != null && name.length() > 100) {
                errors.length("name", 0, 100);
            }
            Long permissions = null;
            if (body.hasNonNull("permissions")) {
                try {
                    permissions = Long.parseLong(body.get("permissions").asText());
                } catch (NumberFormatException e) {
                    errors.add("permissions", "NUMBER_TYPE_COERCE", "Value is not a valid permissions integer.");
                }
            }
            Integer color = null;
            if (body.hasNonNull("color")) {
                color = body.get("color").asInt();
            } else if (body.path("colors").hasNonNull("primary_color")) {
                color = body.path("colors").get("primary_color").asInt();
            }
            errors.throwIfAny();
            return new RoleFields(name, permissions, color,
                    body.hasNonNull("hoist") ? body.get("hoist").asBoolean() : null,
                    body.hasNonNull("mentionable") ? body.get("mentionable").asBoolean() : null);
        }

        void applyTo(Model.Role role) {
            if (color != null) {
                role.color = color;
            }
            if (hoist != null) {
                role.hoist = hoist;
            }
            if (mentionable != null) {
                role.mentionable = mentionable;
            }
        }
    }
}
