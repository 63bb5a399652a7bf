package dev.levy.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A load test of {@code POST /v1/evaluate} with single shipments, bounded in time, on loopback only: {@code clients}
 * threads each send one request after another (HTTP/1.1 keep-alive) for the warm-up, then for the measured duration.
 * Reports requests per second, the latency percentiles and the count of each status.
 */
public final class LoadTest {
    /** What a run measured. Latencies in microseconds. */
    public record Report(long requests, double seconds, Map<Integer, Long> statuses, long errors, long p50, long p90,
                         long p99, long max) {
        public double perSecond() {
            return requests / seconds;
        }

        public void print(PrintWriter out) {
            out.printf("requests %d in %.1f s: %.0f requests/s%n", requests, seconds, perSecond());
            out.printf("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", p50 / 1000.0, p90 / 1000.0,
                    p99 / 1000.0, max / 1000.0);
            out.printf("statuses %s, transport errors %d%n", statuses, errors);
            out.flush();
        }
    }

    private final URI evaluate;
    private final List<String> bodies;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base the service, e.g. {@code http://127.0.0.1:8080/}; it must be on this machine */
    public LoadTest(URI base, List<String> bodies) {
        requireLoopback(base);
        this.evaluate = base.resolve("/v1/evaluate");
        this.bodies = List.copyOf(bodies);
    }

    private static void requireLoopback(URI base) {
        try {
            if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the load test sends traffic to this machine only (loopback): "
                        + base);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + base);
        }
    }

    /** Runs {@code warmup} unmeasured, then {@code duration} measured, with {@code clients} threads. */
    public Report run(int clients, Duration warmup, Duration duration) throws InterruptedException {
        phase(clients, warmup);
        long start = System.nanoTime();
        List<Worker> workers = phase(clients, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(workers, seconds);
    }

    private List<Worker> phase(int clients, Duration length) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(new Worker(i, deadline));
        }
        workers.forEach(Thread::start);
        for (Worker w : workers) {
            w.join();
        }
        return workers;
    }

    private static Report report(List<Worker> workers, double seconds) {
        int n = workers.stream().mapToInt(w -> w.count).sum();
        long[] all = new long[n];
        int at = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        long errors = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            errors += w.errors;
        }
        Arrays.sort(all);
        return new Report(n, seconds, statuses, errors, percentile(all, 50), percentile(all, 90), percentile(all, 99),
                n == 0 ? 0 : all[n - 1] / 1000);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000;
    }

    /** One client: sends requests until the deadline and keeps each latency in nanoseconds. */
    private final class Worker extends Thread {
        private final long deadline;
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private long[] latencies = new long[1 << 14];
        private int count;
        private long errors;
        private int next;

        Worker(int index, long deadline) {
            super("levy-load-" + index);
            this.deadline = deadline;
            this.next = index * 7919;
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                HttpRequest request = HttpRequest.newBuilder(evaluate).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(next++ % bodies.size()))).build();
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    record(System.nanoTime() - t0);
                    statuses.merge(r.statusCode(), 1L, Long::sum);
                } catch (IOException e) {
                    errors++;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
