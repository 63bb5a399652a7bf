package dev.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.model.Result;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedder reloads a changed rules folder while serving: swapped whole, and a broken set never replaces a good one. */
class ReloadTest {
    @TempDir
    Path dir;

    private Path copyOfRules() throws IOException {
        return TestSupport.copyOfRules(dir);
    }

    private static BigDecimal duty(Levy levy) {
        return TestSupport.result(levy.evaluate(EvaluationTest.SEED)).totalDuty();
    }

    private static void setAutoRate(Path rules, String rate) throws IOException {
        Path table = rules.resolve("section232/section232_autos.csv");
        Files.writeString(table, Files.readString(table).replaceAll("(?m)^(87\\d\\d\\.\\d\\d\\.\\d\\d),\\d+,", "$1," + rate + ","));
    }

    @Test
    void aChangedRateIsSwappedInAndABrokenRuleIsNot() throws IOException {
        Path rules = copyOfRules();
        Levy levy = Levy.fromDirectory(rules);
        assertEquals(new BigDecimal("8250.00"), duty(levy));
        String before = levy.rulesVersion();

        setAutoRate(rules, "30");
        Levy.Reload ok = levy.reload();
        assertTrue(ok.applied());
        assertFalse(before.equals(ok.rulesVersion()));
        assertEquals(new BigDecimal("9750.00"), duty(levy), "30% + 2.5% of $30,000");

        Path drl = rules.resolve("mfn/mfn.drl");
        Files.writeString(drl, Files.readString(drl).replace("then", "thne"));
        Levy.Reload broken = levy.reload();
        assertFalse(broken.applied());
        assertEquals(ok.rulesVersion(), broken.rulesVersion(), "the running rules go on serving");
        assertTrue(broken.problems().stream().anyMatch(p -> p.isError() && p.file().endsWith("mfn/mfn.drl") && p.line() > 0),
                broken.problems().toString());
        assertEquals(new BigDecimal("9750.00"), duty(levy));
    }

    @Test
    void evaluationsDuringReloadsSeeOneWholeRuleSet() throws Exception {
        Path rules = copyOfRules();
        Levy levy = Levy.fromDirectory(rules);
        Map<String, BigDecimal> dutyByVersion = new ConcurrentHashMap<>();
        dutyByVersion.put(levy.rulesVersion(), new BigDecimal("8250.00"));
        Map<String, Set<BigDecimal>> observed = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    Result r = TestSupport.result(levy.evaluate(EvaluationTest.SEED));
                    observed.computeIfAbsent(r.rulesVersion(), k -> ConcurrentHashMap.newKeySet()).add(r.totalDuty());
                }
                return null;
            });
        }
        for (String rate : new String[] {"30", "40", "25"}) {
            setAutoRate(rules, rate);
            Levy.Reload r = levy.reload();
            assertTrue(r.applied());
            dutyByVersion.put(r.rulesVersion(), new BigDecimal(rate).add(new BigDecimal("2.5"))
                    .multiply(new BigDecimal("300")).setScale(2));
            Thread.sleep(200);
        }
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(observed.size() >= 2, "evaluations ran across the reloads: " + observed.keySet());
        observed.forEach((version, duties) -> assertEquals(Set.of(dutyByVersion.get(version)), duties,
                "every result matches the rule set version it names: " + version));
    }
}
