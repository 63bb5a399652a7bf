package dev.levy.serve;

import java.time.Duration;

/**
 * What one server accepts, so that no request can take it over.
 *
 * @param maxBodyBytes  the largest request body; a larger one gets 413
 * @param maxShipments  the most shipments in one {@code POST /v1/evaluate}; more get 413
 * @param maxConcurrent evaluations (and timelines) running at once; the semaphore's permits
 * @param queueTimeout  how long a request waits for a permit before it gets 503; it never waits longer
 */
public record Limits(long maxBodyBytes, int maxShipments, int maxConcurrent, Duration queueTimeout) {

    public static final long DEFAULT_MAX_BODY = 1 << 20;
    public static final int DEFAULT_MAX_SHIPMENTS = 1000;

    public Limits {
        if (maxBodyBytes < 1 || maxShipments < 1 || maxConcurrent < 1 || queueTimeout.isNegative()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The defaults: 1 MiB, 1,000 shipments, two evaluations per core, half a second's wait. */
    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BODY, DEFAULT_MAX_SHIPMENTS, 2 * Runtime.getRuntime().availableProcessors(),
                Duration.ofMillis(500));
    }
}
