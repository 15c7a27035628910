package dev.guildhall.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import net.dv8tion.jda.api.interactions.Interaction;

import java.time.Duration;
import java.util.Optional;

/**
 * The interactions that actions may still answer, by interaction id. JDA's interaction object holds the token; it
 * stays here, and it is forgotten once Discord's token life (15 minutes) is over, so no expired secret is kept.
 */
final class PendingInteractions {
    static final Duration TOKEN_LIFE = Duration.ofMinutes(15);
    /** Bounds memory under an interaction storm; far above what one process answers in 15 minutes. */
    private static final long MAX_PENDING = 200_000;

    private final Cache<String, Interaction> pending;

    PendingInteractions(Ticker ticker) {
        this.pending = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(TOKEN_LIFE)
                .maximumSize(MAX_PENDING)
                .build();
    }

    PendingInteractions() {
        this(Ticker.systemTicker());
    }

    void remember(Interaction interaction) {
        pending.put(interaction.getId(), interaction);
    }

    Optional<Interaction> find(String interactionId) {
        return Optional.ofNullable(pending.getIfPresent(interactionId));
    }

    long size() {
        pending.cleanUp();
        return pending.estimatedSize();
    }
}
