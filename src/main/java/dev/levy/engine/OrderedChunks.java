package dev.levy.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work over a stream in chunks on a pool of worker threads and hands the outputs to a sink in input order, on
 * the calling thread. The caller reads the next chunk while the workers run; at most {@code 2 × threads + 1} chunks
 * are in flight, so memory stays flat whatever the length of the stream. Output order never depends on timing.
 */
public final class OrderedChunks {
    private OrderedChunks() {}

    public static <I, O> void run(Iterator<? extends I> inputs, int chunkSize, int threads,
                                  Function<List<I>, List<O>> work, Consumer<? super O> sink) {
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "levy-worker");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<List<O>>> inFlight = new ArrayDeque<>();
        try {
            while (inputs.hasNext()) {
                List<I> chunk = new ArrayList<>(chunkSize);
                while (chunk.size() < chunkSize && inputs.hasNext()) {
                    chunk.add(inputs.next());
                }
                inFlight.add(pool.submit(() -> work.apply(chunk)));
                while (inFlight.size() > 2 * workers || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    drain(inFlight.poll(), sink);
                }
            }
            while (!inFlight.isEmpty()) {
                drain(inFlight.poll(), sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <O> void drain(Future<List<O>> done, Consumer<? super O> sink) {
        try {
            done.get().forEach(sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
