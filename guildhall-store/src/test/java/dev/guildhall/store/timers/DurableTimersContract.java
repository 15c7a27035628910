package dev.guildhall.store.timers;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What durable timers must do on every database. A "sentinel" timer due now is the proof that the scheduler has
 * polled past a point: due timers are picked in time order, so once the sentinel fired, any other due timer has too.
 */
abstract class DurableTimersContract {
    static final Instant START = Instant.parse("2026-06-01T18:00:00Z");
    static final GuildId GUILD = GuildId.of(333_333_333_333_333_333L);
    static final GuildId OTHER_GUILD = GuildId.of(444_444_444_444_444_444L);
    static final Duration POLL = Duration.ofMillis(50);

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    protected final MovableClock clock = new MovableClock(START);
    protected StoreSettings settings;
    private int sentinels;

    protected abstract StoreSettings freshSettings();

    @BeforeEach
    void freshDatabase() {
        settings = freshSettings();
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!open.isEmpty()) open.pop().close();
    }

    protected <T extends AutoCloseable> T own(T resource) {
        open.push(resource);
        return resource;
    }

    protected DurableTimers started(Store store, Fired sink, String worker) {
        DurableTimers timers = own(DurableTimers.create(store.dataSource(), clock,
                new TimerSettings(POLL, worker), sink));
        timers.start();
        return timers;
    }

    /** Sets a timer due now and waits until it fired: everything due before it was picked by then. */
    protected void awaitPollPast(DurableTimers timers, Fired sink) {
        String key = "s" + (++sentinels);
        timers.schedule(GUILD, "test:sentinel", key, clock.instant());
        sink.awaitFired("test:sentinel", key);
    }

    @Test
    void aTimerFiresOnceWhenTheClockReachesItsTime() {
        Store store = own(Store.open(settings, clock));
        Fired fired = new Fired();
        DurableTimers timers = started(store, fired, "w1");
        Instant at = START.plus(Duration.ofHours(1));
        timers.schedule(GUILD, "frolf:reminder", "7", at);

        awaitPollPast(timers, fired);
        assertThat(fired.count("frolf:reminder", "7")).isZero();

        clock.advance(Duration.ofHours(1));
        fired.awaitFired("frolf:reminder", "7");
        awaitPollPast(timers, fired);

        assertThat(fired.count("frolf:reminder", "7")).isEqualTo(1);
        Envelope envelope = fired.all().stream().filter(e -> e.id().startsWith("timer:frolf:reminder:")).findFirst().orElseThrow();
        assertThat(envelope.id()).isEqualTo("timer:frolf:reminder:7:" + at.toEpochMilli());
        assertThat(envelope.guild()).isEqualTo(GUILD);
        assertThat(envelope.occurredAt()).isEqualTo(at);
        assertThat(envelope.event()).isEqualTo(new GuildEvent.TimerFired("frolf:reminder", "7"));
    }

    @Test
    void settingTheSameNameAndKeyAgainMovesTheTimer() {
        Store store = own(Store.open(settings, clock));
        Fired fired = new Fired();
        DurableTimers timers = started(store, fired, "w1");
        timers.schedule(GUILD, "frolf:start", "3", START.plus(Duration.ofHours(1)));
        Instant moved = START.plus(Duration.ofHours(2));
        timers.schedule(GUILD, "frolf:start", "3", moved);

        clock.advance(Duration.ofMinutes(90));
        awaitPollPast(timers, fired);
        assertThat(fired.count("frolf:start", "3")).isZero();

        clock.advance(Duration.ofMinutes(30));
        fired.awaitFired("frolf:start", "3");
        awaitPollPast(timers, fired);
        assertThat(fired.count("frolf:start", "3")).isEqualTo(1);
        assertThat(fired.all()).extracting(Envelope::id).contains("timer:frolf:start:3:" + moved.toEpochMilli());
    }

    @Test
    void aCancelledTimerNeverFiresAndCancellingNothingIsNoError() {
        Store store = own(Store.open(settings, clock));
        Fired fired = new Fired();
        DurableTimers timers = started(store, fired, "w1");
        timers.schedule(GUILD, "frolf:start", "4", START.plus(Duration.ofMinutes(10)));
        timers.schedule(OTHER_GUILD, "frolf:start", "4", START.plus(Duration.ofMinutes(10)));
        timers.cancel(GUILD, "frolf:start", "4");
        timers.cancel(GUILD, "frolf:start", "never-set");

        clock.advance(Duration.ofHours(1));
        // the other guild's timer fires; firings run in parallel, so wait for it rather than for a later poll alone
        fired.awaitFired("frolf:start", "4");
        awaitPollPast(timers, fired);
        assertThat(fired.all()).filteredOn(e -> e.event() instanceof GuildEvent.TimerFired t && t.name().equals("frolf:start"))
                .extracting(Envelope::guild).containsExactly(OTHER_GUILD);
    }

    @Test
    void aTimerSetBeforeARestartFiresExactlyOnceAfterIt() {
        Instant at = START.plus(Duration.ofHours(1));
        Fired before = new Fired();
        try (Store store = Store.open(settings, clock);
             DurableTimers timers = DurableTimers.create(store.dataSource(), clock, new TimerSettings(POLL, "w1"), before)) {
            timers.start();
            timers.schedule(GUILD, "frolf:reminder", "9", at);
            awaitPollPast(timers, before);
        }
        assertThat(before.count("frolf:reminder", "9")).isZero();

        clock.advance(Duration.ofHours(2));
        Store reopened = own(Store.open(settings, clock));
        Fired after = new Fired();
        DurableTimers timers = started(reopened, after, "w1-restarted");
        after.awaitFired("frolf:reminder", "9");
        awaitPollPast(timers, after);

        assertThat(before.count("frolf:reminder", "9")).isZero();
        assertThat(after.count("frolf:reminder", "9")).isEqualTo(1);
        assertThat(after.all()).extracting(Envelope::id).contains("timer:frolf:reminder:9:" + at.toEpochMilli());
    }

    @Test
    void aTimerAKilledProcessWasFiringFiresOnceItsPickIsReleased() throws Exception {
        Store store = own(Store.open(settings, clock));
        DurableTimers.create(store.dataSource(), clock, new TimerSettings(POLL, "w-killed"), new Fired())
                .schedule(GUILD, "frolf:reminder", "5", START);
        // what a process leaves when it is killed while firing: the timer picked by it, its heartbeat going stale
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement pick = connection.prepareStatement(
                     "UPDATE scheduled_tasks SET picked = ?, picked_by = ?, last_heartbeat = ?")) {
            pick.setBoolean(1, true);
            pick.setString(2, "w-killed");
            pick.setTimestamp(3, Timestamp.from(START));
            assertThat(pick.executeUpdate()).isEqualTo(1);
        }
        Fired unreleased = new Fired();
        try (DurableTimers timers = DurableTimers.create(store.dataSource(), clock, new TimerSettings(POLL, "w-plain"),
                unreleased)) {
            timers.start();
            awaitPollPast(timers, unreleased);
        }
        assertThat(unreleased.count("frolf:reminder", "5")).as("still picked by the killed process").isZero();

        Fired fired = new Fired();
        DurableTimers timers = own(DurableTimers.create(store.dataSource(), clock,
                new TimerSettings(POLL, "w-restarted"), fired));
        assertThat(timers.releasePicksOfStoppedProcesses()).isEqualTo(1);
        timers.start();
        fired.awaitFired("frolf:reminder", "5");
        awaitPollPast(timers, fired);

        assertThat(fired.count("frolf:reminder", "5")).isEqualTo(1);
    }

    @Test
    void aNameWithTheSeparatorIsRefused() {
        Store store = own(Store.open(settings, clock));
        DurableTimers timers = started(store, new Fired(), "w1");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> timers.schedule(GUILD, "bad|name", "1", START));
    }
}
