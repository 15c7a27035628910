package dev.guildhall.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReadThroughCacheTest {

    /**
     * A load waiting on something (a database connection another thread's transaction holds) must not block that
     * thread's write of the same entry, and the write must win over the stale load.
     */
    @Test
    void aSlowLoadBlocksNoWriteAndNeverLandsOverIt() throws Exception {
        ReadThroughCache<String, String> cache = new ReadThroughCache<>(Caffeine.newBuilder().<String, String>build());
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // threads of their own: the common pool may have a single thread on a small machine, which the load blocks
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<String> load = CompletableFuture.supplyAsync(() -> cache.get("guild", key -> {
            loading.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "stale";
        }), threads);
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> cache.put("guild", "written"), threads);
        write.get(10, TimeUnit.SECONDS); // completes while the load still waits
        release.countDown();

        assertThat(load.get(10, TimeUnit.SECONDS)).isEqualTo("stale");
        assertThat(cache.get("guild", key -> "reloaded")).isEqualTo("written");
        threads.shutdown();
    }

    @Test
    void aMissIsLoadedOnceAndKept() {
        ReadThroughCache<String, String> cache = new ReadThroughCache<>(Caffeine.newBuilder().<String, String>build());

        assertThat(cache.get("a", key -> "loaded")).isEqualTo("loaded");
        assertThat(cache.get("a", key -> "again")).isEqualTo("loaded");
        cache.invalidate("a");
        assertThat(cache.get("a", key -> "again")).isEqualTo("again");
    }
}
