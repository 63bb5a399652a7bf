package dev.levy.serve;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The concurrency limit: at most {@code permits} evaluations at once. A request waits for a permit at most the queue
 * timeout, then gets 503 with {@code Retry-After}: it is rejected, never queued for ever.
 */
final class Gate {
    private final Semaphore permits;
    private final Duration wait;

    Gate(int permits, Duration wait) {
        this.permits = new Semaphore(permits);
        this.wait = wait;
    }

    <T> T run(Callable<T> work) throws Exception {
        if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new HttpFailure(503, ApiError.of("OVERLOADED", null, "the service is evaluating as many requests as "
                    + "it allows; retry shortly"), Map.of("Retry-After", "1"));
        }
        try {
            return work.call();
        } finally {
            permits.release();
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
