package dev.guildhall.bus.nats;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The wire form of an {@link Envelope} on the bus: JSON, with snowflakes as decimal strings (as Discord sends them, and
 * safe for JavaScript readers) and each event tagged by its {@link GuildEvent#kind()} under {@code "kind"}. Explicit type
 * names, never class names, keep the format stable when classes move and refuse classes nobody listed.
 */
public final class EnvelopeCodec {
    private final ObjectMapper mapper = WireJson.builder().addMixIn(GuildEvent.class, GuildEventTypes.class).build();

    public byte[] encode(Envelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode envelope " + envelope.id(), e);
        }
    }

    /** Reads an envelope; bytes that are not one throw {@link IllegalArgumentException}. */
    public Envelope decode(byte[] json) {
        try {
            return mapper.readValue(json, Envelope.class);
        } catch (JsonProcessingException e) {
            // the message names the problem, not the payload, which may carry members' text
            throw new IllegalArgumentException("not an envelope: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an envelope", e);
        }
    }

    /** The names double as {@link GuildEvent#kind()}; the round-trip test keeps the two in step. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = GuildEvent.GuildJoined.class, name = "guild_joined"),
            @JsonSubTypes.Type(value = GuildEvent.GuildLeft.class, name = "guild_left"),
            @JsonSubTypes.Type(value = GuildEvent.ChannelDeleted.class, name = "channel_deleted"),
            @JsonSubTypes.Type(value = GuildEvent.RoleDeleted.class, name = "role_deleted"),
            @JsonSubTypes.Type(value = GuildEvent.MemberJoined.class, name = "member_joined"),
            @JsonSubTypes.Type(value = GuildEvent.MemberLeft.class, name = "member_left"),
            @JsonSubTypes.Type(value = GuildEvent.MessagePosted.class, name = "message_posted"),
            @JsonSubTypes.Type(value = GuildEvent.ReactionAdded.class, name = "reaction_added"),
            @JsonSubTypes.Type(value = GuildEvent.TimerFired.class, name = "timer_fired"),
            @JsonSubTypes.Type(value = InteractionEvent.SlashCommand.class, name = "slash_command"),
            @JsonSubTypes.Type(value = InteractionEvent.ButtonClicked.class, name = "button_clicked"),
            @JsonSubTypes.Type(value = InteractionEvent.ModalSubmitted.class, name = "modal_submitted"),
    })
    private interface GuildEventTypes {}
}
