package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.emulator.EmulatorControl;
import dev.guildhall.emulator.InteractionOutcome;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/** Acts in the emulator as the guild's people do, and reads what the bot left there; shared by the harnesses. */
abstract class EmulatorDriver {
    static final Duration WAIT = Duration.ofSeconds(20);

    abstract EmulatorControl control();

    /** A guild with an owner (Administrator) and one plain member, the bot not yet in it. */
    TestGuild newGuild(String name) {
        JsonNode guild = control().createGuild(name, "owner");
        long id = guild.get("id").asLong();
        long owner = guild.get("owner_id").asLong();
        long general = guild.get("channels").get(0).get("id").asLong();
        long member = control().addMember(id, "member", false, List.of());
        return new TestGuild(id, owner, member, general);
    }

    record TestGuild(long id, long owner, long member, long general) {
        GuildId guildId() {
            return GuildId.of(id);
        }
    }

    List<String> commandNames(TestGuild guild) {
        return control().commands(OptionalLong.of(guild.id())).stream().map(c -> c.get("name").asText()).sorted().toList();
    }

    List<String> channelNames(TestGuild guild) {
        return names(control().guild(guild.id()).get("channels"));
    }

    List<String> roleNames(TestGuild guild) {
        return names(control().guild(guild.id()).get("roles"));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("name").asText()).sorted().toList();
    }

    InteractionOutcome command(TestGuild guild, long user, String command) {
        return control().invokeCommand(guild.id(), guild.general(), user, command, Map.of(), WAIT);
    }

    InteractionOutcome submitSetup(TestGuild guild, long user, String prefix) {
        return control().submitModal(guild.id(), guild.general(), user, "setup:form", Map.of(
                "prefix", prefix, "roles", "Frolf Player, Frolf Editor, Frolf Admin"), WAIT);
    }

    /** Opens the setup modal as the owner and submits it. */
    InteractionOutcome setUp(TestGuild guild, String prefix) {
        InteractionOutcome modal = command(guild, guild.owner(), "setup");
        if (modal.response().map(r -> r.get("type").asInt()).orElse(0) != 9) {
            throw new AssertionError("expected the setup modal, got " + modal);
        }
        return submitSetup(guild, guild.owner(), prefix);
    }

    static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError("still not as expected after " + WAIT + ": " + last);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }

}
