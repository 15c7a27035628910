package dev.guildhall.store.timers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.Timers;
import dev.guildhall.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link Timers} on db-scheduler: every timer is one instance, {@code guild|name|key}, of a single one-time task in
 * the {@code scheduled_tasks} table. A due timer is handed to the sink as a {@link GuildEvent.TimerFired} envelope and
 * then deleted; several processes on one database each poll it, and db-scheduler's optimistic pick (a versioned
 * update) lets exactly one of them fire each timer. A process that dies while firing leaves a stale heartbeat, and
 * the timer is fired again by another: the envelope id is the same, so the redelivery is recognised downstream.
 *
 * <p>Timers are set at once (also before {@link #start()}); they fire only between {@link #start()} and
 * {@link #close()}.
 */
public final class DurableTimers implements Timers, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DurableTimers.class);
    static final String TASK_NAME = "guildhall-timer";
    private static final char SEPARATOR = '|';
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private static final String RELEASE_PICKS = """
            UPDATE scheduled_tasks SET picked = ?, picked_by = NULL, last_heartbeat = NULL, version = version + 1
            WHERE task_name = ? AND picked = ?""";

    private final Scheduler scheduler;
    private final OneTimeTask<Long> task;
    private final DataSource dataSource;

    private DurableTimers(DataSource dataSource, Clock clock, TimerSettings settings, Consumer<Envelope> sink) {
        this.dataSource = dataSource;
        this.task = new OneTimeTask<>(TASK_NAME, Long.class,
                // the sink is the bus: if it refuses, try again a little later, then less and less often
                new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY)) {
            @Override
            public void executeOnce(TaskInstance<Long> instance, ExecutionContext context) {
                // the time it was set for, kept as the task's data: a retry or a revival runs later, same envelope id
                Long setFor = instance.getData();
                Instant at = setFor != null ? Instant.ofEpochMilli(setFor) : context.getExecution().executionTime;
                sink.accept(envelope(instance.getId(), at));
            }
        };
        this.scheduler = Scheduler.create(dataSource, task)
                .clock(clock::instant)
                .pollingInterval(settings.pollingInterval())
                .schedulerName(new SchedulerName.Fixed(settings.workerName()))
                .enableImmediateExecution()
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .threads(2)
                .build();
    }

    /**
     * Timers on {@code dataSource} (whose schema has {@code scheduled_tasks}), on {@code clock}'s time, delivering
     * to {@code sink}; call {@link #start()} to have them fire.
     */
    public static DurableTimers create(DataSource dataSource, Clock clock, TimerSettings settings, Consumer<Envelope> sink) {
        return new DurableTimers(dataSource, clock, settings, sink);
    }

    public void start() {
        scheduler.start();
    }

    /**
     * Makes every timer that a process picked and never finished (it was killed while firing it) pickable again, so it
     * fires at once instead of after db-scheduler's dead-execution detection, some minutes later. Only for a process
     * that alone fires this database's timers (standalone), at its start-up: where several fire them, a live process's
     * picks look the same. Returns how many it released.
     */
    public int releasePicksOfStoppedProcesses() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE_PICKS)) {
            release.setBoolean(1, false);
            release.setString(2, TASK_NAME);
            release.setBoolean(3, true);
            int released = release.executeUpdate();
            if (released > 0) log.info("{} timer(s) picked by a stopped process fire again now", released);
            return released;
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not release the timers of stopped processes", e);
        }
    }

    @Override
    public void schedule(GuildId guild, String name, String key, Instant at) {
        TaskInstance<Long> instance = task.instance(instanceId(guild, name, key), at.toEpochMilli());
        try {
            scheduler.schedule(instance, at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // it is firing right now and is deleted when done: set it again as new
            log.warn("timer {} of guild {} was moved while it fired; it fires now and not again at {}", name, guild, at);
        }
    }

    @Override
    public void cancel(GuildId guild, String name, String key) {
        try {
            scheduler.cancel(TaskInstanceId.of(TASK_NAME, instanceId(guild, name, key)));
        } catch (TaskInstanceNotFoundException e) {
            // already fired, cancelled or never set: nothing to do
        } catch (TaskInstanceCurrentlyExecutingException e) {
            log.info("timer {} of guild {} is firing now and cannot be cancelled", name, guild);
        }
    }

    @Override
    public void close() {
        scheduler.stop();
    }

    static String instanceId(GuildId guild, String name, String key) {
        if (name.isEmpty() || name.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a timer name is not empty and has no '|': " + name);
        }
        return guild.value() + String.valueOf(SEPARATOR) + name + SEPARATOR + key;
    }

    /** The envelope id names the timer and its time, so the same firing delivered twice has the same id. */
    static Envelope envelope(String instanceId, Instant at) {
        int first = instanceId.indexOf(SEPARATOR);
        int second = instanceId.indexOf(SEPARATOR, first + 1);
        if (first < 0 || second < 0) throw new IllegalStateException("not a Guildhall timer: " + instanceId);
        GuildId guild = GuildId.of(Long.parseLong(instanceId.substring(0, first)));
        String name = instanceId.substring(first + 1, second);
        String key = instanceId.substring(second + 1);
        // timers come from the database, not from a gateway shard
        return new Envelope("timer:" + name + ":" + key + ":" + at.toEpochMilli(), guild, 0, at,
                new GuildEvent.TimerFired(name, key), Map.of());
    }
}
