package dev.guildhall.app;

import dev.guildhall.core.port.HandlerUnavailable;
import dev.guildhall.store.StoreFailures;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The circuit breaker around a worker's database. When calls fail because the database cannot be reached, it opens,
 * and the worker answers the bus with {@link HandlerUnavailable}: the bus then holds the envelope and pauses instead of
 * burning its deliveries, and after {@code openFor} a single probe decides whether to close again. Failures of any
 * other kind (a bug, a bad request to Discord) say nothing about the database and count as successful calls.
 *
 * <p>Metrics: Resilience4j's {@code resilience4j_circuitbreaker_state{name="database"}} and
 * {@code guildhall_database_breaker_transitions_total{to=...}}.
 */
final class DatabaseBreaker {
    static final String NAME = "database";
    static final String TRANSITIONS = "guildhall.database.breaker.transitions";
    private static final Logger log = LoggerFactory.getLogger(DatabaseBreaker.class);

    private final CircuitBreaker breaker;

    private DatabaseBreaker(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    static DatabaseBreaker create(MeterRegistry metrics, Duration openFor) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(StoreFailures::isUnavailable)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        CircuitBreaker breaker = registry.circuitBreaker(NAME);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(metrics);
        // registered up front, so that a dashboard or an alert sees 0 rather than no series before the first outage
        for (CircuitBreaker.State state : List.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN,
                CircuitBreaker.State.CLOSED)) {
            transitions(metrics, state);
        }
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            transitions(metrics, to).increment();
            if (to == CircuitBreaker.State.OPEN) {
                log.warn("database unreachable: circuit breaker open, consumption paused for {}", openFor);
            } else {
                log.info("database circuit breaker {}", to.name().toLowerCase(Locale.ROOT));
            }
        });
        return new DatabaseBreaker(breaker);
    }

    private static Counter transitions(MeterRegistry metrics, CircuitBreaker.State to) {
        return Counter.builder(TRANSITIONS).description("State changes of the database circuit breaker")
                .tag("to", to.name().toLowerCase(Locale.ROOT)).register(metrics);
    }

    /**
     * Runs {@code work} through the breaker. While it is open, or when {@code work} fails because the database is out
     * of reach, throws {@link HandlerUnavailable}; any other failure propagates unchanged.
     */
    <T> T call(Callable<T> work) throws Exception {
        if (!breaker.tryAcquirePermission()) {
            throw new HandlerUnavailable("the database circuit breaker is " + breaker.getState(), null);
        }
        long started = System.nanoTime();
        try {
            T result = work.call();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        } catch (Throwable e) {
            // every outcome must be reported, or a half-open breaker would wait for its probe forever
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            if (StoreFailures.isUnavailable(e)) throw new HandlerUnavailable("the database is unreachable", e);
            if (e instanceof Exception exception) throw exception;
            throw (Error) e;
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
