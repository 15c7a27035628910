package dev.guildhall.app;

import dev.guildhall.bus.BufferedPublisher;
import dev.guildhall.bus.nats.ActionRelay;
import dev.guildhall.bus.nats.ActionSettings;
import dev.guildhall.bus.nats.JetStreamBus;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.discord.DiscordConnection;
import dev.guildhall.web.Metrics;
import dev.guildhall.web.ReadinessCheck;
import dev.guildhall.web.WebServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gateway mode: holds the Discord connection, runs no module logic. Each Discord event becomes an envelope that goes
 * through a bounded buffer to JetStream (so a short NATS outage loses nothing), and the workers' actions come back over
 * NATS and are executed here, each action id at most once.
 *
 * <p>Overflow policy: when the buffer is full (NATS down for long), new events are dropped and counted; an interaction
 * among them is answered at once with an ephemeral "busy" message, so its user is told rather than left waiting.
 */
public final class Gateway implements Running {
    static final String BUSY = "Guildhall is catching up after an outage and could not take this just now. "
            + "Please try again in a minute.";
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final Resources resources = new Resources();
    private final DiscordConnection discord;
    private final WebServer web;

    private Gateway(AppConfig config) {
        if (config.discord().token().isEmpty()) {
            throw new ConfigException("DISCORD_TOKEN", "not set, and a gateway connects to Discord with the bot's token");
        }
        try {
            PrometheusMeterRegistry metrics = Metrics.newRegistry();
            resources.own(metrics::close);
            JetStreamBus bus = resources.own(JetStreamBus.start(Distributed.busSettings(config)));
            AtomicReference<DiscordConnection> connection = new AtomicReference<>();
            BufferedPublisher buffer = resources.own(BufferedPublisher.start(bus::publish,
                    config.bus().gatewayBuffer(), dropped -> {
                        DiscordConnection discordConnection = connection.get();
                        if (discordConnection != null) answerBusy(discordConnection.port(), dropped);
                    }));
            bindBufferMetrics(metrics, buffer);
            GuildFilter filter = new GuildFilter(config.discord().devGuild());
            discord = resources.own(DiscordConnection.connect(
                    Standalone.settingsFor(config).withAutoDefer(config.bus().interactionDeferAfter()), envelope -> {
                        if (filter.accepts(envelope)) buffer.offer(envelope);
                    }));
            connection.set(discord);
            ActionRelay relay = resources.own(ActionRelay.start(bus.connection(),
                    ActionSettings.of(config.environment(), config.discord().shards()), discord.port()));
            bindRelayMetrics(metrics, relay);
            web = resources.own(WebServer.start(config.web(), metrics, List.of(
                    ReadinessCheck.of("discord", () -> discord.isConnected() ? Optional.empty()
                            : Optional.of("not connected to Discord")),
                    ReadinessCheck.of("nats", () -> bus.isConnected() ? Optional.empty()
                            : Optional.of("not connected to NATS at " + config.bus().natsAddress())))));
            log.info("gateway started (environment {}, buffer {} envelopes)", config.environment(),
                    config.bus().gatewayBuffer());
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    public static Gateway start(AppConfig config) {
        return new Gateway(config);
    }

    /**
     * The overflow policy's answer: a dropped interaction is told, ephemerally, to try again; other dropped events
     * only count. Off the caller's thread: the overflow is noticed on Discord's event thread, which must not wait on
     * REST. Returns the answering thread, if any.
     */
    static Optional<Thread> answerBusy(DiscordPort discord, Envelope dropped) {
        if (!(dropped.event() instanceof InteractionEvent interaction)) return Optional.empty();
        return Optional.of(Thread.ofVirtual().start(() -> {
            try {
                discord.execute(new Action.Reply(dropped.guild(), interaction.interaction(),
                        MessageContent.text(BUSY), true));
            } catch (RuntimeException e) {
                log.warn("could not tell guild {} that the gateway is busy: {}", dropped.guild(), e.getMessage());
            }
        }));
    }

    private static void bindBufferMetrics(MeterRegistry metrics, BufferedPublisher buffer) {
        Gauge.builder("guildhall.gateway.buffer.envelopes", buffer, BufferedPublisher::size)
                .description("Envelopes waiting in the gateway for NATS").register(metrics);
        Gauge.builder("guildhall.gateway.buffer.capacity", buffer, BufferedPublisher::capacity)
                .description("How many envelopes the gateway holds while NATS is unreachable").register(metrics);
        FunctionCounter.builder("guildhall.gateway.buffer.dropped", buffer, BufferedPublisher::dropped)
                .description("Events dropped because the gateway buffer was full").register(metrics);
        FunctionCounter.builder("guildhall.gateway.published", buffer, BufferedPublisher::published)
                .description("Envelopes stored in JetStream by this gateway").register(metrics);
    }

    private static void bindRelayMetrics(MeterRegistry metrics, ActionRelay relay) {
        FunctionCounter.builder("guildhall.actions.executed", relay, ActionRelay::executed)
                .description("Actions executed against Discord").register(metrics);
        FunctionCounter.builder("guildhall.actions.deduplicated", relay, ActionRelay::deduplicated)
                .description("Actions not executed again because their id was already executed").register(metrics);
        FunctionCounter.builder("guildhall.actions.failed", relay, ActionRelay::failed)
                .description("Actions that failed for good").register(metrics);
    }

    public DiscordConnection discord() {
        return discord;
    }

    @Override
    public int webPort() {
        return web.port();
    }

    @Override
    public void close() {
        resources.close();
    }
}
