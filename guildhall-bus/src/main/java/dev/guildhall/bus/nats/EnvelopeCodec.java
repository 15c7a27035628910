package dev.guildhall.bus.nats;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The wire form of an {@link Envelope} on the bus: JSON, with snowflakes as decimal strings (as Discord sends them, and
 * safe for JavaScript readers) and each event tagged by its {@link GuildEvent#kind()} under {@code "kind"}. Explicit type
 * names, never class names, keep the format stable when classes move and refuse classes nobody listed.
 */
public final class EnvelopeCodec {
    private final ObjectMapper mapper = configure();

    /** The one place where the bus's JSON is configured. */
    private static ObjectMapper configure() {
        SimpleModule ids = new SimpleModule("guildhall-ids");
        snowflake(ids, GuildId.class, GuildId::of, GuildId::value);
        snowflake(ids, UserId.class, UserId::of, UserId::value);
        snowflake(ids, ChannelId.class, ChannelId::of, ChannelId::value);
        snowflake(ids, RoleId.class, RoleId::of, RoleId::value);
        snowflake(ids, MessageId.class, MessageId::of, MessageId::value);
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(ids)
                .addMixIn(GuildEvent.class, GuildEventTypes.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // a newer producer may add fields; an older consumer still handles what it knows
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static <T> void snowflake(SimpleModule module, Class<T> type, LongFunction<T> of, ToLongFunction<T> value) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T id, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(Long.toUnsignedString(value.applyAsLong(id)));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                try {
                    return of.apply(Long.parseUnsignedLong(text));
                } catch (RuntimeException e) {
                    return context.reportInputMismatch(type, "not a %s snowflake: '%s'", type.getSimpleName(), text);
                }
            }
        });
    }

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
