package dev.guildhall.core.dispatch;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A module sees only the event kinds it declares, and only its own timers. */
class ModuleEventsTest {
    private static final GuildEvent MESSAGE = new GuildEvent.MessagePosted(ChannelId.of(1), MessageId.of(2),
            UserId.of(3), "hello");

    private static GuildModule module(String id, Set<Class<? extends GuildEvent>> events) {
        return new GuildModule() {
            @Override public String id() { return id; }
            @Override public String description() { return id; }
            @Override public String version() { return "1"; }
            @Override public List<CommandSpec> commands() { return List.of(); }
            @Override public Set<Class<? extends GuildEvent>> events() { return events; }
            @Override public void handle(ModuleContext context, GuildEvent event) { }
        };
    }

    @Test
    void aModuleGetsOnlyTheKindsItDeclaresAndByDefaultEvery() {
        GuildModule quiet = module("quiet", Set.of());
        GuildModule reactions = module("reactions", Set.of(GuildEvent.ReactionAdded.class));
        GuildModule everything = module("everything", Set.of(GuildEvent.class));

        assertThat(Dispatcher.wants(quiet, MESSAGE)).isFalse();
        assertThat(Dispatcher.wants(reactions, MESSAGE)).isFalse();
        assertThat(Dispatcher.wants(everything, MESSAGE)).isTrue();
        assertThat(Dispatcher.wants(reactions, new GuildEvent.ReactionAdded(ChannelId.of(1), MessageId.of(2),
                UserId.of(3), "🥏"))).isTrue();
    }

    @Test
    void aTimerReachesOnlyTheModuleWhoseIdItsNameStartsWith() {
        GuildModule club = module("club", Set.of(GuildEvent.TimerFired.class));
        GuildModule clubhouse = module("clubhouse", Set.of(GuildEvent.class));

        assertThat(Dispatcher.wants(club, new GuildEvent.TimerFired("club:reminder", "1"))).isTrue();
        assertThat(Dispatcher.wants(club, new GuildEvent.TimerFired("club", "1"))).isTrue();
        assertThat(Dispatcher.wants(clubhouse, new GuildEvent.TimerFired("club:reminder", "1"))).isFalse();
        assertThat(Dispatcher.wants(club, new GuildEvent.TimerFired("clubhouse:x", "1"))).isFalse();
    }
}
