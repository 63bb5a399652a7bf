package dev.levy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The facade, warm, over 1,000 realistic shipments from {@link ShipmentGenerator}: one shipment at a time
 * ({@code Levy.evaluate(String)}: parse, validate, one Kie session, result), in turn; and the 1,000 as one batch
 * ({@code Levy.evaluateAll}: validate, Kie sessions of 100 shipments, results; parsed beforehand, as a stream reader
 * does on its workers). SampleTime mode reports p50, p99 and more. Run: {@code mvn -Pbench test-compile exec:exec}
 * (see the README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EvaluateBenchmark {
    private Levy levy;
    private String[] shipments;
    private List<JsonNode> batch;
    private int next;

    @Setup
    public void setUp() throws IOException {
        levy = Levy.bundled();
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), 1);
        shipments = new String[1000];
        for (int i = 0; i < shipments.length; i++) {
            shipments[i] = generator.next();
        }
        batch = new ArrayList<>(shipments.length);
        for (String shipment : shipments) {
            batch.add(Json.parse(shipment));
        }
    }

    @Benchmark
    public Evaluation evaluateOneShipment() {
        next = (next + 1) % shipments.length;
        return levy.evaluate(shipments[next]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Evaluation> evaluateBatchOf1000() {
        return levy.evaluateAll(batch);
    }
}
