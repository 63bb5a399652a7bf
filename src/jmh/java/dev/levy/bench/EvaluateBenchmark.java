package dev.levy.bench;

import dev.levy.Levy;
import dev.levy.model.Evaluation;
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
 * One shipment through the facade, warm: {@code Levy.evaluate(String)} (parse, validate, one Kie session, result),
 * over 1,000 realistic shipments from {@link ShipmentGenerator} in turn. SampleTime mode reports p50, p99 and more.
 * Run: {@code mvn -Pbench test-compile exec:exec} (see the README).
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
    private int next;

    @Setup
    public void setUp() {
        levy = Levy.bundled();
        ShipmentGenerator generator = new ShipmentGenerator(levy.ruleSet(), 1);
        shipments = new String[1000];
        for (int i = 0; i < shipments.length; i++) {
            shipments[i] = generator.next();
        }
    }

    @Benchmark
    public Evaluation evaluateOneShipment() {
        next = (next + 1) % shipments.length;
        return levy.evaluate(shipments[next]);
    }
}
