package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.io.Json;
import dev.levy.model.Measure;
import dev.levy.model.NotApplied;
import dev.levy.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measure or not-applied record carries {@code confidence: medium} when a rule that produced or changed it matched a
 * row whose source is of medium confidence (sources.csv), or a fact that rests on one; the rows decide it, no Java
 * names a program. Section 122's row from 2026-04-23 and the unknown-smelt aluminum row are medium in the bundled rules.
 */
class ConfidenceTest {
    @TempDir
    Path dir;

    private static final String FOOTWEAR = "{\"hts\":\"6402.99.90\",\"origin\":\"VN\",\"entryDate\":\"%s\",\"value\":1000}";
    private static final String UNKNOWN_SMELT = "{\"hts\":\"7606.12.30\",\"origin\":\"DE\",\"entryDate\":\"2025-07-01\","
            + "\"value\":10000,\"declarations\":[\"ALUMINUM_SMELT_UNKNOWN\"]}";

    private static Measure measure(Result r, String program) {
        return r.measures().stream().filter(m -> m.program().equals(program)).findFirst().orElseThrow();
    }

    private static NotApplied notApplied(Result r, String program, String heading) {
        return r.notApplied().stream().filter(n -> n.program().equals(program) && heading.equals(n.heading()))
                .findFirst().orElseThrow(() -> new AssertionError(r.notApplied().toString()));
    }

    @Test
    void aMeasureFromAMediumRowSaysSoAndOneFromPrimaryTextDoesNot() {
        Result r = TestSupport.result(TestSupport.levy().evaluate(FOOTWEAR.formatted("2026-05-04")));
        Measure surcharge = measure(r, "SECTION_122");
        assertEquals("medium", surcharge.confidence());
        assertEquals(List.of("section122-9903-03-01-expiry"), surcharge.mediumSources());
        assertNull(measure(r, "MFN").confidence());
        Result before = TestSupport.result(TestSupport.levy().evaluate(FOOTWEAR.formatted("2026-04-22")));
        assertNull(measure(before, "SECTION_122").confidence(), "the row before 2026-04-23 is primary text");
    }

    @Test
    void theJsonCarriesConfidenceOnlyWhereMediumAndNeverTheSourceList() {
        JsonNode r = Json.MAPPER.valueToTree(TestSupport.levy().evaluate(FOOTWEAR.formatted("2026-05-04")));
        assertEquals("medium", r.get("measures").get(0).get("confidence").asText());
        assertFalse(r.get("measures").get(1).has("confidence"), r.get("measures").get(1).toString());
        assertFalse(r.toString().contains("mediumSources"), "the contract's field is confidence alone");
        List<String> fields = new java.util.ArrayList<>();
        r.get("measures").get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(fields.indexOf("citation") + 1, fields.indexOf("confidence"), "confidence follows the citation");
    }

    /** The in-lieu rule replaces the duty from a medium row: the copy, the carve-out it decides and the records carry it. */
    @Test
    void aMediumRowThatChangesADutyAndTheRelationsItDecidesCarryIt() {
        Result r = TestSupport.result(TestSupport.levy().evaluate(UNKNOWN_SMELT));
        assertEquals(List.of("cbp-guidance-9903.85.67"), measure(r, "SECTION_232_ALUMINUM").mediumSources());
        assertEquals("medium", measure(r, "IEEPA_RECIPROCAL").confidence(), "its basis is carved by the medium 232 duty");
        assertEquals("medium", notApplied(r, "IEEPA_RECIPROCAL", "9903.01.33").confidence());
        assertEquals("medium", notApplied(r, "SECTION_232_ALUMINUM", "9903.85.02").confidence());
        assertNull(measure(r, "MFN").confidence());
        Result russia = TestSupport.result(TestSupport.levy().evaluate(UNKNOWN_SMELT.replace("UNKNOWN", "RUSSIA")));
        assertNull(measure(russia, "SECTION_232_ALUMINUM").confidence(), "the same heading from a row of primary text");
        assertTrue(russia.measures().stream().allMatch(m -> m.confidence() == null), russia.measures().toString());
    }

    /** An analyst who confirms a fact from primary text changes one source row: the records lose their confidence. */
    @Test
    void flippingTheSourceToHighTakesTheConfidenceAway() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        TestSupport.confirmSources(rules, "section122-9903-03-01-expiry", "cbp-guidance-9903.85.67");
        Levy confirmed = Levy.fromDirectory(rules);
        Result footwear = TestSupport.result(confirmed.evaluate(FOOTWEAR.formatted("2026-05-04")));
        assertNull(measure(footwear, "SECTION_122").confidence());
        Result aluminum = TestSupport.result(confirmed.evaluate(UNKNOWN_SMELT));
        assertTrue(aluminum.measures().stream().allMatch(m -> m.confidence() == null), aluminum.measures().toString());
        assertTrue(aluminum.notApplied().stream().allMatch(n -> n.confidence() == null), aluminum.notApplied().toString());
        assertEquals(TestSupport.result(TestSupport.levy().evaluate(UNKNOWN_SMELT)).totalDuty(), aluminum.totalDuty(),
                "confidence changes no amount");
    }

    /** The end of a program whose source is of medium confidence: its not-applied record says so. */
    @Test
    void anEndRestingOnAMediumSourceSaysSo() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path ends = rules.resolve("terminations.csv");
        Files.writeString(ends, Files.readString(ends) + "SECTION_301,2026-03-10,,2026-03-05,an analyst's test end of the "
                + "China 301 duties,section122-9903-03-01-expiry\n");
        Result r = TestSupport.result(Levy.fromDirectory(rules).evaluate(
                "{\"hts\":\"6109.10.00\",\"origin\":\"CN\",\"entryDate\":\"2026-03-11\",\"value\":10000}"));
        NotApplied ended = r.notApplied().stream().filter(n -> n.program().equals("SECTION_301")).findFirst().orElseThrow();
        assertEquals(List.of("section122-9903-03-01-expiry"), ended.mediumSources());
        assertTrue(r.notApplied().stream().filter(n -> n.program().startsWith("IEEPA"))
                .allMatch(n -> n.confidence() == null), "the IEEPA ends cite EO 14389, primary text");
    }
}
