package dev.guildhall.testkit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Speaks just enough of the NATS protocol (the INFO greeting) to tell whether the server accepts clients. */
class NatsServerTest {

    @Test
    void launchedServerGreetsClientsWithJetStreamOnALoopbackPortOtherThanTheDefault() throws IOException {
        try (NatsServer nats = NatsServer.launch()) {
            assertThat(nats.port()).isNotEqualTo(4222);
            assertThat(nats.url()).isEqualTo("nats://127.0.0.1:" + nats.port());
            assertThat(greeting(nats.port())).startsWith("INFO").contains("\"jetstream\":true");
        }
    }

    @Test
    void stopAndKillTakeTheServerAwayAndStartBringsItBackOnTheSamePortAndStore() throws IOException {
        try (NatsServer nats = NatsServer.launch()) {
            int port = nats.port();
            nats.stop();
            assertThat(nats.isRunning()).isFalse();
            assertThatThrownBy(() -> greeting(port)).isInstanceOf(IOException.class);

            nats.start();
            assertThat(greeting(port)).startsWith("INFO");

            nats.kill();
            assertThat(nats.isRunning()).isFalse();
            assertThatThrownBy(() -> greeting(port)).isInstanceOf(IOException.class);

            nats.start();
            assertThat(nats.port()).isEqualTo(port);
            assertThat(greeting(port)).startsWith("INFO");
            assertThat(nats.storeDirectory()).exists();
        }
    }

    @Test
    void closeStopsTheServerAndDeletesItsDirectory() {
        NatsServer nats = NatsServer.launch();
        Path store = nats.storeDirectory();
        int port = nats.port();

        nats.close();

        assertThat(nats.isRunning()).isFalse();
        assertThat(Files.exists(store.getParent())).isFalse();
        assertThatThrownBy(() -> greeting(port)).isInstanceOf(IOException.class);
        assertThatThrownBy(nats::start).isInstanceOf(IllegalStateException.class);
    }

    private static String greeting(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null) throw new IOException("connection closed without a greeting");
            return line;
        }
    }
}
