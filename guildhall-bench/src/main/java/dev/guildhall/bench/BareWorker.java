package dev.guildhall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One worker of the bare pipeline, on a thread of its own: takes its partition's messages one at a time, inserts each
 * in a transaction, publishes the reply and acks, like a Guildhall worker without any of Guildhall.
 */
final class BareWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BareWorker.class);

    private final Connection nats;
    private final java.sql.Connection database;
    private final String stream;
    private final String consumer;
    private final String replySubject;
    private final ObjectMapper json;
    private volatile boolean running = true;

    BareWorker(Connection nats, java.sql.Connection database, String stream, String consumer, String replySubject,
               ObjectMapper json) throws SQLException {
        this.nats = nats;
        this.database = database;
        this.stream = stream;
        this.consumer = consumer;
        this.replySubject = replySubject;
        this.json = json;
        database.setAutoCommit(false);
    }

    @Override
    public void run() {
        try {
            JetStream jetStream = nats.jetStream();
            ConsumerContext context = nats.getConsumerContext(stream, consumer);
            try (IterableConsumer messages = context.iterate();
                 PreparedStatement insert = database.prepareStatement(
                         "INSERT INTO bench_event (id, guild_id, payload) VALUES (?, ?, ?)")) {
                while (running) {
                    Message message = messages.nextMessage(BareTarget.POLL);
                    if (message == null) continue;
                    JsonNode command = json.readTree(message.getData());
                    long id = command.path("id").asLong();
                    insert.setLong(1, id);
                    insert.setLong(2, command.path("guild_id").asLong());
                    insert.setString(3, new String(message.getData(), StandardCharsets.UTF_8));
                    insert.executeUpdate();
                    database.commit();
                    jetStream.publish(replySubject, json.writeValueAsBytes(json.createObjectNode().put("id", id)));
                    message.ack();
                }
                messages.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the commands it held time out, and the figures show it
            if (running) log.error("{} stopped", consumer, e);
        }
    }

    void stop() {
        running = false;
    }

    void close() {
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            database.close();
        } catch (SQLException e) {
            // a throwaway database going away with the run
        }
    }
}
