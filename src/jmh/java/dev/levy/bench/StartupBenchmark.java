package dev.levy.bench;

import dev.levy.Levy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Levy.bundled()} in a fresh JVM, as an embedder's first call: one shot per fork, five forks, no compiled-rules
 * cache folder (the library's default). From Maven the bundled rules come from {@code target/classes}, so they are
 * hashed at start; from the jar they are not. Run: {@code mvn -Pbench test-compile exec:exec -Djmh.args=Startup}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class StartupBenchmark {

    @Benchmark
    public Levy bundled() {
        return Levy.bundled();
    }
}
