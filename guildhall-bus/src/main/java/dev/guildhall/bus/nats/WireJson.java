package dev.guildhall.bus.nats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;

import java.io.IOException;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The one place where the JSON that travels over NATS is configured: snowflakes as decimal strings (as Discord sends
 * them, and safe for JavaScript readers), ISO-8601 instants, unknown fields ignored. Each codec adds only the type
 * names of its own sealed hierarchy.
 */
final class WireJson {
    private WireJson() {}

    static JsonMapper.Builder builder() {
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
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // a newer producer may add fields; an older consumer still handles what it knows
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
}
