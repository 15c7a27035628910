package dev.guildhall.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Routes every gateway DISPATCH to the session of the guild's shard (events without a guild go to shard 0) and keeps
 * the emulator-wide event log that tests wait on. {@link World} calls it while holding its lock, so the log order is
 * the order of the state changes.
 */
final class Dispatcher {
    private static final int LOG_LIMIT = 50_000;

    private final ObjectMapper json;
    private final List<GatewaySession> sessions = new CopyOnWriteArrayList<>();
    private final List<DispatchedEvent> log = new ArrayList<>();
    private long seq;

    Dispatcher(ObjectMapper json) {
        this.json = json;
    }

    void dispatch(String type, Long guildId, ObjectNode data) {
        int shard = 0;
        for (GatewaySession session : sessions) {
            if (session.handles(guildId)) {
                session.dispatch(this::frame, type, data);
                shard = session.shardId;
            }
        }
        if (guildId != null && shard == 0) {
            shard = sessions.stream().filter(GatewaySession::connected).findFirst()
                    .map(s -> Snowflakes.shardOf(guildId, s.shardTotal)).orElse(0);
        }
        synchronized (this) {
            seq++;
            log.add(new DispatchedEvent(seq, type, Optional.ofNullable(guildId), shard, data.deepCopy()));
            if (log.size() > LOG_LIMIT) {
                log.subList(0, log.size() - LOG_LIMIT).clear();
            }
            notifyAll();
        }
    }

    /** Sends a dispatch to one session only (READY and the initial GUILD_CREATEs); logged like any other. */
    void dispatchTo(GatewaySession session, String type, Long guildId, ObjectNode data) {
        session.dispatch(this::frame, type, data);
        synchronized (this) {
            seq++;
            log.add(new DispatchedEvent(seq, type, Optional.ofNullable(guildId), session.shardId, data.deepCopy()));
            notifyAll();
        }
    }

    String frame(String type, long sessionSeq, Object data) {
        ObjectNode frame = json.createObjectNode();
        frame.put("op", 0);
        frame.put("t", type);
        frame.put("s", sessionSeq);
        frame.set("d", (JsonNode) data);
        return frame.toString();
    }

    void register(GatewaySession session) {
        // a new identify for a shard replaces a dropped session of that shard: its events are no longer wanted
        sessions.removeIf(old -> {
            boolean stale = old.shardId == session.shardId && old.shardTotal == session.shardTotal && !old.connected();
            if (stale) {
                old.closeForGood();
            }
            return stale;
        });
        sessions.add(session);
    }

    Optional<GatewaySession> session(String sessionId) {
        return sessions.stream().filter(s -> s.sessionId.equals(sessionId)).findFirst();
    }

    List<GatewaySession> sessions() {
        return List.copyOf(sessions);
    }

    void closeAll() {
        sessions.forEach(GatewaySession::closeForGood);
        sessions.clear();
    }

    synchronized List<DispatchedEvent> events() {
        return List.copyOf(log);
    }

    synchronized List<DispatchedEvent> eventsAfter(long after) {
        return log.stream().filter(e -> e.seq() > after).toList();
    }

    synchronized DispatchedEvent await(Predicate<DispatchedEvent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < log.size(); checked++) {
                if (match.test(log.get(checked))) {
                    return log.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no matching gateway event within " + timeout);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a gateway event", e);
            }
        }
    }
}
