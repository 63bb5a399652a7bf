package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.Levy;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.io.Json;
import dev.levy.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The build's precompiled form of the bundled rules (Maven runs {@link BundledRules#main} before the tests): the
 * bundled rules load from it with the very warnings, rules and results of a load from their text, and nothing else
 * does.
 */
class BundledRulesTest {

    @Test
    void theBuildCheckedAndCompiledTheBundledRules() {
        BundledRules.Index index = BundledRules.index();
        assertNotNull(index, "levy-rules-built/index.txt is on the class path (mvn process-classes writes it)");
        RuleSource bundled = RuleSource.bundled();
        assertEquals(List.copyOf(bundled.files().keySet()), index.files());
        assertEquals(RuleSource.hash(bundled.files()), index.digest(), "the build's hash is the files' hash");
        assertNotNull(BundledRules.prebuilt(bundled).kieBase(), "the bundled rules take the build's compiled form");
    }

    @Test
    void loadingFromTheBuildGivesWhatLoadingFromTheTextGives() {
        RuleSource bundled = RuleSource.bundled();
        RuleSet fromBuild = RuleSetLoader.load(bundled, KieBaseCache.NONE);
        RuleSet fromText = RuleSetLoader.loadFromSource(bundled);
        assertEquals(fromText.warnings(), fromBuild.warnings());
        // The bundled rules have no warning since the literal lints became errors, so this compares two empty lists;
        // the index's warnings (what the build carries over for a rule set that has some) are read back in
        // theIndexKeepsWarningsWithTabsAndNewlines.
        assertEquals(List.of(), fromBuild.warnings(), "the bundled rules pass every lint");
        assertEquals(fromText.rules(), fromBuild.rules());
        assertEquals(fromText.version(), fromBuild.version());
        assertEquals(fromText.scenarios(), fromBuild.scenarios(), "the scenarios, parsed when first asked for");
        assertTrue(!fromBuild.scenarios().isEmpty(), "the bundled rules ship scenarios");
        Levy built = Levy.of(fromBuild);
        Levy compiled = Levy.of(fromText);
        ShipmentGenerator generator = new ShipmentGenerator(fromText, 7);
        for (int i = 0; i < 2000; i++) {
            String shipment = generator.next();
            assertEquals(Json.compact(compiled.evaluate(shipment)), Json.compact(built.evaluate(shipment)), shipment);
        }
    }

    @Test
    void theBuildsTablesAreTheTablesOfTheText() throws IOException {
        RuleSource bundled = RuleSource.bundled();
        TableIndex built = BundledRules.prebuilt(bundled).tables();
        assertNotNull(built, "levy-rules-built/tables.bin is on the class path and of this code");
        TableIndex text = RuleSetLoader.loadFromSource(bundled).tables();
        assertSameTables(text, built);
        assertSameTables(text, BuiltTables.read(BuiltTables.write(text)));
        assertEquals(BuiltTables.parameterDays(text), BuiltTables.parameterDays(built));
        assertTrue(BuiltTables.parameterDays(built).size() > 0, "the rules have parameters whose value is a day");
    }

    @Test
    void damagedTablesAreNotRead() throws IOException {
        byte[] bytes = BuiltTables.write(RuleSetLoader.loadFromSource(RuleSource.bundled()).tables());
        assertThrows(RuntimeException.class, () -> BuiltTables.read(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(RuntimeException.class, () -> BuiltTables.read(Arrays.copyOf(bytes, bytes.length + 1)));
        byte[] otherFormat = bytes.clone();
        otherFormat[3]++;
        assertThrows(RuntimeException.class, () -> BuiltTables.read(otherFormat));
    }

    private static void assertSameTables(TableIndex expected, TableIndex actual) {
        assertEquals(expected.unkeyed, actual.unkeyed);
        assertEquals(expected.byHtsPrefix, actual.byHtsPrefix);
        assertEquals(expected.byCountry, actual.byCountry);
        assertEquals(expected.tableNames, actual.tableNames);
        assertEquals(expected.tablePrograms, actual.tablePrograms);
        assertEquals(expected.exceptionRows, actual.exceptionRows);
        assertEquals(List.copyOf(expected.exceptionRows.get("listed").keySet()),
                List.copyOf(actual.exceptionRows.get("listed").keySet()), "the exception rows keep their file order");
        assertEquals(expected.dutyTables, actual.dutyTables);
        assertEquals(expected.namedTables, actual.namedTables);
        assertEquals(expected.lineClasses, actual.lineClasses);
        assertEquals(expected.editions.keySet(), actual.editions.keySet());
        expected.editions.forEach((day, edition) -> {
            TableIndex.Edition other = actual.editions.get(day);
            assertEquals(edition.from(), other.from());
            assertEquals(edition.source(), other.source());
            assertEquals(edition.tenDigitLines, other.tenDigitLines);
            // a line's Special column: its rows made from the text read back, as the loader makes them
            assertEquals(edition.lines, other.lines);
        });
        assertEquals(expected.adValoremScheduleLines(), actual.adValoremScheduleLines());
    }

    @Test
    void anyOtherRuleSetIsLoadedFromItsText() throws IOException, ClassNotFoundException {
        RuleSource bundled = RuleSource.bundled();
        assertNull(BundledRules.prebuilt(new RuleSource("rules", bundled.files())),
                "the same files from an analyst's folder name their own paths: not the build's");
        Map<String, String> edited = new TreeMap<>(bundled.files());
        edited.put("mfn/mfn.drl", edited.get("mfn/mfn.drl") + "\n// edited\n");
        assertNull(BundledRules.prebuilt(new RuleSource("rules", edited)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(bundled);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            RuleSource shipped = (RuleSource) in.readObject();
            assertNotNull(BundledRules.prebuilt(shipped), "a shipped copy of the bundled rules is hashed again, and matches");
        }
    }

    @Test
    void theIndexKeepsWarningsWithTabsAndNewlines() {
        List<Problem> warnings = new ArrayList<>();
        warnings.add(new Problem(Problem.Severity.WARNING, "rules/a b.drl", 3, 7, "one\ttab, one\nnewline, one \\ back"));
        warnings.add(Problem.warning("rules/x.csv", 0, "plain"));
        BundledRules.Index index = new BundledRules.Index("k", "d", "t", List.of("a b.drl", "x.csv"), warnings);
        assertEquals(index, BundledRules.parse(BundledRules.format(index)));
    }
}
