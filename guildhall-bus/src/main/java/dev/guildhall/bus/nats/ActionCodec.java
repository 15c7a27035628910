package dev.guildhall.bus.nats;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The wire form of actions, their results and guild snapshots between workers and gateways: JSON with snowflakes as
 * decimal strings, each action tagged under {@code "type"} by an explicit name from {@link #typeName}. Explicit names,
 * never class names, keep stored and in-flight actions readable when classes move, and refuse types nobody listed.
 */
public final class ActionCodec {
    private static final Map<Class<? extends Action>, String> NAMES = Map.ofEntries(
            Map.entry(Action.Reply.class, "reply"),
            Map.entry(Action.ShowModal.class, "show_modal"),
            Map.entry(Action.UpdateSourceMessage.class, "update_source_message"),
            Map.entry(Action.CreateTextChannel.class, "create_text_channel"),
            Map.entry(Action.CreateRole.class, "create_role"),
            Map.entry(Action.DeleteChannel.class, "delete_channel"),
            Map.entry(Action.DeleteRole.class, "delete_role"),
            Map.entry(Action.SendMessage.class, "send_message"),
            Map.entry(Action.AddReaction.class, "add_reaction"),
            Map.entry(Action.EditMessage.class, "edit_message"),
            Map.entry(Action.DeleteMessage.class, "delete_message"),
            Map.entry(Action.StartThread.class, "start_thread"),
            Map.entry(Action.CreateScheduledEvent.class, "create_scheduled_event"),
            Map.entry(Action.EditScheduledEvent.class, "edit_scheduled_event"),
            Map.entry(Action.DeleteScheduledEvent.class, "delete_scheduled_event"),
            Map.entry(Action.AddMemberRole.class, "add_member_role"),
            Map.entry(Action.RemoveMemberRole.class, "remove_member_role"),
            Map.entry(Action.SyncGuildCommands.class, "sync_guild_commands"));
    private static final String CREATED_ID = "created_id";

    private final ObjectMapper mapper;

    public ActionCodec() {
        mapper = WireJson.builder()
                .addMixIn(Action.class, ActionTypes.class)
                .addMixIn(Action.EditScheduledEvent.class, ScheduledEventId.class)
                .addMixIn(Action.DeleteScheduledEvent.class, ScheduledEventId.class)
                .build();
        NAMES.forEach((type, name) -> mapper.registerSubtypes(new NamedType(type, name)));
    }

    /** The stable wire name of an action's type, also fit for logs and metrics (it carries no content). */
    public static String typeName(Action action) {
        String name = NAMES.get(action.getClass());
        if (name == null) throw new IllegalArgumentException("action type without a wire name: " + action.getClass());
        return name;
    }

    public byte[] encode(Action action) {
        typeName(action); // refuse before Jackson would make up a name from the class
        return write(action, Action.class, "action " + action.getClass().getSimpleName());
    }

    /** Reads an action; bytes that are not one, or name an unknown type, throw {@link IllegalArgumentException}. */
    public Action decodeAction(byte[] json) {
        return read(json, Action.class, "an action");
    }

    /** An outbound action as one document, {@code {"id": ..., "action": {...}}}, for storing it until it is published. */
    public byte[] encode(OutboundAction action) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", action.id());
        try {
            node.set("action", mapper.readTree(encode(action.action())));
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode action " + action.id(), e);
        }
    }

    public OutboundAction decodeOutbound(byte[] json) {
        JsonNode node = tree(json, "an outbound action");
        JsonNode id = node.get("id");
        JsonNode action = node.get("action");
        if (id == null || !id.isTextual() || action == null || !action.isObject()) {
            throw new IllegalArgumentException("not an outbound action: it needs a text \"id\" and an \"action\" object");
        }
        try {
            return new OutboundAction(id.asText(), mapper.treeToValue(action, Action.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an action: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code {"created_id": "<snowflake>"}}, or {@code {}} when the action created nothing. */
    public byte[] encode(ActionResult result) {
        ObjectNode node = mapper.createObjectNode();
        result.createdId().ifPresent(id -> node.put(CREATED_ID, Long.toUnsignedString(id)));
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode an action result", e);
        }
    }

    public ActionResult decodeResult(byte[] json) {
        JsonNode node = tree(json, "an action result");
        if (!node.isObject()) throw new IllegalArgumentException("not an action result: expected an object");
        JsonNode created = node.get(CREATED_ID);
        if (created == null || created.isNull()) return ActionResult.NONE;
        try {
            return ActionResult.created(Long.parseUnsignedLong(created.asText()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an action result: created_id is not a snowflake", e);
        }
    }

    public byte[] encode(GuildSnapshot snapshot) {
        return write(snapshot, GuildSnapshot.class, "snapshot of guild " + snapshot.id());
    }

    public GuildSnapshot decodeSnapshot(byte[] json) {
        return read(json, GuildSnapshot.class, "a guild snapshot");
    }

    private <T> byte[] write(T value, Class<T> type, String what) {
        try {
            return mapper.writerFor(type).writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + what, e);
        }
    }

    private <T> T read(byte[] json, Class<T> type, String what) {
        try {
            T value = mapper.readerFor(type).readValue(json);
            if (value == null) throw new IllegalArgumentException("not " + what + ": null");
            return value;
        } catch (JsonProcessingException e) {
            // the message names the problem, not the payload, which may carry members' text
            throw new IllegalArgumentException("not " + what + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + what, e);
        }
    }

    private JsonNode tree(byte[] json, String what) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) throw new IllegalArgumentException("not " + what + ": empty");
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not " + what + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + what, e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface ActionTypes {}

    /** A scheduled event's id is a snowflake like the typed ids, so it travels as a string too. */
    private abstract static class ScheduledEventId {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract long event();
    }
}
