package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.serve.LevyServer;
import dev.levy.serve.Limits;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the HTTP JSON API (POST /v1/evaluate, GET /v1/rules, GET /v1/timeline, GET /healthz; "
                + "described at GET /v1/openapi.json) and the playground page at /, until stopped. No endpoint changes "
                + "the rules.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8080; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "H", description = "Address to bind (default 127.0.0.1: this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body (default 1048576).")
    long maxBody = Limits.DEFAULT_MAX_BODY;

    @Option(names = "--max-shipments", paramLabel = "N", description = "Most shipments in one request (default 1000).")
    int maxShipments = Limits.DEFAULT_MAX_SHIPMENTS;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Evaluations at once; others wait up to --queue-timeout, then get 503 (default: 2 per core).")
    int maxConcurrent = Limits.defaults().maxConcurrent();

    @Option(names = "--queue-timeout", paramLabel = "MS", description = "Longest wait for a free slot (default 500).")
    long queueTimeoutMs = Limits.defaults().queueTimeout().toMillis();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Limits limits;
        try {
            limits = new Limits(maxBody, maxShipments, maxConcurrent, Duration.ofMillis(queueTimeoutMs));
        } catch (IllegalArgumentException e) {
            err.println("levy serve: --max-body, --max-shipments and --max-concurrent must be positive");
            return LevyCommand.BAD_INPUT;
        }
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        LevyServer server = LevyServer.start(levy, new InetSocketAddress(host, port), limits);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "levy-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("levy serve: listening on " + server.uri() + " (rules " + levy.rulesVersion() + ")");
        out.flush();
        stopped.await();
        return LevyCommand.OK;
    }
}
