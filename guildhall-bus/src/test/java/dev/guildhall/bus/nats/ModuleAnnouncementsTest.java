package dev.guildhall.bus.nats;

import dev.guildhall.bus.nats.ModuleAnnouncements.Change;
import dev.guildhall.bus.nats.ModuleAnnouncements.Kind;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two workers (two connections) of one environment: each hears the other's plugin changes, never its own. */
class ModuleAnnouncementsTest {
    private static NatsServer nats;

    private Connection first;
    private Connection second;

    @BeforeAll
    static void startNats() {
        nats = NatsServer.launch();
    }

    @AfterAll
    static void stopNats() {
        if (nats != null) nats.close();
    }

    @BeforeEach
    void connect() throws Exception {
        first = Nats.connect(nats.url());
        second = Nats.connect(nats.url());
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        first.close();
        second.close();
    }

    @Test
    void aChangeReachesTheOtherWorkersButNotTheAnnouncer() {
        List<Change> seenHere = new CopyOnWriteArrayList<>();
        List<Change> seenThere = new CopyOnWriteArrayList<>();
        List<Change> otherEnvironment = new CopyOnWriteArrayList<>();
        try (ModuleAnnouncements here = ModuleAnnouncements.start(first, "mods1", seenHere::add);
             ModuleAnnouncements there = ModuleAnnouncements.start(second, "mods1", seenThere::add);
             ModuleAnnouncements elsewhere = ModuleAnnouncements.start(second, "mods9", otherEnvironment::add)) {
            here.announce(new Change(Kind.LOAD, "poll", "1.0.0"));
            here.announce(new Change(Kind.RELOAD, "poll", "2.0.0"));
            there.announce(new Change(Kind.UNLOAD, "poll", "2.0.0"));

            Eventually.await("the worker that was not asked heard both", () -> seenThere.size() == 2);
            Eventually.await("the asked worker heard the other's", () -> seenHere.size() == 1);
        }
        assertThat(seenThere).containsExactly(new Change(Kind.LOAD, "poll", "1.0.0"),
                new Change(Kind.RELOAD, "poll", "2.0.0"));
        assertThat(seenHere).containsExactly(new Change(Kind.UNLOAD, "poll", "2.0.0"));
        assertThat(otherEnvironment).isEmpty();
    }

    @Test
    void malformedMessagesAndFailingCallbacksDoNotStopLaterChanges() {
        List<Change> seen = new CopyOnWriteArrayList<>();
        try (ModuleAnnouncements listener = ModuleAnnouncements.start(second, "mods2", change -> {
            seen.add(change);
            if (change.plugin().equals("broken")) throw new IllegalStateException("the jar is having a bad day");
        }); ModuleAnnouncements announcer = ModuleAnnouncements.start(first, "mods2", change -> {})) {
            first.publish("gh.mods2.modules", "not a change".getBytes(StandardCharsets.UTF_8));
            first.publish("gh.mods2.modules", "someone explode poll 1.0.0".getBytes(StandardCharsets.UTF_8));
            announcer.announce(new Change(Kind.LOAD, "broken", "1.0.0"));
            announcer.announce(new Change(Kind.LOAD, "poll", "1.0.0"));

            Eventually.await("the later change arrived", () -> seen.size() == 2);
        }
        assertThat(seen).extracting(Change::plugin).containsExactly("broken", "poll");
    }

    @Test
    void aNameOrVersionWithASpaceCannotBeAnnounced() {
        assertThatThrownBy(() -> new Change(Kind.LOAD, "my poll", "1.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Change(Kind.LOAD, "poll", "1.0 beta")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ModuleAnnouncements.parse("origin reload poll 2.0.0"))
                .contains(new Change(Kind.RELOAD, "poll", "2.0.0"));
    }
}
