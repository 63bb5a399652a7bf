package dev.levy.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads sharing one Levy, with reloads of its rules under load, give exactly the results of a sequential run:
 * no evaluation sees a half-built rule set.
 */
class ConcurrencyTest {
    private static final int THREADS = 6;
    private static final int SHIPMENTS = 400;

    private static List<JsonNode> shipments(Levy levy) {
        ShipmentGen gen = new ShipmentGen(levy.ruleSet());
        SplittableRandom r = new SplittableRandom(Tries.BASE_SEED);
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < SHIPMENTS; i++) {
            out.add(gen.next(r));
        }
        return out;
    }

    @Test
    void threadsAndReloadsGiveTheSequentialResults() throws Exception {
        Levy levy = Levy.fromDirectory(TestSupport.projectDir().resolve("rules"));
        List<JsonNode> input = shipments(levy);
        List<String> expected = input.stream().map(s -> Json.compact(levy.evaluate(s))).toList();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger evaluated = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * 37;
            workers.add(pool.submit(() -> {
                for (int round = 0; !stop.get() || round == 0; round++) {
                    for (int i = 0; i < input.size(); i++) {
                        int k = (i + offset) % input.size();
                        String got = (i % 2 == 0)
                                ? Json.compact(levy.evaluate(input.get(k)))
                                : Json.compact(levy.evaluateAll(List.of(input.get(k))).get(0));
                        assertEquals(expected.get(k), got, "shipment " + k + " on a worker");
                        evaluated.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        int reloads = 0;
        for (; reloads < 4; reloads++) {
            Levy.Reload r = levy.reload();
            assertTrue(r.applied(), r.problems().toString());
        }
        stop.set(true);
        for (Future<?> w : workers) {
            w.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        System.out.println("concurrency: " + evaluated.get() + " evaluations on " + THREADS + " threads across "
                + reloads + " reloads, all equal to the sequential run");
    }
}
