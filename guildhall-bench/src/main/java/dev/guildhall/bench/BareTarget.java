package dev.guildhall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.testkit.NatsServer;
import dev.guildhall.testkit.PostgresServer;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling: the hops of distributed mode with no Guildhall code. A command is a small JSON message published to a
 * JetStream stream on a guild's partition; each of N worker threads owns a partition's durable pull consumer, inserts
 * the message in one PostgreSQL transaction, publishes a reply to a second stream and acks; a "gateway" consumer
 * reads the replies and completes the waiting command.
 */
final class BareTarget implements BenchTarget {
    private static final String IN_STREAM = "bench_in";
    private static final String OUT_STREAM = "bench_out";
    private static final String IN_SUBJECT = "bench.in.";
    private static final String OUT_SUBJECT = "bench.out";
    static final Duration POLL = Duration.ofMillis(250);

    private final ObjectMapper json = new ObjectMapper();
    private final NatsServer nats;
    private final PostgresServer postgres;
    private final Connection gateway;
    private final JetStream jetStream;
    private final int partitions;
    private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    /** Ids run on across the warm-up and the measured run: each is a row's primary key. */
    private final AtomicLong ids = new AtomicLong();
    private final List<BareWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private BareTarget(NatsServer nats, PostgresServer postgres, int partitions) throws IOException, InterruptedException {
        this.nats = nats;
        this.postgres = postgres;
        this.partitions = partitions;
        this.gateway = Nats.connect(nats.url());
        this.jetStream = gateway.jetStream();
    }

    static BareTarget open(BenchPlan plan, PrintWriter progress) {
        NatsServer nats = NatsServer.launch();
        PostgresServer postgres = null;
        BareTarget target = null;
        try {
            postgres = PostgresServer.launch();
            target = new BareTarget(nats, postgres, plan.workers());
            target.start();
            progress.printf("  nats-server, PostgreSQL and %d worker threads ready%n", plan.workers());
            return target;
        } catch (Exception e) {
            if (target != null) {
                target.close();
            } else {
                if (postgres != null) postgres.close();
                nats.close();
            }
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            if (e instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException("the bare pipeline did not start: " + e, e);
        }
    }

    private void start() throws IOException, JetStreamApiException, SQLException, InterruptedException {
        JetStreamManagement management = gateway.jetStreamManagement();
        management.addStream(StreamConfiguration.builder().name(IN_STREAM).subjects(IN_SUBJECT + "*")
                .storageType(StorageType.File).build());
        management.addStream(StreamConfiguration.builder().name(OUT_STREAM).subjects(OUT_SUBJECT)
                .storageType(StorageType.File).build());
        for (int p = 0; p < partitions; p++) {
            management.addOrUpdateConsumer(IN_STREAM, ConsumerConfiguration.builder().durable("worker_p" + p)
                    .filterSubject(IN_SUBJECT + p).ackPolicy(AckPolicy.Explicit).build());
        }
        management.addOrUpdateConsumer(OUT_STREAM, ConsumerConfiguration.builder().durable("gateway")
                .ackPolicy(AckPolicy.Explicit).build());
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_event (id BIGINT PRIMARY KEY, guild_id BIGINT NOT NULL, "
                    + "payload TEXT NOT NULL, received_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        for (int p = 0; p < partitions; p++) {
            BareWorker worker = new BareWorker(Nats.connect(nats.url()),
                    DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password()),
                    IN_STREAM, "worker_p" + p, OUT_SUBJECT, json);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("bare-worker-" + p).start(worker));
        }
        threads.add(Thread.ofPlatform().name("bare-gateway").start(this::readReplies));
    }

    /** The gateway side: each reply completes its command. */
    private void readReplies() {
        try {
            ConsumerContext context = gateway.getConsumerContext(OUT_STREAM, "gateway");
            try (IterableConsumer replies = context.iterate()) {
                while (running) {
                    Message reply = replies.nextMessage(POLL);
                    if (reply == null) continue;
                    long id = json.readTree(reply.getData()).path("id").asLong();
                    reply.ack();
                    CompletableFuture<Void> waiting = pending.remove(id);
                    if (waiting != null) waiting.complete(null);
                }
                replies.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running) pending.values().forEach(waiting -> waiting.completeExceptionally(e));
        }
    }

    @Override
    public Outcome send(int index, int guild, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            JsonNode command = json.createObjectNode().put("id", id).put("guild_id", guild)
                    .put("command", EmulatedDiscord.COMMAND);
            jetStream.publish(IN_SUBJECT + (guild % partitions), json.writeValueAsBytes(command));
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome.Answered(false);
        } catch (TimeoutException e) {
            return new Outcome.TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted");
        } catch (ExecutionException e) {
            return new Outcome.Failed(e.getCause().toString());
        } catch (IOException | JetStreamApiException e) {
            return new Outcome.Failed("publish failed: " + e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        running = false;
        workers.forEach(BareWorker::stop);
        for (Thread thread : threads) {
            try {
                thread.join(POLL.multipliedBy(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.forEach(BareWorker::close);
        try {
            gateway.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            postgres.close();
            nats.close();
        }
    }
}
