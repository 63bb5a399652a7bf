package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.serve.LevyServer;
import dev.levy.serve.Limits;
import dev.levy.serve.LoadTest;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load-tests POST /v1/evaluate with single realistic shipments (generated from the rules), on "
                + "loopback, for a bounded time: prints requests/s and latency p50, p90, p99. Without --url it starts "
                + "a server in this process on a free port.")
final class LoadCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Option(names = "--url", paramLabel = "URL", description = "A running levy serve on this machine, e.g. "
            + "http://127.0.0.1:8080/ (default: one started here).")
    URI url;

    @Option(names = "--clients", paramLabel = "N", description = "Client threads, each one request at a time (default 4).")
    int clients = 4;

    @Option(names = "--duration", paramLabel = "S", description = "Measured seconds (default 20).")
    int duration = 20;

    @Option(names = "--warmup", paramLabel = "S", description = "Unmeasured seconds first (default 5).")
    int warmup = 5;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (clients < 1 || duration < 1 || warmup < 0 || duration + warmup > 600) {
            err.println("levy load: --clients and --duration must be positive, and the run at most 600 s");
            return LevyCommand.BAD_INPUT;
        }
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        List<String> bodies = shipments(levy, 10_000);
        LevyServer local = url != null ? null
                : LevyServer.start(levy, new InetSocketAddress("127.0.0.1", 0), Limits.defaults());
        try {
            URI target = local != null ? local.uri() : url;
            PrintWriter out = spec.commandLine().getOut();
            out.printf("levy load: %s, %d clients, %d s warm-up, %d s measured%n", target, clients, warmup, duration);
            new LoadTest(target, bodies).run(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(duration))
                    .print(out);
            return LevyCommand.OK;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private static List<String> shipments(Levy levy, int n) {
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), 1);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(generator.next());
        }
        return out;
    }
}
