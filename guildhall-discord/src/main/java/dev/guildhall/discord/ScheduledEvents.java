package dev.guildhall.discord;

import dev.guildhall.core.action.Action;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ScheduledEvent;
import net.dv8tion.jda.api.requests.restaction.ScheduledEventAction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * External guild scheduled events. The scheduled event cache is off (no intent, no cache flag), so an edit or a
 * delete first fetches the event by id: one extra call, and no stale cache to trust.
 */
final class ScheduledEvents {
    private ScheduledEvents() {}

    static long create(Guild guild, Action.CreateScheduledEvent create) {
        ScheduledEventAction action = guild.createScheduledEvent(create.name(), create.location(), time(create.start()),
                time(create.end()));
        if (create.description() != null && !create.description().isBlank()) {
            action = action.setDescription(create.description());
        }
        return action.complete().getIdLong();
    }

    static void edit(Guild guild, Action.EditScheduledEvent edit) {
        ScheduledEvent event = guild.retrieveScheduledEventById(edit.event()).complete();
        var manager = event.getManager()
                .setName(edit.name())
                .setDescription(edit.description() == null ? "" : edit.description())
                .setLocation(edit.location());
        // times only when they change: JDA refuses any start in the past, so re-sending the start of an event that
        // has begun would fail an edit of its name or description
        if (!event.getStartTime().toInstant().equals(edit.start())) {
            manager = manager.setStartTime(time(edit.start()));
        }
        if (event.getEndTime() == null || !event.getEndTime().toInstant().equals(edit.end())) {
            manager = manager.setEndTime(time(edit.end()));
        }
        manager.complete();
    }

    static void delete(Guild guild, long eventId) {
        guild.retrieveScheduledEventById(eventId).complete().delete().complete();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
