package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulated Discord's entities. Mutable on purpose and only ever touched while holding {@link World}'s lock;
 * {@link Views} turns them into Discord JSON.
 */
final class Model {
    private Model() {}

    static final long ADMINISTRATOR = 1L << 3;
    /** What @everyone gets in a new guild: invite, reactions, view, send, embed, attach, history, connect, speak, nickname, app commands. */
    static final long DEFAULT_EVERYONE = 1L | 1L << 6 | 1L << 10 | 1L << 11 | 1L << 14 | 1L << 15 | 1L << 16
            | 1L << 20 | 1L << 21 | 1L << 26 | 1L << 31;
    static final long ALL_PERMISSIONS = (1L << 51) - 1;
    /**
     * The bot's managed role, as an invite asking for what Guildhall needs would grant: kick, ban, manage channels,
     * manage guild, reactions, view, send, manage messages, embed, attach, history, manage roles, app commands,
     * manage and create events, manage threads, create public threads, send in threads, moderate members.
     * Deliberately not ADMINISTRATOR, so missing-permission bugs show.
     */
    static final long BOT_PERMISSIONS = 1L << 1 | 1L << 2 | 1L << 4 | 1L << 5 | 1L << 6 | 1L << 10 | 1L << 11
            | 1L << 13 | 1L << 14 | 1L << 15 | 1L << 16 | 1L << 28 | 1L << 31 | 1L << 33 | 1L << 34 | 1L << 35
            | 1L << 38 | 1L << 40 | 1L << 44;

    static final class User {
        final long id;
        final String username;
        final boolean bot;

        User(long id, String username, boolean bot) {
            this.id = id;
            this.username = username;
            this.bot = bot;
        }
    }

    static final class Role {
        final long id;
        String name;
        long permissions;
        int position;
        int color;
        boolean hoist;
        boolean mentionable;
        boolean managed;
        /** Set on the bot's own managed role (Discord's tags.bot_id). */
        Long botId;

        Role(long id, String name, long permissions, int position) {
            this.id = id;
            this.name = name;
            this.permissions = permissions;
            this.position = position;
        }
    }

    static final class Member {
        final long userId;
        final Set<Long> roleIds = new LinkedHashSet<>();
        final Instant joinedAt;
        String nick;

        Member(long userId, Instant joinedAt) {
            this.userId = userId;
            this.joinedAt = joinedAt;
        }
    }

    static final class Channel {
        final long id;
        final long guildId;
        int type;
        String name;
        int position;
        String topic;
        Long parentId;
        boolean nsfw;
        int rateLimitPerUser;
        Long lastMessageId;
        JsonNode permissionOverwrites;
        final Map<Long, Message> messages = new LinkedHashMap<>();
        /** Thread fields (types 10, 11, 12): who started it, when, and how many messages it has had. */
        Long ownerId;
        Instant createdAt;
        int autoArchiveMinutes = 4320;
        int messageCount;
        boolean archived;
        boolean locked;

        Channel(long id, long guildId, int type, String name, int position) {
            this.id = id;
            this.guildId = guildId;
            this.type = type;
            this.name = name;
            this.position = position;
        }

        boolean isThread() {
            return type == 10 || type == 11 || type == 12;
        }
    }

    /** An external guild scheduled event (entity type 3); Guildhall creates no voice or stage events. */
    static final class ScheduledEvent {
        final long id;
        final long guildId;
        final long creatorId;
        String name;
        String description;
        String location;
        Instant start;
        Instant end;
        /** 1 scheduled, 2 active, 3 completed, 4 canceled. */
        int status = 1;
        int privacyLevel = 2;

        ScheduledEvent(long id, long guildId, long creatorId) {
            this.id = id;
            this.guildId = guildId;
            this.creatorId = creatorId;
        }
    }

    static final class Guild {
        final long id;
        final String name;
        final long ownerId;
        final Instant createdAt;
        boolean botJoined;
        final Map<Long, Channel> channels = new LinkedHashMap<>();
        final Map<Long, Role> roles = new LinkedHashMap<>();
        final Map<Long, Member> members = new LinkedHashMap<>();
        final Map<Long, ScheduledEvent> scheduledEvents = new LinkedHashMap<>();

        Guild(long id, String name, long ownerId, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.ownerId = ownerId;
            this.createdAt = createdAt;
        }
    }

    static final class Message {
        final long id;
        final long channelId;
        final long guildId;
        final long authorId;
        final Instant timestamp;
        int type;
        String content = "";
        ArrayNode embeds;
        ArrayNode components;
        int flags;
        Instant editedAt;
        Long webhookId;
        Long applicationId;
        JsonNode interactionMetadata;
        /** Who the text pings, as its allowed mentions let it (see {@link AllowedMentions}). */
        AllowedMentions.Pinged pinged = AllowedMentions.Pinged.NO_ONE;
        /** Emoji key ("👍" or "name:id") to the users who reacted, in order of first reaction. */
        final Map<String, Set<Long>> reactions = new LinkedHashMap<>();

        Message(long id, long channelId, long guildId, long authorId, Instant timestamp) {
            this.id = id;
            this.channelId = channelId;
            this.guildId = guildId;
            this.authorId = authorId;
            this.timestamp = timestamp;
        }

        boolean ephemeral() {
            return (flags & 64) != 0;
        }
    }

    static final class Interaction {
        final long id;
        final String token;
        final int type;
        final long guildId;
        final long channelId;
        final long userId;
        final Instant createdAt;
        /** The component message a button click came from, for callback types 6 and 7. */
        final Long sourceMessageId;
        JsonNode firstCallback;
        Long originalMessageId;
        /** True while the original is a deferred "thinking" message that no edit or follow-up has filled yet. */
        boolean originalLoading;
        final List<Long> followupIds = new ArrayList<>();

        Interaction(long id, String token, int type, long guildId, long channelId, long userId, Instant createdAt,
                Long sourceMessageId) {
            this.id = id;
            this.token = token;
            this.type = type;
            this.guildId = guildId;
            this.channelId = channelId;
            this.userId = userId;
            this.createdAt = createdAt;
            this.sourceMessageId = sourceMessageId;
        }
    }

    /** A modal the bot opened for one user, waiting to be submitted. */
    record OpenModal(long userId, String customId, JsonNode data) {}
}
