package io.github.recsys.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs numbered chunks {@code 0 .. chunks-1} on a pool with a fixed number of workers that pull
 * chunk numbers from a shared counter (dynamic load balancing, fixed chunk boundaries). Each worker
 * is created once per call by the factory and keeps its own scratch space. Results that depend only on
 * the chunk number are therefore independent of the thread count; reductions must be stored per
 * chunk and combined in chunk order by the caller.
 *
 * <p>Not API. Thread-safe (stateless).
 */
public final class ParallelRange {

    /** Work on one chunk; one instance per worker thread, so it may hold mutable scratch. */
    @FunctionalInterface
    public interface ChunkWorker {
        /** Processes chunk {@code chunk}. */
        void run(int chunk);
    }

    private ParallelRange() {
    }

    /** Number of chunks of size {@code chunkSize} covering {@code n} items. */
    public static int chunkCount(int n, int chunkSize) {
        return (int) (((long) n + chunkSize - 1) / chunkSize);
    }

    /**
     * Runs every chunk exactly once. With {@code pool == null}, {@code threads <= 1} or a single chunk,
     * runs in the calling thread. An exception thrown by a worker is rethrown unchanged (unchecked
     * exceptions and errors) after the other workers stopped.
     *
     * @param pool          executor to run on, or null
     * @param threads       number of workers (&gt;= 1)
     * @param chunks        number of chunks (&gt;= 0)
     * @param workerFactory creates the worker for worker number {@code w} in {@code [0, threads)}
     */
    public static void run(ExecutorService pool, int threads, int chunks, IntFunction<ChunkWorker> workerFactory) {
        if (chunks <= 0) {
            return;
        }
        int workers = Math.min(threads, chunks);
        if (pool == null || workers <= 1) {
            ChunkWorker w = workerFactory.apply(0);
            for (int c = 0; c < chunks; c++) {
                w.run(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int t = 0; t < workers; t++) {
            final int id = t;
            futures.add(pool.submit(() -> {
                ChunkWorker w = workerFactory.apply(id);
                int c;
                while (failed.get() == 0 && (c = next.getAndIncrement()) < chunks) {
                    try {
                        w.run(c);
                    } catch (Throwable e) {
                        failed.set(1);
                        throw e;
                    }
                }
                return null;
            }));
        }
        Throwable first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (first == null) {
                    first = new IllegalStateException("interrupted while waiting for workers", e);
                }
            }
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }
}
