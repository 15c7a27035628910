package dev.guildhall.emulator;

import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One identified gateway session (one shard). Survives a dropped socket so that RESUME can replay what was missed;
 * frames go out through one thread per session so they keep their order without blocking the sender.
 */
final class GatewaySession {
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);
    private static final int REPLAY_LIMIT = 2_000;

    record Sent(long seq, String frame) {}

    final String sessionId;
    final int shardId;
    final int shardTotal;
    private final ExecutorService out = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("gateway-out-", 0).factory());
    private final Deque<Sent> replay = new ArrayDeque<>();
    private long seq;
    private WsContext socket;
    private boolean closed;

    GatewaySession(String sessionId, int shardId, int shardTotal, WsContext socket) {
        this.sessionId = sessionId;
        this.shardId = shardId;
        this.shardTotal = shardTotal;
        this.socket = socket;
    }

    boolean handles(Long guildId) {
        return guildId == null ? shardId == 0 : Snowflakes.shardOf(guildId, shardTotal) == shardId;
    }

    /** Numbers a dispatch, keeps it for RESUME and sends it if the socket is attached. */
    synchronized void dispatch(FrameWriter writer, String type, Object data) {
        if (closed) {
            return;
        }
        seq++;
        String frame = writer.dispatch(type, seq, data);
        replay.addLast(new Sent(seq, frame));
        if (replay.size() > REPLAY_LIMIT) {
            replay.removeFirst();
        }
        sendRaw(frame);
    }

    synchronized void sendRaw(String frame) {
        WsContext target = socket;
        if (target == null || closed) {
            return;
        }
        out.execute(() -> {
            try {
                if (target.session.isOpen()) {
                    target.send(frame);
                }
            } catch (RuntimeException e) {
                LOG.debug("gateway frame not delivered to session of shard {}: {}", shardId, e.toString());
            }
        });
    }

    /** Re-attaches a socket; false if events after {@code lastSeq} are no longer all kept. */
    synchronized boolean resume(WsContext newSocket, long lastSeq) {
        if (closed || lastSeq > seq || (!replay.isEmpty() && replay.peekFirst().seq() > lastSeq + 1)) {
            return false;
        }
        socket = newSocket;
        for (Sent sent : replay) {
            if (sent.seq() > lastSeq) {
                sendRaw(sent.frame());
            }
        }
        return true;
    }

    synchronized boolean attachedTo(WsContext ctx) {
        return socket != null && socket.sessionId().equals(ctx.sessionId());
    }

    synchronized boolean connected() {
        return socket != null && !closed;
    }

    synchronized void detach() {
        socket = null;
    }

    synchronized long seq() {
        return seq;
    }

    synchronized void closeForGood() {
        closed = true;
        socket = null;
        out.shutdown();
    }

    void awaitDrained() throws InterruptedException {
        out.shutdown();
        out.awaitTermination(2, TimeUnit.SECONDS);
    }

    /** Serializes a dispatch frame. */
    interface FrameWriter {
        String dispatch(String type, long seq, Object data);
    }
}
