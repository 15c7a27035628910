package dev.guildhall.discord;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.InteractionEvent;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Receives every JDA event on JDA's event thread: tracks readiness, keeps interactions answerable, and hands mapped
 * envelopes to the sink. The sink must only hand off; a slow sink would stall the shard's gateway.
 */
final class GatewayListener implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(GatewayListener.class);

    private final EventMapper mapper;
    private final PendingInteractions pending;
    private final ReadyLatch readiness;
    private final Consumer<Envelope> sink;
    private final AutoDefer autoDefer;

    GatewayListener(EventMapper mapper, PendingInteractions pending, ReadyLatch readiness, Consumer<Envelope> sink,
                    AutoDefer autoDefer) {
        this.mapper = mapper;
        this.pending = pending;
        this.autoDefer = autoDefer;
        this.readiness = readiness;
        this.sink = sink;
    }

    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            // JDA marks a shard CONNECTED just after firing READY; waiting for the status means a caller who saw
            // awaitReady return also sees isConnected()
            case StatusChangeEvent change when change.getNewStatus() == JDA.Status.CONNECTED ->
                    readiness.shardReady(change.getJDA().getShardInfo().getShardId());
            case ShutdownEvent stop -> readiness.shardStopped(stop.getJDA().getShardInfo().getShardId(),
                    "close code " + (stop.getCloseCode() == null ? "none" : stop.getCloseCode().name()));
            default -> deliver(event);
        }
    }

    private void deliver(GenericEvent event) {
        Optional<Envelope> mapped;
        try {
            mapped = mapper.map(event);
        } catch (RuntimeException e) {
            // JDA would swallow this; say which event failed so a missing envelope can be traced
            log.error("could not map {} on shard {}", event.getClass().getSimpleName(),
                    event.getJDA().getShardInfo().getShardId(), e);
            return;
        }
        if (mapped.isEmpty()) return;
        Envelope envelope = mapped.get();
        // Remember the interaction before anyone can act on the envelope, so a fast reply finds it
        if (envelope.event() instanceof InteractionEvent && event instanceof Interaction interaction) {
            pending.remember(interaction);
            autoDefer.watch(interaction);
        }
        try {
            sink.accept(envelope);
        } catch (RuntimeException e) {
            log.error("event sink rejected envelope {} of guild {}", envelope.id(), envelope.guild(), e);
        }
    }
}
