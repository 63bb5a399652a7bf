package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.Levy;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rules cache: same bytes out with and without it, and never a stale entry after a rule file changes. */
class KieBaseCacheTest {
    private static final String CAR = "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}";

    @TempDir
    Path dir;

    private Path copyOfBundledRules() throws IOException {
        Path rules = dir.resolve("rules");
        for (Map.Entry<String, String> f : RuleSource.bundled().files().entrySet()) {
            Path p = rules.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return rules;
    }

    private static List<String> evaluate(Levy levy, List<String> shipments) {
        List<String> out = new ArrayList<>();
        for (String s : shipments) {
            out.add(Json.compact(levy.evaluate(s)));
        }
        return out;
    }

    @Test
    void resultsAreByteIdenticalWithAndWithoutTheCache() throws IOException {
        Path rules = copyOfBundledRules();
        KieBaseCache cache = KieBaseCache.in(dir.resolve("cache"));
        Levy compiled = Levy.of(RuleSetLoader.load(RuleSource.fromDirectory(rules), KieBaseCache.NONE));
        Levy.of(RuleSetLoader.load(RuleSource.fromDirectory(rules), cache)); // compiles and fills the cache
        assertTrue(Files.isRegularFile(cache.entry(RuleSource.fromDirectory(rules))));
        Levy cached = Levy.of(RuleSetLoader.load(RuleSource.fromDirectory(rules), cache));
        assertEquals(1, cache.hits(), "the second load comes from the cache");
        ShipmentGenerator generator = new ShipmentGenerator(compiled.ruleSet(), 3);
        List<String> work = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            work.add(generator.next());
        }
        assertEquals(evaluate(compiled, work), evaluate(cached, work));
    }

    @Test
    void aChangedRuleFileIsCompiledAgainNotReadFromTheCache() throws IOException {
        Path rules = copyOfBundledRules();
        KieBaseCache cache = KieBaseCache.in(dir.resolve("cache"));
        Levy before = Levy.of(RuleSetLoader.load(RuleSource.fromDirectory(rules), cache));
        Path entryBefore = cache.entry(RuleSource.fromDirectory(rules));

        Path drl = rules.resolve("mfn/mfn.drl");
        String text = Files.readString(drl);
        assertTrue(text.contains("@message(\""), "the MFN rules carry messages");
        Files.writeString(drl, text.replace("@message(\"", "@message(\"EDITED "));

        Path entryAfter = cache.entry(RuleSource.fromDirectory(rules));
        assertNotEquals(entryBefore, entryAfter, "a changed rule file is another cache key");
        assertFalse(Files.exists(entryAfter));
        Levy after = Levy.of(RuleSetLoader.load(RuleSource.fromDirectory(rules), cache));
        assertEquals(0, cache.hits(), "nothing was read from the cache");
        assertFalse(Json.compact(before.evaluate(CAR)).contains("EDITED"));
        assertTrue(Json.compact(after.evaluate(CAR)).contains("EDITED"), "the edited rule runs");
        assertTrue(Files.isRegularFile(entryAfter));
        Levy again = Levy.of(RuleSetLoader.load(RuleSource.fromDirectory(rules), cache));
        assertEquals(1, cache.hits());
        assertEquals(Json.compact(after.evaluate(CAR)), Json.compact(again.evaluate(CAR)));
    }

    @Test
    void aDamagedEntryIsIgnoredAndRebuilt() throws IOException {
        Path rules = copyOfBundledRules();
        KieBaseCache cache = KieBaseCache.in(dir.resolve("cache"));
        Path entry = cache.entry(RuleSource.fromDirectory(rules));
        Files.createDirectories(entry.getParent());
        Files.writeString(entry, "not a compiled package");
        Levy levy = Levy.of(RuleSetLoader.load(RuleSource.fromDirectory(rules), cache));
        assertEquals(0, cache.hits());
        assertTrue(Json.compact(levy.evaluate(CAR)).contains("\"totalDuty\""));
        assertTrue(Files.size(entry) > 1000, "the entry was rewritten");
    }
}
