package dev.guildhall.bus.nats;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeCodecTest {
    private static final ChannelId CHANNEL = ChannelId.of(222L);
    private static final UserId USER = UserId.of(333L);
    private static final Invoker INVOKER = new Invoker(USER, "ada", Set.of(RoleId.of(444L), RoleId.of(445L)), true);

    private final EnvelopeCodec codec = new EnvelopeCodec();

    static List<GuildEvent> everyKind() {
        InteractionRef fromButton = new InteractionRef("9001", CHANNEL, Optional.of(MessageId.of(555L)));
        InteractionRef fromCommand = new InteractionRef("9002", CHANNEL, Optional.empty());
        return List.of(
                new GuildEvent.GuildJoined("Disc Golf Club"),
                new GuildEvent.GuildLeft(),
                new GuildEvent.ChannelDeleted(CHANNEL),
                new GuildEvent.RoleDeleted(RoleId.of(444L)),
                new GuildEvent.MemberJoined(USER),
                new GuildEvent.MemberLeft(USER),
                new GuildEvent.MessagePosted(CHANNEL, MessageId.of(555L), USER, "hello \"world\" ✓"),
                new GuildEvent.ReactionAdded(CHANNEL, MessageId.of(555L), USER, "frolf:123"),
                new GuildEvent.TimerFired("frolf.reminder", "round-7"),
                new InteractionEvent.SlashCommand(fromCommand, INVOKER, "round", Optional.of("create"),
                        Map.of("course", "Riverside", "holes", "18")),
                new InteractionEvent.SlashCommand(fromCommand, INVOKER, "balance", Optional.empty(), Map.of()),
                new InteractionEvent.ButtonClicked(fromButton, INVOKER, "rsvp:accept:7"),
                new InteractionEvent.ModalSubmitted(fromCommand, INVOKER, "setup", Map.of("prefix", "frolf")));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyEventKindSurvivesARoundTripTaggedWithItsKind(GuildEvent event) {
        Envelope envelope = new Envelope("evt-1", GuildId.of(1_234_567_890_123L), 3,
                Instant.parse("2026-05-01T12:34:56.789Z"), event, Map.of("traceparent", "00-abc-def-01"));

        byte[] json = codec.encode(envelope);

        assertThat(codec.decode(json)).isEqualTo(envelope);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"kind\":\"" + event.kind() + "\"")
                .contains("\"guild\":\"1234567890123\"")
                .contains("\"occurredAt\":\"2026-05-01T12:34:56.789Z\"")
                .doesNotContain("dev.guildhall");
    }

    @Test
    void theRoundTripCoversEveryKindOfEvent() {
        Set<Class<?>> covered = everyKind().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = Arrays.stream(GuildEvent.class.getPermittedSubclasses())
                .flatMap(type -> type.isInterface() ? Arrays.stream(type.getPermittedSubclasses())
                        : java.util.stream.Stream.of(type))
                .collect(Collectors.toSet());
        assertThat(covered).isEqualTo(all);
    }

    @Test
    void snowflakesAboveJavaScriptsSafeIntegersKeepEveryDigit() {
        GuildId big = GuildId.of(Long.MAX_VALUE);
        Envelope envelope = new Envelope("e", big, 0, Instant.EPOCH, new GuildEvent.MemberJoined(USER), Map.of());

        assertThat(codec.decode(codec.encode(envelope)).guild()).isEqualTo(big);
    }

    @Test
    void anUnknownKindOrBrokenJsonIsRefusedClearly() {
        String unknown = "{\"id\":\"e\",\"guild\":\"1\",\"shard\":0,\"occurredAt\":\"1970-01-01T00:00:00Z\","
                + "\"event\":{\"kind\":\"java.lang.Runtime\"},\"trace\":{}}";

        assertThatThrownBy(() -> codec.decode(unknown.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an envelope");
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
