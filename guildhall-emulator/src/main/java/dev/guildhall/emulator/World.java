package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The emulated Discord's state: users, guilds with channels, roles and members, and messages with reactions.
 * Every method holds the world's monitor, and every mutation emits the gateway event Discord would emit (guild events
 * only while the bot is in the guild), so the event log follows the order of the changes.
 */
final class World {
    final Clock clock;
    final Snowflakes ids;
    final Views views;
    final Dispatcher dispatcher;
    final Model.User bot;
    private final Map<Long, Model.User> users = new HashMap<>();
    private final Map<Long, Model.Guild> guilds = new LinkedHashMap<>();
    private final Map<Long, Model.Channel> channels = new HashMap<>();

    World(Clock clock, Snowflakes ids, ObjectMapper json, Dispatcher dispatcher, String botName) {
        this.clock = clock;
        this.ids = ids;
        this.dispatcher = dispatcher;
        this.views = new Views(json, this::userOrNull);
        this.bot = new Model.User(ids.next(), botName, true);
        users.put(bot.id, bot);
    }

    synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }

    // ---- lookups -------------------------------------------------------------------------------------------------

    private synchronized Model.User userOrNull(long userId) {
        return users.get(userId);
    }

    synchronized Model.Guild guild(long guildId) {
        Model.Guild guild = guilds.get(guildId);
        if (guild == null) {
            throw EmulatorException.unknownGuild();
        }
        return guild;
    }

    /** A guild the bot may act on through REST: Discord answers 404 for guilds the bot is not in. */
    synchronized Model.Guild botGuild(long guildId) {
        Model.Guild guild = guild(guildId);
        if (!guild.botJoined) {
            throw EmulatorException.unknownGuild();
        }
        return guild;
    }

    synchronized Collection<Model.Guild> guilds() {
        return List.copyOf(guilds.values());
    }

    synchronized Model.Channel channel(long channelId) {
        Model.Channel channel = channels.get(channelId);
        if (channel == null) {
            throw EmulatorException.unknownChannel();
        }
        return channel;
    }

    synchronized Model.Channel botChannel(long channelId) {
        Model.Channel channel = channel(channelId);
        if (!guild(channel.guildId).botJoined) {
            throw EmulatorException.unknownChannel();
        }
        return channel;
    }

    synchronized Model.Role role(Model.Guild guild, long roleId) {
        Model.Role role = guild.roles.get(roleId);
        if (role == null) {
            throw EmulatorException.unknownRole();
        }
        return role;
    }

    synchronized Model.Member member(Model.Guild guild, long userId) {
        Model.Member member = guild.members.get(userId);
        if (member == null) {
            throw EmulatorException.unknownMember();
        }
        return member;
    }

    synchronized Model.Message message(Model.Channel channel, long messageId) {
        Model.Message message = channel.messages.get(messageId);
        if (message == null) {
            throw EmulatorException.unknownMessage();
        }
        return message;
    }

    synchronized long permissions(Model.Guild guild, long userId) {
        if (guild.ownerId == userId) {
            return Model.ALL_PERMISSIONS;
        }
        Model.Member member = guild.members.get(userId);
        long permissions = guild.roles.get(guild.id).permissions;
        if (member != null) {
            for (long roleId : member.roleIds) {
                Model.Role role = guild.roles.get(roleId);
                if (role != null) {
                    permissions |= role.permissions;
                }
            }
        }
        return (permissions & Model.ADMINISTRATOR) != 0 ? Model.ALL_PERMISSIONS : permissions;
    }

    void emit(Model.Guild guild, String type, ObjectNode data) {
        if (guild.botJoined) {
            dispatcher.dispatch(type, guild.id, data);
        }
    }

    // ---- guilds and members --------------------------------------------------------------------------------------

    synchronized Model.Guild createGuild(String name, String ownerName) {
        requireName(name, "name", 2, 100);
        long guildId = ids.next();
        Model.User owner = newUser(ownerName);
        Model.Guild guild = new Model.Guild(guildId, name, owner.id, clock.instant());
        guild.roles.put(guildId, new Model.Role(guildId, "@everyone", Model.DEFAULT_EVERYONE, 0));
        Model.Role admin = new Model.Role(ids.next(), "Admin", Model.ADMINISTRATOR, 1);
        guild.roles.put(admin.id, admin);
        Model.Channel general = new Model.Channel(ids.next(), guildId, 0, "general", 0);
        guild.channels.put(general.id, general);
        channels.put(general.id, general);
        Model.Member ownerMember = new Model.Member(owner.id, clock.instant());
        ownerMember.roleIds.add(admin.id);
        guild.members.put(owner.id, ownerMember);
        guilds.put(guildId, guild);
        return guild;
    }

    private Model.User newUser(String username) {
        requireName(username, "username", 1, 32);
        Model.User user = new Model.User(ids.next(), username, false);
        users.put(user.id, user);
        return user;
    }

    synchronized long addMember(long guildId, String username, boolean administrator, List<Long> roleIds) {
        Model.Guild guild = guild(guildId);
        roleIds.forEach(r -> role(guild, r));
        Model.User user = newUser(username);
        Model.Member member = new Model.Member(user.id, clock.instant());
        member.roleIds.addAll(roleIds);
        if (administrator) {
            guild.roles.values().stream().filter(r -> r.id != guild.id && (r.permissions & Model.ADMINISTRATOR) != 0)
                    .findFirst().ifPresent(r -> member.roleIds.add(r.id));
        }
        guild.members.put(user.id, member);
        emit(guild, "GUILD_MEMBER_ADD", views.memberEvent(guildId, member));
        return user.id;
    }

    synchronized void removeMember(long guildId, long userId) {
        Model.Guild guild = guild(guildId);
        member(guild, userId);
        if (userId == bot.id || userId == guild.ownerId) {
            throw new IllegalArgumentException("the bot and the owner cannot be removed; use botLeave for the bot");
        }
        guild.members.remove(userId);
        ObjectNode data = views.object();
        data.put("guild_id", Views.id(guildId));
        data.set("user", views.user(userId));
        emit(guild, "GUILD_MEMBER_REMOVE", data);
    }

    synchronized void botJoin(long guildId) {
        Model.Guild guild = guild(guildId);
        if (guild.botJoined) {
            return;
        }
        Model.Member member = new Model.Member(bot.id, clock.instant());
        Model.Role botRole = guild.roles.values().stream().filter(r -> r.botId != null).findFirst().orElseGet(() -> {
            int top = guild.roles.values().stream().mapToInt(r -> r.position).max().orElse(0) + 1;
            Model.Role role = new Model.Role(ids.next(), bot.username, Model.BOT_PERMISSIONS, top);
            role.managed = true;
            role.botId = bot.id;
            guild.roles.put(role.id, role);
            return role;
        });
        member.roleIds.add(botRole.id);
        guild.members.put(bot.id, member);
        guild.botJoined = true;
        emit(guild, "GUILD_CREATE", views.guildCreate(guild));
    }

    synchronized void botLeave(long guildId) {
        Model.Guild guild = guild(guildId);
        if (!guild.botJoined) {
            return;
        }
        ObjectNode data = views.object();
        data.put("id", Views.id(guildId));
        data.put("unavailable", false);
        emit(guild, "GUILD_DELETE", data);
        guild.botJoined = false;
        guild.members.remove(bot.id);
        // Discord deletes the bot's managed role when it leaves
        guild.roles.values().removeIf(r -> r.botId != null);
    }

    synchronized ObjectNode addMemberRole(long guildId, long userId, long roleId, boolean add) {
        Model.Guild guild = botGuild(guildId);
        Model.Member member = member(guild, userId);
        role(guild, roleId);
        if (roleId == guildId) {
            throw EmulatorException.unknownRole();
        }
        boolean changed = add ? member.roleIds.add(roleId) : member.roleIds.remove(roleId);
        ObjectNode event = views.memberEvent(guildId, member);
        if (changed) {
            emit(guild, "GUILD_MEMBER_UPDATE", event);
        }
        return event;
    }

    // ---- channels ------------------------------------------------------------------------------------------------

    synchronized Model.Channel createChannel(long guildId, String name, int type, Consumer<Model.Channel> settings) {
        Model.Guild guild = guild(guildId);
        int position = (int) guild.channels.values().stream().filter(c -> c.type == type).count();
        Model.Channel channel = new Model.Channel(ids.next(), guildId, type, name, position);
        settings.accept(channel);
        guild.channels.put(channel.id, channel);
        channels.put(channel.id, channel);
        emit(guild, "CHANNEL_CREATE", views.channel(channel));
        return channel;
    }

    synchronized Model.Channel updateChannel(long channelId, Consumer<Model.Channel> change) {
        Model.Channel channel = channel(channelId);
        change.accept(channel);
        emit(guild(channel.guildId), "CHANNEL_UPDATE", views.channel(channel));
        return channel;
    }

    synchronized Model.Channel deleteChannel(long guildId, long channelId) {
        Model.Channel channel = channel(channelId);
        if (channel.guildId != guildId) {
            throw EmulatorException.unknownChannel();
        }
        Model.Guild guild = guild(guildId);
        guild.channels.remove(channelId);
        channels.remove(channelId);
        // a channel's threads go with it; Discord sends no separate event for them
        guild.channels.values().removeIf(c -> c.isThread() && c.parentId == channelId);
        channels.values().removeIf(c -> c.isThread() && c.parentId == channelId);
        emit(guild, "CHANNEL_DELETE", views.channel(channel));
        return channel;
    }

    /** Adds a channel made elsewhere (a thread) to the guild and the channel index. */
    synchronized void addChannel(Model.Guild guild, Model.Channel channel) {
        guild.channels.put(channel.id, channel);
        channels.put(channel.id, channel);
    }

    // ---- roles ---------------------------------------------------------------------------------------------------

    synchronized Model.Role createRole(long guildId, String name, long permissions, Consumer<Model.Role> settings) {
        Model.Guild guild = guild(guildId);
        // like Discord, a new role sits just above @everyone and every other role moves up one
        for (Model.Role other : guild.roles.values()) {
            if (other.id != guildId) {
                other.position++;
            }
        }
        Model.Role role = new Model.Role(ids.next(), name, permissions, 1);
        settings.accept(role);
        guild.roles.put(role.id, role);
        emit(guild, "GUILD_ROLE_CREATE", roleEvent(guildId, role));
        for (Model.Role other : guild.roles.values()) {
            if (other.id != guildId && other.id != role.id) {
                emit(guild, "GUILD_ROLE_UPDATE", roleEvent(guildId, other));
            }
        }
        return role;
    }

    synchronized Model.Role updateRole(long guildId, long roleId, Consumer<Model.Role> change) {
        Model.Guild guild = guild(guildId);
        Model.Role role = role(guild, roleId);
        change.accept(role);
        emit(guild, "GUILD_ROLE_UPDATE", roleEvent(guildId, role));
        return role;
    }

    synchronized void deleteRole(long guildId, long roleId) {
        Model.Guild guild = guild(guildId);
        role(guild, roleId);
        if (roleId == guildId || guild.roles.get(roleId).botId != null) {
            throw EmulatorException.badRequest(50028, "Invalid role");
        }
        guild.roles.remove(roleId);
        guild.members.values().forEach(m -> m.roleIds.remove(roleId));
        ObjectNode data = views.object();
        data.put("guild_id", Views.id(guildId));
        data.put("role_id", Views.id(roleId));
        emit(guild, "GUILD_ROLE_DELETE", data);
    }

    private ObjectNode roleEvent(long guildId, Model.Role role) {
        ObjectNode data = views.object();
        data.put("guild_id", Views.id(guildId));
        data.set("role", views.role(role));
        return data;
    }

    // ---- messages and reactions ----------------------------------------------------------------------------------

    synchronized Model.Message createMessage(long channelId, long authorId, MessageBody body,
            Consumer<Model.Message> decorate) {
        Model.Channel channel = channel(channelId);
        Model.Guild guild = guild(channel.guildId);
        Model.Message message = new Model.Message(ids.next(), channelId, guild.id, authorId, clock.instant());
        body.applyTo(message);
        message.flags = body.flags() == null ? 0 : body.flags() & (4 | 64 | 4096 | 32768);
        decorate.accept(message);
        channel.messages.put(message.id, message);
        if (!message.ephemeral()) {
            channel.lastMessageId = message.id;
            if (channel.isThread()) {
                channel.messageCount++;
            }
            emit(guild, "MESSAGE_CREATE", views.messageEvent(message, guild));
        }
        return message;
    }

    synchronized Model.Message editMessage(long channelId, long messageId, MessageBody body,
            Consumer<Model.Message> change) {
        Model.Channel channel = channel(channelId);
        Model.Message message = message(channel, messageId);
        body.applyTo(message);
        change.accept(message);
        message.editedAt = clock.instant();
        if (!message.ephemeral()) {
            Model.Guild guild = guild(channel.guildId);
            emit(guild, "MESSAGE_UPDATE", views.messageEvent(message, guild));
        }
        return message;
    }

    synchronized void deleteMessage(long channelId, long messageId) {
        Model.Channel channel = channel(channelId);
        Model.Message message = message(channel, messageId);
        channel.messages.remove(messageId);
        if (!message.ephemeral()) {
            ObjectNode data = views.object();
            data.put("id", Views.id(messageId));
            data.put("channel_id", Views.id(channelId));
            data.put("guild_id", Views.id(channel.guildId));
            emit(guild(channel.guildId), "MESSAGE_DELETE", data);
        }
    }

    synchronized List<JsonNode> messages(long channelId, boolean includeEphemeral) {
        Model.Channel channel = channel(channelId);
        Model.Guild guild = guild(channel.guildId);
        return channel.messages.values().stream().filter(m -> includeEphemeral || !m.ephemeral())
                .map(m -> (JsonNode) views.message(m, guild)).toList();
    }

    synchronized ObjectNode messageView(Model.Message message) {
        return views.message(message, guild(message.guildId));
    }

    synchronized void react(long channelId, long messageId, long userId, String emoji, boolean add) {
        Model.Channel channel = channel(channelId);
        Model.Message message = message(channel, messageId);
        Model.Guild guild = guild(channel.guildId);
        boolean changed;
        if (add) {
            changed = message.reactions.computeIfAbsent(emoji, e -> new LinkedHashSet<>()).add(userId);
        } else {
            var who = message.reactions.get(emoji);
            changed = who != null && who.remove(userId);
            if (who != null && who.isEmpty()) {
                message.reactions.remove(emoji);
            }
        }
        if (!changed) {
            return;
        }
        ObjectNode data = views.object();
        data.put("user_id", Views.id(userId));
        data.put("channel_id", Views.id(channelId));
        data.put("message_id", Views.id(messageId));
        data.put("guild_id", Views.id(guild.id));
        data.set("emoji", views.emoji(emoji));
        data.put("burst", false);
        data.put("type", 0);
        if (add) {
            Model.Member member = guild.members.get(userId);
            if (member != null) {
                data.set("member", views.member(member, true));
            }
            data.put("message_author_id", Views.id(message.authorId));
            data.putArray("burst_colors");
        }
        emit(guild, add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", data);
    }

    static void requireName(String value, String field, int min, int max) {
        EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
        if (value == null || value.isBlank()) {
            errors.required(field);
        } else if (value.length() < min || value.length() > max) {
            errors.length(field, min, max);
        }
        errors.throwIfAny();
    }
}
