package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Threads started on messages and guild scheduled events. Every method holds {@link World}'s monitor, so these
 * changes and their gateway events are ordered with the rest of the world's.
 */
final class ThreadsAndEvents {
    static final int PUBLIC_THREAD = 11;
    static final Set<Integer> AUTO_ARCHIVE_MINUTES = Set.of(60, 1440, 4320, 10080);
    /** Message flag HAS_THREAD. */
    private static final int HAS_THREAD = 1 << 5;

    private final World world;

    ThreadsAndEvents(World world) {
        this.world = world;
    }

    // ---- threads -------------------------------------------------------------------------------------------------

    /**
     * Starts a public thread on a message. As on Discord, the thread's id is the message's id, and a message holds
     * at most one thread. Emits THREAD_CREATE with {@code newly_created}.
     */
    Model.Channel startThread(long channelId, long messageId, long ownerId, String name, int autoArchiveMinutes) {
        synchronized (world) {
            Model.Channel parent = world.channel(channelId);
            Model.Message message = world.message(parent, messageId);
            if (message.ephemeral()) {
                throw EmulatorException.unknownMessage();
            }
            if (parent.type != 0 && parent.type != 5) {
                throw EmulatorException.badRequest(50024, "Cannot execute action on this channel type");
            }
            if ((message.flags & HAS_THREAD) != 0) {
                throw EmulatorException.badRequest(160004, "A thread has already been created for this message");
            }
            Model.Guild guild = world.guild(parent.guildId);
            Model.Channel thread = new Model.Channel(messageId, guild.id, PUBLIC_THREAD, name, 0);
            thread.parentId = parent.id;
            thread.ownerId = ownerId;
            thread.createdAt = world.clock.instant();
            thread.autoArchiveMinutes = autoArchiveMinutes;
            world.addChannel(guild, thread);
            message.flags |= HAS_THREAD;
            ObjectNode event = world.views.thread(thread);
            event.put("newly_created", true);
            world.emit(guild, "THREAD_CREATE", event);
            return thread;
        }
    }

    // ---- scheduled events ----------------------------------------------------------------------------------------

    Model.ScheduledEvent createEvent(long guildId, long creatorId, Consumer<Model.ScheduledEvent> fill) {
        synchronized (world) {
            Model.Guild guild = world.guild(guildId);
            Model.ScheduledEvent event = new Model.ScheduledEvent(world.ids.next(), guildId, creatorId);
            fill.accept(event);
            guild.scheduledEvents.put(event.id, event);
            world.emit(guild, "GUILD_SCHEDULED_EVENT_CREATE", world.views.scheduledEvent(event));
            return event;
        }
    }

    Model.ScheduledEvent event(long guildId, long eventId) {
        synchronized (world) {
            Model.ScheduledEvent event = world.guild(guildId).scheduledEvents.get(eventId);
            if (event == null) {
                throw EmulatorException.unknown("Guild Scheduled Event", 10070);
            }
            return event;
        }
    }

    Model.ScheduledEvent updateEvent(long guildId, long eventId, Consumer<Model.ScheduledEvent> change) {
        synchronized (world) {
            Model.ScheduledEvent event = event(guildId, eventId);
            change.accept(event);
            world.emit(world.guild(guildId), "GUILD_SCHEDULED_EVENT_UPDATE", world.views.scheduledEvent(event));
            return event;
        }
    }

    void deleteEvent(long guildId, long eventId) {
        synchronized (world) {
            Model.ScheduledEvent event = event(guildId, eventId);
            Model.Guild guild = world.guild(guildId);
            guild.scheduledEvents.remove(eventId);
            world.emit(guild, "GUILD_SCHEDULED_EVENT_DELETE", world.views.scheduledEvent(event));
        }
    }

    List<JsonNode> events(long guildId) {
        synchronized (world) {
            return world.guild(guildId).scheduledEvents.values().stream()
                    .map(e -> (JsonNode) world.views.scheduledEvent(e)).toList();
        }
    }

    /** Discord's allowed status changes: scheduled to active or canceled, active to completed. */
    static boolean statusChangeAllowed(int from, int to) {
        return from == to || Map.of(1, Set.of(2, 4), 2, Set.of(3)).getOrDefault(from, Set.of()).contains(to);
    }
}
