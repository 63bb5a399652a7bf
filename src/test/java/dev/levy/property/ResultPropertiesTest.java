package dev.levy.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.io.Inputs;
import dev.levy.io.Json;
import dev.levy.model.Evaluation;
import dev.levy.model.Measure;
import dev.levy.model.NotApplied;
import dev.levy.model.Result;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of every result, on shipments generated from the rules themselves (see {@link ShipmentGen}); each
 * property runs a fixed number of seeded cases (see {@link Tries}) and prints how many it ran.
 */
class ResultPropertiesTest {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Declarations that only grant an exception: declaring one can never raise the duty. */
    private static final List<String> EXCEPTION_ONLY = List.of("DONATION", "INFORMATIONAL_MATERIALS",
            "VEHICLE_25_YEARS_OR_OLDER", "PARTICULAR_ARTICLE_DESCRIBED", "UK_AUTO_QUOTA");

    /**
     * Exceptions from a Section 232 program, which itself shields the goods from the reciprocal tariff: a vehicle 25
     * years old is not subject to the autos duty, and so falls under the reciprocal rate of its country, which can be
     * higher (EO 14257 sec. 3; found by this property: a Syrian car, 25% + 2.5% without the declaration, 41% + 2.5%
     * with it). For these, no program already applied may rise, and a program may newly apply only where another fell.
     */
    private static final List<String> SHIELDING = List.of("VEHICLE_25_YEARS_OR_OLDER", "UK_AUTO_QUOTA");

    private static Levy levy;
    private static ShipmentGen gen;

    @BeforeAll
    static void setUp() {
        levy = TestSupport.levy();
        gen = new ShipmentGen(levy.ruleSet());
    }

    private static Result eval(JsonNode s) {
        Evaluation e = levy.evaluate(s);
        if (e instanceof Result r) {
            return r;
        }
        throw new AssertionError("a generated shipment was refused: " + Json.compact(e) + " for " + s);
    }

    @Test
    void totalsAreTheSumOfExactMeasures() {
        int n = Tries.run("arithmetic", 400, (r, i) -> {
            ObjectNode s = gen.next(r);
            Result res = eval(s);
            BigDecimal value = new BigDecimal(s.get("value").asText());
            BigDecimal sum = BigDecimal.ZERO;
            for (Measure m : res.measures()) {
                assertTrue(m.amount().signum() >= 0 && m.basis().signum() >= 0, "negative: " + m);
                assertTrue(m.basis().compareTo(value) <= 0, "basis above the value: " + m);
                assertEquals(2, m.amount().scale(), "to the cent: " + m);
                if (m.specific() == null) {
                    assertEquals(m.rate().multiply(m.basis()).divide(HUNDRED, 2, RoundingMode.HALF_UP), m.amount(),
                            "rate x basis, half-up to the cent: " + m);
                }
                sum = sum.add(m.amount());
            }
            assertEquals(sum, res.totalDuty(), "total = sum of the measures");
            assertEquals(0, res.totalRate().compareTo(sum.multiply(HUNDRED).divide(value, 4, RoundingMode.HALF_UP)));
            for (NotApplied na : res.notApplied()) {
                assertTrue(na.basis() == null || (na.basis().signum() >= 0 && na.basis().compareTo(value) <= 0), na.toString());
            }
        });
        System.out.println("property arithmetic: " + n + " shipments");
    }

    @Test
    void declaringAnExceptionNeverRaisesTheDuty() {
        int n = Tries.run("exceptions", 300, (r, i) -> {
            ObjectNode base = gen.next(r);
            base.remove("declarations");
            ObjectNode with = base.deepCopy();
            String fact;
            if (r.nextInt(6) == 0) {
                with.put("transport", "vessel");
                LocalDate entry = LocalDate.parse(base.get("entryDate").asText());
                with.put("loadedDate", entry.minusDays(r.nextInt(150)).toString());
                base.remove("transport");
                base.remove("loadedDate");
                fact = "in transit by vessel since " + with.get("loadedDate").asText();
            } else {
                fact = ShipmentGen.pick(r, EXCEPTION_ONLY);
                with.putArray("declarations").add(fact);
            }
            Result without = eval(base);
            Result declared = eval(with);
            if (SHIELDING.contains(fact)) {
                noProgramRises(fact, without, declared, with);
            } else if (with.has("loadedDate") && allInAtOrAbove(without)) {
                // in transit, the earlier law applies whole (EO 14326 sec. 2: goods loaded before 2025-08-07 pay the
                // rates in force before it): where a deal's all-in added nothing (a column 1 rate at or above 15%, found
                // by seed -4048176190172103217 on Greek shoes 6402.99.90 loaded 2025-05-02), the 10% baseline comes
                // back on top (fixtures/reciprocal/in_transit_all_in_at_or_above.json). Nothing to compare.
                return;
            } else if (chapter197LineRestored(without, declared)) {
                // the exception lifted an all-in heading that had set the Chapter 1-97 line to 0 (a 15% all-in of a
                // deal country, found by seed 20250417 on a Japanese aluminum plate in transit since before
                // 2025-08-07): the earlier law it restores is the 10% baseline plus the column 1 rate, which can exceed
                // 15%. The additional duties still never rise.
                assertTrue(additionalDuty(declared).compareTo(additionalDuty(without)) <= 0, fact + " raised the"
                        + " additional duties from " + additionalDuty(without) + " to " + additionalDuty(declared)
                        + " for " + with);
            } else {
                assertTrue(declared.totalDuty().compareTo(without.totalDuty()) <= 0, fact + " raised the duty from "
                        + without.totalDuty() + " to " + declared.totalDuty() + " for " + with);
            }
        });
        System.out.println("property exceptions: " + n + " pairs");
    }

    /** Whether an additional duty was reported at 0% without the exception: an all-in heading at or above its rate. */
    private static boolean allInAtOrAbove(Result without) {
        return without.measures().stream().anyMatch(m -> !m.program().equals("MFN") && m.rate().signum() == 0);
    }

    /** Whether the Chapter 1-97 line was 0% somewhere without the exception (an all-in heading replaced it) and is not with it. */
    private static boolean chapter197LineRestored(Result without, Result declared) {
        return without.measures().stream().anyMatch(m -> m.program().equals("MFN") && m.rate().signum() == 0)
                && declared.measures().stream().anyMatch(m -> m.program().equals("MFN") && m.rate().signum() > 0);
    }

    private static BigDecimal additionalDuty(Result r) {
        return r.measures().stream().filter(m -> !m.program().equals("MFN") && !m.program().equals("COLUMN_2"))
                .map(Measure::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void noProgramRises(String fact, Result without, Result declared, JsonNode shipment) {
        java.util.Map<String, BigDecimal> before = byProgram(without);
        java.util.Map<String, BigDecimal> after = byProgram(declared);
        boolean fell = before.entrySet().stream().anyMatch(e -> after.getOrDefault(e.getKey(), BigDecimal.ZERO)
                .compareTo(e.getValue()) < 0);
        after.forEach((program, amount) -> {
            BigDecimal was = before.get(program);
            assertTrue(was == null ? fell || amount.signum() == 0 : amount.compareTo(was) <= 0, fact + " raised " + program + " from " + was
                    + " to " + amount + " for " + shipment);
        });
    }

    private static java.util.Map<String, BigDecimal> byProgram(Result r) {
        java.util.Map<String, BigDecimal> out = new java.util.TreeMap<>();
        r.measures().forEach(m -> out.merge(m.program(), m.amount(), BigDecimal::add));
        return out;
    }

    @Test
    void aBatchGivesEachLineItsOwnResultInAnyOrder() {
        int n = Tries.run("batch", 20, (r, i) -> {
            List<JsonNode> batch = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                batch.add(gen.next(r));
            }
            List<String> alone = batch.stream().map(s -> Json.compact(levy.evaluate(s))).toList();
            assertEquals(alone, levy.evaluateAll(batch).stream().map(Json::compact).toList());
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                order.add(k);
            }
            Collections.shuffle(order, new Random(r.nextLong()));
            List<Evaluation> shuffled = levy.evaluateAll(order.stream().map(batch::get).toList());
            for (int k = 0; k < order.size(); k++) {
                assertEquals(alone.get(order.get(k)), Json.compact(shuffled.get(k)));
            }
        });
        System.out.println("property batch: " + n + " batches of 30");
    }

    @Test
    void outputIsByteIdenticalAcrossRunsAndThreadCounts() {
        int n = Tries.run("deterministic", 2, (r, i) -> {
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < 2500; k++) {
                lines.append(Json.compact(gen.next(r))).append('\n');
            }
            String one = render(levy, lines.toString(), 1);
            assertEquals(one, render(levy, lines.toString(), 2));
            assertEquals(one, render(levy, lines.toString(), 4));
            assertEquals(one, render(levy, lines.toString(), 3));
        });
        System.out.println("property deterministic: " + n + " files of 2,500 lines x 4 runs");
    }

    static String render(Levy levy, String jsonLines, int threads) {
        StringBuilder out = new StringBuilder();
        try (Inputs in = Inputs.open(new StringReader(jsonLines), Inputs.Format.JSON)) {
            levy.evaluate(in, threads, (input, e) -> Json.compact(e), line -> out.append(line).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static SplittableRandom random(long seed) {
        return new SplittableRandom(seed);
    }
}
