package dev.levy;

import static dev.levy.TestSupport.json;
import static dev.levy.TestSupport.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.fixture.Fixture;
import dev.levy.fixture.FixtureLoader;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import dev.levy.model.Measure;
import dev.levy.model.Result;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    static final String SEED = "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}";

    @Test
    void seedShipmentIsTheJapaneseCarOfApril2025() {
        Result r = result(TestSupport.levy().evaluate(SEED));
        assertEquals(new BigDecimal("8250.00"), r.totalDuty());
        assertEquals(0, new BigDecimal("27.5").compareTo(r.totalRate()));
        assertEquals(List.of("SECTION_232_AUTOS", "MFN"), r.measures().stream().map(Measure::program).toList(),
                "CBP order: Chapter 99 lines first, the Chapter 1-97 line last");
        assertTrue(r.notApplied().stream().anyMatch(n -> n.program().equals("IEEPA_RECIPROCAL")
                && "9903.01.33".equals(n.heading()) && !n.reason().isBlank()));
        String citations = String.join(" ", r.trace().stream().map(t -> t.citation()).toList());
        assertTrue(citations.contains("Proclamation 10908") && citations.contains("EO 14257"), citations);
        assertEquals(r.totalDuty(), r.measures().stream().map(Measure::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void amountsRoundHalfUpToTheCentPerMeasure() {
        // 2.5% of 100.10 = 2.5025 -> 2.50; 25% of 100.10 = 25.025 -> 25.03 (half-up)
        Result r = result(TestSupport.levy().evaluate(
                "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100.10}"));
        assertEquals(new BigDecimal("25.03"), amountOf(r, "SECTION_232_AUTOS"));
        assertEquals(new BigDecimal("2.50"), amountOf(r, "MFN"));
        assertEquals(new BigDecimal("27.53"), r.totalDuty());
    }

    private static BigDecimal amountOf(Result r, String program) {
        return r.measures().stream().filter(m -> m.program().equals(program)).findFirst().orElseThrow().amount();
    }

    /** Every fixture shipment, many times: exercises each rule far past Drools' constraint-JIT threshold (~20). */
    private static List<JsonNode> workload() {
        List<JsonNode> shipments = new ArrayList<>();
        for (Fixture f : FixtureLoader.load(List.of(TestSupport.projectDir().resolve("fixtures")))) {
            if (f.shipment() != null) {
                shipments.add(f.shipment());
            }
        }
        List<JsonNode> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.addAll(shipments);
        }
        return all;
    }

    private static List<String> render(List<Evaluation> evaluations) {
        return evaluations.stream().map(Json::compact).toList();
    }

    @Test
    void batchEqualsOneByOneAndRepeatsExactly() {
        Levy levy = TestSupport.levy();
        List<JsonNode> work = workload();
        List<String> oneByOne = new ArrayList<>();
        for (JsonNode s : work) {
            oneByOne.add(Json.compact(levy.evaluate(s)));
        }
        assertEquals(oneByOne, render(levy.evaluateAll(work)), "a batch gives each line its result alone");
        assertEquals(oneByOne, render(levy.evaluateAll(work)), "the same input gives byte-identical output");
    }

    @Test
    void orderOfABatchDoesNotChangeAnyResult() {
        Levy levy = TestSupport.levy();
        List<JsonNode> work = new ArrayList<>(workload());
        List<String> before = render(levy.evaluateAll(work));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        List<JsonNode> shuffled = order.stream().map(work::get).toList();
        List<String> after = render(levy.evaluateAll(shuffled));
        for (int k = 0; k < order.size(); k++) {
            assertEquals(before.get(order.get(k)), after.get(k));
        }
    }

    @Test
    void manyThreadsSharingOneLevyGetIdenticalResults() throws Exception {
        Levy levy = TestSupport.levy();
        List<JsonNode> work = workload();
        List<String> expected = render(levy.evaluateAll(work));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                runs.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>(Collections.nCopies(work.size(), (String) null));
                    for (int k = 0; k < work.size(); k++) {
                        int i = (k + offset * 37) % work.size(); // each thread walks the work in another order
                        out.set(i, Json.compact(levy.evaluate(work.get(i))));
                    }
                    return out;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBadShipmentInABatchCostsNoOtherLine() {
        List<JsonNode> batch = List.of(json(SEED), json("{\"hts\":\"12\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1}"),
                json(SEED));
        List<Evaluation> out = TestSupport.levy().evaluateAll(batch);
        assertEquals(3, out.size());
        assertEquals(Json.compact(out.get(0)), Json.compact(out.get(2)));
        assertTrue(Json.compact(out.get(1)).contains("INVALID_HTS"));
    }
}
