package dev.guildhall.emulator;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Threads on messages and guild scheduled events (external ones) under /api/v10, with the events each emits. */
final class ThreadAndEventRoutes {
    private static final String EVENTS = "/guilds/{guild_id}/scheduled-events";
    private static final String EVENT = EVENTS + "/{guild_scheduled_event_id}";
    private static final int EXTERNAL = 3;
    private static final int GUILD_ONLY = 2;

    private final World world;
    private final ThreadsAndEvents threadsAndEvents;
    private final RestSupport rest;

    ThreadAndEventRoutes(World world, ThreadsAndEvents threadsAndEvents, RestSupport rest) {
        this.world = world;
        this.threadsAndEvents = threadsAndEvents;
        this.rest = rest;
    }

    void register(Javalin app) {
        var bot = RestSupport.Auth.BOT;
        rest.add(app, POST, "/channels/{channel_id}/messages/{message_id}/threads", bot, 201, ctx -> {
            Model.Channel channel = world.botChannel(RestRoutes.channelId(ctx));
            long messageId = RestRoutes.id(ctx, "message_id", EmulatorException::unknownMessage);
            JsonNode body = rest.body(ctx);
            EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
            String name = body.path("name").asText("");
            if (!body.hasNonNull("name") || name.isBlank()) {
                errors.required("name");
            } else if (name.length() > 100) {
                errors.length("name", 1, 100);
            }
            int archive = body.path("auto_archive_duration").asInt(4320);
            if (!ThreadsAndEvents.AUTO_ARCHIVE_MINUTES.contains(archive)) {
                errors.add("auto_archive_duration", "BASE_TYPE_CHOICES",
                        "Value must be one of " + ThreadsAndEvents.AUTO_ARCHIVE_MINUTES + ".");
            }
            errors.throwIfAny();
            return world.locked(() -> world.views.thread(
                    threadsAndEvents.startThread(channel.id, messageId, world.bot.id, name, archive)));
        });

        rest.add(app, GET, EVENTS, bot, 200, ctx -> threadsAndEvents.events(guild(ctx).id));
        rest.add(app, POST, EVENTS, bot, 200, ctx -> {
            Model.Guild guild = guild(ctx);
            JsonNode body = rest.body(ctx);
            Fields fields = Fields.parse(body, true, world.clock.instant());
            return world.locked(() -> world.views.scheduledEvent(
                    threadsAndEvents.createEvent(guild.id, world.bot.id, fields::applyTo)));
        });
        rest.add(app, GET, EVENT, bot, 200, ctx -> world.locked(() ->
                world.views.scheduledEvent(threadsAndEvents.event(guild(ctx).id, eventId(ctx)))));
        rest.add(app, PATCH, EVENT, bot, 200, ctx -> {
            Model.Guild guild = guild(ctx);
            long eventId = eventId(ctx);
            JsonNode body = rest.body(ctx);
            return world.locked(() -> {
                Model.ScheduledEvent existing = threadsAndEvents.event(guild.id, eventId);
                Fields fields = Fields.parse(body, false, world.clock.instant());
                fields.checkAgainst(existing);
                return world.views.scheduledEvent(threadsAndEvents.updateEvent(guild.id, eventId, fields::applyTo));
            });
        });
        rest.add(app, DELETE, EVENT, bot, 204, ctx -> {
            threadsAndEvents.deleteEvent(guild(ctx).id, eventId(ctx));
            return null;
        });
    }

    private Model.Guild guild(Context ctx) {
        return world.botGuild(RestRoutes.id(ctx, "guild_id", EmulatorException::unknownGuild));
    }

    private static long eventId(Context ctx) {
        return RestRoutes.id(ctx, "guild_scheduled_event_id",
                () -> EmulatorException.unknown("Guild Scheduled Event", 10070));
    }

    /** A create or patch body, validated as Discord does; absent fields ({@code null} here) stay unchanged. */
    private record Fields(String name, String description, boolean descriptionGiven, String location, Instant start,
                          Instant end, Integer status) {

        static Fields parse(JsonNode body, boolean create, Instant now) {
            EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
            String name = text(body, "name");
            if (create && name == null) {
                errors.required("name");
            } else if (name != null && (name.isEmpty() || name.length() > 100)) {
                errors.length("name", 1, 100);
            }
            String description = text(body, "description");
            if (description != null && description.length() > 1000) {
                errors.length("description", 0, 1000);
            }
            if (create && !body.hasNonNull("privacy_level")) {
                errors.required("privacy_level");
            } else if (body.hasNonNull("privacy_level") && body.get("privacy_level").asInt() != GUILD_ONLY) {
                errors.add("privacy_level", "BASE_TYPE_CHOICES", "Value must be one of (2,).");
            }
            if (create && !body.hasNonNull("entity_type")) {
                errors.required("entity_type");
            } else if (body.hasNonNull("entity_type") && body.get("entity_type").asInt() != EXTERNAL) {
                // voice and stage events need channels the emulator does not model as event hosts
                errors.add("entity_type", "BASE_TYPE_CHOICES", "Only external events (3) are emulated.");
            }
            String location = text(body.path("entity_metadata"), "location");
            if (create && location == null) {
                errors.required("entity_metadata.location");
            } else if (location != null && (location.isEmpty() || location.length() > 100)) {
                errors.length("entity_metadata.location", 1, 100);
            }
            Instant start = time(body, "scheduled_start_time", errors);
            Instant end = time(body, "scheduled_end_time", errors);
            if (create && start == null) {
                errors.required("scheduled_start_time");
            }
            if (create && end == null) {
                errors.required("scheduled_end_time");
            }
            if (start != null && !start.isAfter(now)) {
                errors.add("scheduled_start_time", "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
                        "Cannot schedule event in the past.");
            }
            if (start != null && end != null && !end.isAfter(start)) {
                errors.add("scheduled_end_time", "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
                        "Cannot schedule event to end before starting.");
            }
            Integer status = body.hasNonNull("status") ? body.get("status").asInt() : null;
            if (create && status != null) {
                errors.add("status", "BASE_TYPE_BAD_VALUE", "A new event is always scheduled.");
            }
            errors.throwIfAny();
            return new Fields(name, description, body.has("description"), location, start, end, status);
        }

        /** The checks that need the event as it is: status transitions and an end after the start. */
        void checkAgainst(Model.ScheduledEvent event) {
            EmulatorException.FormErrors errors = new EmulatorException.FormErrors();
            if (event.status == 3 || event.status == 4) {
                throw EmulatorException.badRequest(180000, "Cannot modify a finished event");
            }
            if (status != null && !ThreadsAndEvents.statusChangeAllowed(event.status, status)) {
                errors.add("status", "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION",
                        "Cannot change the status from " + event.status + " to " + status + ".");
            }
            Instant newStart = start == null ? event.start : start;
            Instant newEnd = end == null ? event.end : end;
            if (newEnd != null && !newEnd.isAfter(newStart)) {
                errors.add("scheduled_end_time", "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
                        "Cannot schedule event to end before starting.");
            }
            errors.throwIfAny();
        }

        void applyTo(Model.ScheduledEvent event) {
            if (name != null) {
                event.name = name;
            }
            if (descriptionGiven) {
                // Discord keeps an emptied description as none
                event.description = description == null || description.isEmpty() ? null : description;
            }
            if (location != null) {
                event.location = location;
            }
            if (start != null) {
                event.start = start;
            }
            if (end != null) {
                event.end = end;
            }
            if (status != null) {
                event.status = status;
            }
        }

        private static String text(JsonNode body, String field) {
            return body.hasNonNull(field) ? body.get(field).asText() : null;
        }

        private static Instant time(JsonNode body, String field, EmulatorException.FormErrors errors) {
            if (!body.hasNonNull(field)) {
                return null;
            }
            try {
                return OffsetDateTime.parse(body.get(field).asText()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(field, "DATE_TIME_TYPE_PARSE", "Could not parse " + body.get(field).asText() + ".");
                return null;
            }
        }
    }
}
