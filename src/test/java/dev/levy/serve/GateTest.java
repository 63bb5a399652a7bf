package dev.levy.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Over the concurrency limit, a request is answered 503 with Retry-After after a bounded wait, not queued. */
class GateTest {

    @Test
    void aRequestOverTheLimitGets503() throws Exception {
        Gate gate = new Gate(1, Duration.ofMillis(100));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/", new Router().route("/slow", "GET", ex -> ex.sendJson(200, gate.run(() -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "{}";
        }))));
        http.start();
        try {
            URI slow = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/slow");
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(slow).build(),
                    HttpResponse.BodyHandlers.ofString());
            entered.await(10, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(slow).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, second.statusCode());
            assertEquals("1", second.headers().firstValue("Retry-After").orElse(""));
            assertEquals(true, second.body().contains("\"OVERLOADED\""));
            assertEquals(true, System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
            release.countDown();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(1, gate.available());
        } finally {
            release.countDown();
            http.stop(0);
        }
    }
}
