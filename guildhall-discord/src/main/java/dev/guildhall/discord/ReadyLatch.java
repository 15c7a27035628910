package dev.guildhall.discord;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Completes once every shard has seen READY; fails early when a shard shuts down before that (bad token, 4xxx). */
final class ReadyLatch {
    private final int shardsTotal;
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> allReady = new CompletableFuture<>();

    ReadyLatch(int shardsTotal) {
        this.shardsTotal = shardsTotal;
    }

    void shardReady(int shard) {
        ready.add(shard);
        if (ready.size() >= shardsTotal) allReady.complete(null);
    }

    void shardStopped(int shard, String reason) {
        allReady.completeExceptionally(new IllegalStateException("shard " + shard + " stopped before READY: " + reason));
    }

    boolean isReady() {
        return allReady.isDone() && !allReady.isCompletedExceptionally();
    }

    void await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            allReady.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (IllegalStateException) e.getCause();
        } catch (TimeoutException e) {
            throw new TimeoutException(ready.size() + " of " + shardsTotal + " shards READY after " + timeout);
        }
    }
}
