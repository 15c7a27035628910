package dev.guildhall.app;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.port.DiscordPort;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's overflow policy: what happens to an event dropped because the buffer is full. */
class GatewayOverflowTest {
    private static final GuildId GUILD = GuildId.of(4194304L);

    private final List<Action> sent = new CopyOnWriteArrayList<>();
    private final DiscordPort discord = new DiscordPort() {
        @Override
        public ActionResult execute(Action action) {
            sent.add(action);
            return ActionResult.NONE;
        }

        @Override
        public Optional<GuildSnapshot> guild(GuildId guild) {
            return Optional.empty();
        }
    };

    @Test
    void aDroppedInteractionIsToldEphemerallyToTryAgain() throws InterruptedException {
        InteractionRef interaction = new InteractionRef("9001", ChannelId.of(5L), Optional.empty());
        Envelope dropped = new Envelope("9001", GUILD, 0, Instant.EPOCH, new InteractionEvent.SlashCommand(interaction,
                new Invoker(UserId.of(7L), "alice", Set.of(), false), "leaderboard", Optional.empty(), Map.of()), Map.of());

        Gateway.answerBusy(discord, dropped).orElseThrow().join();

        assertThat(sent).singleElement().isInstanceOfSatisfying(Action.Reply.class, reply -> {
            assertThat(reply.interaction()).isEqualTo(interaction);
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("try again");
        });
    }

    @Test
    void aDroppedGatewayEventOnlyCounts() {
        Envelope dropped = new Envelope("left", GUILD, 0, Instant.EPOCH, new GuildEvent.GuildLeft(), Map.of());

        assertThat(Gateway.answerBusy(discord, dropped)).isEmpty();
        assertThat(sent).isEmpty();
    }
}
