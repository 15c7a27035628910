package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Renders entities as Discord JSON, shaped after Discord's OpenAPI response schemas and what JDA's EntityBuilder reads.
 * Snowflakes are strings, as Discord sends them. Callers hold {@link World}'s lock.
 */
final class Views {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final LongFunction<Model.User> users;

    Views(ObjectMapper json, LongFunction<Model.User> users) {
        this.json = json;
        this.users = users;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ArrayNode array() {
        return json.createArrayNode();
    }

    static String id(long id) {
        return Long.toUnsignedString(id);
    }

    static String time(Instant instant) {
        return ISO.format(instant);
    }

    ObjectNode user(long userId) {
        Model.User user = users.apply(userId);
        ObjectNode node = object();
        node.put("id", id(userId));
        node.put("username", user == null ? "unknown" : user.username);
        node.putNull("avatar");
        node.put("discriminator", "0");
        node.put("public_flags", 0);
        node.put("flags", 0);
        node.put("bot", user != null && user.bot);
        node.putNull("banner");
        node.putNull("accent_color");
        node.putNull("global_name");
        node.putNull("primary_guild");
        return node;
    }

    ObjectNode role(Model.Role role) {
        ObjectNode node = object();
        node.put("id", id(role.id));
        node.put("name", role.name);
        node.put("permissions", Long.toString(role.permissions));
        node.put("position", role.position);
        node.put("color", role.color);
        ObjectNode colors = node.putObject("colors");
        colors.put("primary_color", role.color);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        node.put("hoist", role.hoist);
        node.put("managed", role.managed);
        node.put("mentionable", role.mentionable);
        node.putNull("icon");
        node.putNull("unicode_emoji");
        node.put("flags", 0);
        if (role.botId != null) {
            node.putObject("tags").put("bot_id", id(role.botId));
        }
        return node;
    }

    ObjectNode member(Model.Member member, boolean withUser) {
        ObjectNode node = object();
        if (withUser) {
            node.set("user", user(member.userId));
        }
        ArrayNode roles = node.putArray("roles");
        member.roleIds.forEach(r -> roles.add(id(r)));
        if (member.nick == null) {
            node.putNull("nick");
        } else {
            node.put("nick", member.nick);
        }
        node.putNull("avatar");
        node.putNull("banner");
        node.put("joined_at", time(member.joinedAt));
        node.putNull("premium_since");
        node.put("deaf", false);
        node.put("mute", false);
        node.put("pending", false);
        node.put("flags", 0);
        node.putNull("communication_disabled_until");
        return node;
    }

    /** A member with guild_id, as GUILD_MEMBER_ADD/UPDATE carry it. */
    ObjectNode memberEvent(long guildId, Model.Member member) {
        ObjectNode node = member(member, true);
        node.put("guild_id", id(guildId));
        return node;
    }

    ObjectNode channel(Model.Channel channel) {
        if (channel.isThread()) {
            return thread(channel);
        }
        ObjectNode node = object();
        node.put("id", id(channel.id));
        node.put("type", channel.type);
        node.put("guild_id", id(channel.guildId));
        node.put("name", channel.name);
        node.put("position", channel.position);
        node.put("flags", 0);
        if (channel.parentId == null) {
            node.putNull("parent_id");
        } else {
            node.put("parent_id", id(channel.parentId));
        }
        node.set("permission_overwrites", channel.permissionOverwrites == null ? array() : channel.permissionOverwrites.deepCopy());
        node.put("nsfw", channel.nsfw);
        if (channel.type == 0 || channel.type == 5) {
            if (channel.topic == null) {
                node.putNull("topic");
            } else {
                node.put("topic", channel.topic);
            }
            if (channel.lastMessageId == null) {
                node.putNull("last_message_id");
            } else {
                node.put("last_message_id", id(channel.lastMessageId));
            }
            node.put("rate_limit_per_user", channel.rateLimitPerUser);
        }
        if (channel.type == 2 || channel.type == 13) {
            node.put("bitrate", 64000);
            node.put("user_limit", 0);
            node.putNull("rtc_region");
        }
        return node;
    }

    /** A thread channel: Discord's ThreadResponse, with what JDA's thread setup reads (owner, counts, metadata). */
    ObjectNode thread(Model.Channel thread) {
        ObjectNode node = object();
        node.put("id", id(thread.id));
        node.put("type", thread.type);
        node.put("guild_id", id(thread.guildId));
        node.put("name", thread.name);
        node.put("parent_id", id(thread.parentId));
        node.put("flags", 0);
        if (thread.lastMessageId == null) {
            node.putNull("last_message_id");
        } else {
            node.put("last_message_id", id(thread.lastMessageId));
        }
        node.put("rate_limit_per_user", thread.rateLimitPerUser);
        node.put("owner_id", id(thread.ownerId));
        node.put("message_count", thread.messageCount);
        node.put("total_message_sent", thread.messageCount);
        // Discord counts members up to 50; the starter is the one member an emulated thread has
        node.put("member_count", 1);
        ObjectNode metadata = node.putObject("thread_metadata");
        metadata.put("archived", thread.archived);
        metadata.put("archive_timestamp", time(thread.createdAt));
        metadata.put("auto_archive_duration", thread.autoArchiveMinutes);
        metadata.put("locked", thread.locked);
        metadata.put("create_timestamp", time(thread.createdAt));
        return node;
    }

    /** An external scheduled event: Discord's ExternalScheduledEventResponse, as JDA's EntityBuilder reads it. */
    ObjectNode scheduledEvent(Model.ScheduledEvent event) {
        ObjectNode node = object();
        node.put("id", id(event.id));
        node.put("guild_id", id(event.guildId));
        node.put("name", event.name);
        if (event.description == null) {
            node.putNull("description");
        } else {
            node.put("description", event.description);
        }
        node.putNull("channel_id");
        node.put("creator_id", id(event.creatorId));
        node.set("creator", user(event.creatorId));
        node.putNull("image");
        node.put("scheduled_start_time", time(event.start));
        if (event.end == null) {
            node.putNull("scheduled_end_time");
        } else {
            node.put("scheduled_end_time", time(event.end));
        }
        node.put("status", event.status);
        node.put("entity_type", 3);
        node.putNull("entity_id");
        node.putNull("recurrence_rule");
        node.put("privacy_level", event.privacyLevel);
        node.putArray("guild_scheduled_event_exceptions");
        node.putObject("entity_metadata").put("location", event.location);
        return node;
    }

    ObjectNode message(Model.Message message, Model.Guild guild) {
        ObjectNode node = object();
        node.put("type", message.type);
        node.put("content", message.content);
        ArrayNode mentions = node.putArray("mentions");
        message.pinged.users().forEach(user -> mentions.add(user(user)));
        ArrayNode mentionRoles = node.putArray("mention_roles");
        message.pinged.roles().stream().filter(role -> guild == null || guild.roles.containsKey(role))
                .forEach(role -> mentionRoles.add(id(role)));
        node.putArray("attachments");
        node.set("embeds", message.embeds == null ? array() : message.embeds.deepCopy());
        node.put("timestamp", time(message.timestamp));
        if (message.editedAt == null) {
            node.putNull("edited_timestamp");
        } else {
            node.put("edited_timestamp", time(message.editedAt));
        }
        node.put("flags", message.flags);
        node.set("components", message.components == null ? array() : message.components.deepCopy());
        node.put("id", id(message.id));
        node.put("channel_id", id(message.channelId));
        node.set("author", user(message.authorId));
        node.put("pinned", false);
        node.put("mention_everyone", message.pinged.everyone());
        node.put("tts", false);
        if (message.webhookId != null) {
            node.put("webhook_id", id(message.webhookId));
        }
        if (message.applicationId != null) {
            node.put("application_id", id(message.applicationId));
        }
        if (message.interactionMetadata != null) {
            node.set("interaction_metadata", message.interactionMetadata.deepCopy());
        }
        if (!message.reactions.isEmpty()) {
            ArrayNode reactions = node.putArray("reactions");
            message.reactions.forEach((emoji, who) -> reactions.add(reaction(emoji, who)));
        }
        return node;
    }

    /** A message as a gateway MESSAGE_CREATE/UPDATE carries it: with guild_id and the author's member. */
    ObjectNode messageEvent(Model.Message message, Model.Guild guild) {
        ObjectNode node = message(message, guild);
        node.put("guild_id", id(message.guildId));
        Model.Member member = guild.members.get(message.authorId);
        if (member != null && message.webhookId == null) {
            node.set("member", member(member, false));
        }
        return node;
    }

    private ObjectNode reaction(String emoji, Set<Long> who) {
        ObjectNode node = object();
        node.set("emoji", emoji(emoji));
        node.put("count", who.size());
        ObjectNode details = node.putObject("count_details");
        details.put("burst", 0);
        details.put("normal", who.size());
        node.putArray("burst_colors");
        node.put("me_burst", false);
        node.put("me", who.stream().anyMatch(u -> users.apply(u) != null && users.apply(u).bot));
        return node;
    }

    /** "👍" is a unicode emoji; "name:123" a custom one. */
    ObjectNode emoji(String key) {
        ObjectNode node = object();
        int colon = key.lastIndexOf(':');
        if (colon > 0 && key.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < key.length() - 1) {
            node.put("id", key.substring(colon + 1));
            node.put("name", key.substring(0, colon));
        } else {
            node.putNull("id");
            node.put("name", key);
        }
        return node;
    }

    /** The GUILD_CREATE payload: everything JDA's guild setup reads. */
    ObjectNode guildCreate(Model.Guild guild) {
        ObjectNode node = guildBase(guild);
        node.put("unavailable", false);
        node.put("large", false);
        node.put("member_count", guild.members.size());
        node.put("joined_at", time(guild.createdAt));
        ArrayNode channels = node.putArray("channels");
        ArrayNode threads = node.putArray("threads");
        // as on Discord, active threads travel apart from the channels, and archived ones not at all
        guild.channels.values().stream().filter(c -> !c.isThread()).forEach(c -> channels.add(channel(c)));
        guild.channels.values().stream().filter(c -> c.isThread() && !c.archived).forEach(c -> threads.add(thread(c)));
        ArrayNode members = node.putArray("members");
        guild.members.values().forEach(m -> members.add(member(m, true)));
        node.putArray("voice_states");
        ArrayNode events = node.putArray("guild_scheduled_events");
        guild.scheduledEvents.values().forEach(e -> events.add(scheduledEvent(e)));
        node.putArray("presences");
        node.putArray("stage_instances");
        node.putArray("soundboard_sounds");
        return node;
    }

    private ObjectNode guildBase(Model.Guild guild) {
        ObjectNode node = object();
        node.put("id", id(guild.id));
        node.put("name", guild.name);
        node.putNull("icon");
        node.putNull("splash");
        node.putNull("banner");
        node.putNull("description");
        node.put("owner_id", id(guild.ownerId));
        node.put("preferred_locale", "en-US");
        node.put("verification_level", 0);
        node.put("default_message_notifications", 0);
        node.put("explicit_content_filter", 0);
        node.put("mfa_level", 0);
        node.put("nsfw_level", 0);
        node.put("premium_tier", 0);
        node.put("afk_timeout", 300);
        node.putNull("afk_channel_id");
        node.putNull("system_channel_id");
        node.put("system_channel_flags", 0);
        node.putArray("features");
        ArrayNode roles = node.putArray("roles");
        guild.roles.values().stream().sorted(Comparator.comparingInt((Model.Role r) -> r.position))
                .forEach(r -> roles.add(role(r)));
        node.putArray("emojis");
        node.putArray("stickers");
        return node;
    }

    /**
     * The control API's guild view: {id,name,owner_id,bot_joined,channels[],roles[],members[]}; threads are among the
     * channels, with type 11 and their parent_id.
     */
    ObjectNode controlGuild(Model.Guild guild) {
        ObjectNode node = object();
        node.put("id", id(guild.id));
        node.put("name", guild.name);
        node.put("owner_id", id(guild.ownerId));
        node.put("bot_joined", guild.botJoined);
        ArrayNode channels = node.putArray("channels");
        guild.channels.values().forEach(c -> channels.add(channel(c)));
        ArrayNode roles = node.putArray("roles");
        guild.roles.values().forEach(r -> roles.add(role(r)));
        ArrayNode members = node.putArray("members");
        guild.members.values().forEach(m -> members.add(member(m, true)));
        return node;
    }

    JsonNode copy(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }
}
