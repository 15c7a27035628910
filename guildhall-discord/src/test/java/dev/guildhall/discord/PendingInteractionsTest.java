package dev.guildhall.discord;

import net.dv8tion.jda.api.interactions.Interaction;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PendingInteractionsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final PendingInteractions pending = new PendingInteractions(nanos::get);

    @Test
    void aRememberedInteractionIsFoundByItsId() {
        Interaction interaction = interaction(1001L);
        pending.remember(interaction);

        assertThat(pending.find("1001")).containsSame(interaction);
        assertThat(pending.find("1002")).isEmpty();
    }

    @Test
    void anInteractionIsForgottenWhenItsTokenExpiresAfterFifteenMinutes() {
        pending.remember(interaction(1001L));

        advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(pending.find("1001")).isPresent();

        advance(Duration.ofSeconds(2));
        assertThat(pending.find("1001")).isEmpty();
        assertThat(pending.size()).isZero();
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** Only the id matters to the cache; the rest of JDA's interaction is never touched. */
    private static Interaction interaction(long id) {
        return (Interaction) Proxy.newProxyInstance(Interaction.class.getClassLoader(), new Class<?>[]{Interaction.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getIdLong" -> id;
                    case "getId" -> Long.toUnsignedString(id);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
