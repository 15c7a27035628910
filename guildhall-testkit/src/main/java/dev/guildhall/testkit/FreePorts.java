package dev.guildhall.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks TCP ports on the loopback interface that are free at the time of the call. A port can still be taken by
 * someone else before it is bound; servers that can bind port 0 themselves should prefer that.
 */
public final class FreePorts {
    private FreePorts() {}

    /** One loopback port that nothing listens on right now. */
    public static int next() {
        return next(1)[0];
    }

    /** {@code count} distinct loopback ports: every socket stays open until all are chosen, so none repeats. */
    public static int[] next(int count) {
        if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port was only probed; failing to close the probe changes nothing for the caller
                }
            }
        }
    }
}
