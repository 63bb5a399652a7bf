package dev.levy.serve;

import com.sun.net.httpserver.HttpServer;
import dev.levy.Levy;
import dev.levy.io.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Levy as an HTTP JSON service on the JDK's {@code com.sun.net.httpserver}: {@code POST /v1/evaluate},
 * {@code POST /v1/refunds}, {@code GET /v1/rules}, {@code GET /v1/timeline}, {@code GET /healthz}, their OpenAPI description at
 * {@code GET /v1/openapi.json}, and the playground's pages at {@code /} and {@code /refunds}. It only reads the rules it was started with: no
 * endpoint changes them.
 */
public final class LevyServer implements AutoCloseable {
    /** Files of the playground, by the path that serves them. */
    private static final Map<String, String> PLAYGROUND = Map.of("/", "index.html", "/app.js", "app.js",
            "/chart.js", "chart.js", "/style.css", "style.css", "/dom.js", "dom.js", "/refunds", "refunds.html",
            "/refunds.js", "refunds.js");

    private final HttpServer http;
    private final ExecutorService workers;

    private LevyServer(HttpServer http, ExecutorService workers) {
        this.http = http;
        this.workers = workers;
    }

    /** Binds {@code address} (port 0: any free port) and starts serving. */
    public static LevyServer start(Levy levy, InetSocketAddress address, Limits limits) throws IOException {
        serverProperties();
        HttpServer http = HttpServer.create(address, 64);
        // Threads beyond the permits, so that a request over the limit is answered 503 at once rather than left unread.
        ExecutorService workers = new ThreadPoolExecutor(limits.maxConcurrent() + 4, limits.maxConcurrent() + 4,
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        http.setExecutor(workers);
        http.createContext("/", router(levy, limits));
        http.start();
        return new LevyServer(http, workers);
    }

    /** The routes; package-private so that a test can hold the paths the server takes against its OpenAPI description. */
    static Router router(Levy levy, Limits limits) {
        Gate gate = new Gate(limits.maxConcurrent(), limits.queueTimeout());
        String rules = Json.pretty(RulesView.of(levy.ruleSet()));
        Router router = new Router()
                .route("/v1/evaluate", "POST", new EvaluateEndpoint(levy, limits, gate))
                .route("/v1/refunds", "POST", new RefundsEndpoint(levy, limits, gate))
                .route("/v1/rules", "GET", exchange -> exchange.sendJson(200, rules))
                .route("/v1/timeline", "GET", new TimelineEndpoint(levy, gate))
                .route("/healthz", "GET", exchange -> exchange.sendJson(200, health(levy, gate)))
                .route("/v1/openapi.json", "GET", new StaticEndpoint(StaticEndpoint.OPENAPI));
        PLAYGROUND.forEach((path, file) ->
                router.route(path, "GET", new StaticEndpoint(StaticEndpoint.PLAYGROUND_ROOT + file)));
        return router;
    }

    private static String health(Levy levy, Gate gate) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "ok");
        h.put("rulesVersion", levy.rulesVersion());
        h.put("freePermits", gate.available());
        return Json.pretty(h);
    }

    /**
     * The JDK server's settings: TCP_NODELAY, or each small response waits for the client's delayed ACK (40 ms); and
     * a client that sends its request slowly is cut off instead of holding a thread. Set unless the caller set them.
     */
    private static void serverProperties() {
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        System.setProperty("sun.net.httpserver.maxReqTime",
                System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime",
                System.getProperty("sun.net.httpserver.maxRspTime", "30"));
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "levy-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }
}
