package dev.guildhall.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.components.ComponentInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Discord drops an interaction that gets no first answer within 3 seconds. A handler that needs longer (a database
 * write, a slow REST call) would lose it, so an interaction still unanswered after {@code after} is deferred here:
 * a button click with {@code deferEdit} (its message stays as it is), a command or a modal submit with a
 * non-ephemeral {@code deferReply} (whether the final answer is ephemeral is not known yet; an ephemeral one then
 * replaces the public deferral, see {@link Deferral#WITHDRAWN}).
 *
 * <p>The deferral and a handler's own answer can race; both go through {@link #answer}, which holds a per-interaction
 * gate while deciding and only starts the request, so exactly one of them is the first answer.
 */
final class AutoDefer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AutoDefer.class);

    /** How an interaction was answered by the deferral, which decides how a later answer is sent. */
    enum Deferral {
        NONE,
        /** A public "thinking" original response. */
        REPLY,
        /** A button's message, left as it is. */
        EDIT,
        /** The public deferral was deleted to make way for an ephemeral answer: later answers are follow-ups. */
        WITHDRAWN
    }

    private final Duration after;
    private final ScheduledExecutorService timer;
    private final Cache<String, Gate> gates = Caffeine.newBuilder()
            .expireAfterWrite(PendingInteractions.TOKEN_LIFE)
            .maximumSize(200_000)
            .build();

    AutoDefer(Duration after) {
        this.after = after;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("guildhall-auto-defer").daemon().factory());
        executor.setRemoveOnCancelPolicy(true);
        this.timer = Executors.unconfigurableScheduledExecutorService(executor);
    }

    /** Starts the clock for an interaction that has just arrived. */
    void watch(Interaction interaction) {
        if (!(interaction instanceof IReplyCallback)) return;
        timer.schedule(() -> deferIfUnanswered(interaction), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void deferIfUnanswered(Interaction interaction) {
        Gate gate = gate(interaction.getId());
        synchronized (gate) {
            if (interaction.isAcknowledged()) return;
            if (interaction instanceof ComponentInteraction component) {
                gate.deferral = Deferral.EDIT;
                component.deferEdit().queue(ok -> {}, failure -> failed(interaction, failure));
            } else if (interaction instanceof IReplyCallback callback) {
                gate.deferral = Deferral.REPLY;
                callback.deferReply(false).queue(ok -> {}, failure -> failed(interaction, failure));
            }
        }
    }

    private static void failed(Interaction interaction, Throwable failure) {
        // the id only: the token must not reach logs
        log.warn("could not defer interaction {} ({}): {}", interaction.getId(), interaction.getType(),
                failure.getClass().getSimpleName());
    }

    /**
     * Starts an answer to the interaction under its gate; {@code send} learns whether (and how) the interaction was
     * deferred and must only start its request (RestAction#submit), never wait for it.
     */
    CompletableFuture<?> answer(String interactionId, Function<Deferral, CompletableFuture<?>> send) {
        Gate gate = gate(interactionId);
        synchronized (gate) {
            return send.apply(gate.deferral);
        }
    }

    /** Called by an answer, under the gate, that deletes the public deferral. */
    void withdrawn(String interactionId) {
        Gate gate = gate(interactionId);
        synchronized (gate) {
            gate.deferral = Deferral.WITHDRAWN;
        }
    }

    private Gate gate(String interactionId) {
        return gates.get(interactionId, id -> new Gate());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Gate {
        private Deferral deferral = Deferral.NONE;
    }
}
