package dev.guildhall.app;

import dev.guildhall.bus.nats.ActionCodec;
import dev.guildhall.bus.nats.OutboundAction;
import dev.guildhall.bus.nats.RemoteDiscord;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.port.Bus;
import dev.guildhall.store.ledger.EnvelopeLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;


/**
 * A worker's handling of one envelope, exactly once in effect. The modules run inside one database transaction that
 * also records the envelope's id and the actions they produced; actions whose result a module needs went to the
 * gateway during the run, under ids derived from the envelope's, so a re-run gets the same answers. Only after the
 * commit are the other actions published. A redelivered envelope that was already committed runs nothing and
 * publishes its stored actions again under the same ids, which the gateway executes at most once.
 */
final class ExactlyOnceHandler implements Bus.EnvelopeHandler {
    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceHandler.class);

    private final EnvelopeLedger ledger;
    private final RemoteDiscord discord;
    private final Dispatcher dispatcher;
    private final DatabaseBreaker breaker;
    private final ActionCodec codec = new ActionCodec();

    ExactlyOnceHandler(EnvelopeLedger ledger, RemoteDiscord discord, Dispatcher dispatcher, DatabaseBreaker breaker) {
        this.ledger = ledger;
        this.discord = discord;
        this.dispatcher = dispatcher;
        this.breaker = breaker;
    }

    @Override
    public void handle(Envelope envelope) throws Exception {
        EnvelopeLedger.Outcome outcome = breaker.call(() -> ledger.process(envelope.guild(), envelope.id(), () -> {
            try (RemoteDiscord.Batch batch = discord.begin(envelope)) {
                dispatcher.dispatch(envelope);
                return batch.actions().stream().map(this::store).toList();
            }
        }));
        if (!outcome.handledNow()) {
            log.info("envelope {} of guild {} was handled before; publishing its {} stored action(s) again",
                    envelope.id(), envelope.guild(), outcome.actions().size());
        }
        discord.publish(envelope.guild(), outcome.actions().stream().map(this::restore).toList());
    }

    private String store(OutboundAction action) {
        return new String(codec.encode(action), StandardCharsets.UTF_8);
    }

    private OutboundAction restore(String stored) {
        return codec.decodeOutbound(stored.getBytes(StandardCharsets.UTF_8));
    }
}
