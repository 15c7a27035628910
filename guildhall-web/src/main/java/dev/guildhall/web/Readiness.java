package dev.guildhall.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the readiness checks for {@code /ready}. Each check runs on its own virtual thread with a deadline, so one
 * hung dependency cannot hang the probe; a check still running from an earlier probe is awaited again rather than
 * started twice, so a hung check never piles up threads.
 */
final class Readiness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final int MAX_REASON_LENGTH = 300;
    static final String OK = "ok";

    /** The result of one probe: every check's name mapped to {@code ok} or its problem, in the checks' order. */
    record Report(boolean ready, Map<String, String> checks) { }

    private final List<ReadinessCheck> checks;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("readiness-", 0).factory());
    private final List<AtomicReference<CompletableFuture<Optional<String>>>> inFlight = new ArrayList<>();
    // Last reported problem per check, so a failing check is logged when it starts or stops failing, not per probe.
    private final Map<String, String> lastProblem = new ConcurrentHashMap<>();

    Readiness(List<ReadinessCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
        for (int i = 0; i < this.checks.size(); i++) {
            inFlight.add(new AtomicReference<>());
        }
    }

    Report probe() {
        List<CompletableFuture<Optional<String>>> running = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            running.add(start(i));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> results = new LinkedHashMap<>();
        boolean ready = true;
        for (int i = 0; i < checks.size(); i++) {
            String name = nameOf(checks.get(i), i);
            Optional<String> problem = await(running.get(i), deadline);
            results.put(name, problem.orElse(OK));
            ready &= problem.isEmpty();
            remember(name, problem);
        }
        return new Report(ready, results);
    }

    private CompletableFuture<Optional<String>> start(int index) {
        AtomicReference<CompletableFuture<Optional<String>>> slot = inFlight.get(index);
        CompletableFuture<Optional<String>> previous = slot.get();
        if (previous != null && !previous.isDone()) {
            return previous;
        }
        CompletableFuture<Optional<String>> next = new CompletableFuture<>();
        if (!slot.compareAndSet(previous, next)) {
            return slot.get();   // a concurrent probe started this check a moment ago: share its run
        }
        ReadinessCheck check = checks.get(index);
        String name = nameOf(check, index);
        try {
            executor.execute(() -> next.complete(evaluate(check, name)));
        } catch (RejectedExecutionException e) {
            next.complete(Optional.of("shutting down"));
        }
        return next;
    }

    private Optional<String> await(CompletableFuture<Optional<String>> future, long deadline) {
        long remaining = Math.max(0, deadline - System.nanoTime());
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (ExecutionException e) {
            return Optional.of(describe(e.getCause()));   // evaluate() catches everything; this is a safety net
        }
    }

    /** Calls the check, turning a throw or a null answer into a problem: a broken check means not ready. */
    private static Optional<String> evaluate(ReadinessCheck check, String name) {
        try {
            Optional<String> problem = check.problem();
            if (problem == null) {
                return Optional.of("check returned no answer");
            }
            return problem.map(Readiness::clean);
        } catch (RuntimeException | Error e) {
            LOG.debug("readiness check {} threw", name, e);
            return Optional.of(describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return clean("check failed: " + (message == null || message.isBlank() ? e.getClass().getSimpleName() : message));
    }

    /** One line, bounded length: the body of /ready is for humans and probes, not for stack traces. */
    private static String clean(String reason) {
        String line = reason.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return "not ready";
        }
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static String nameOf(ReadinessCheck check, int index) {
        try {
            String name = check.name();
            return name == null || name.isBlank() ? "check-" + index : name;
        } catch (RuntimeException e) {
            return "check-" + index;
        }
    }

    private void remember(String name, Optional<String> problem) {
        String now = problem.orElse(OK);
        String before = lastProblem.put(name, now);
        if (now.equals(before)) {
            return;
        }
        if (problem.isPresent()) {
            LOG.warn("readiness check {} is failing: {}", name, now);
        } else if (before != null) {
            LOG.info("readiness check {} is ok again", name);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
