package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands say of the records resting on sources of medium confidence: {@code levy eval --format text} beside
 * the measure, {@code levy eval --summary} apart, {@code levy check --confidence} source by source.
 */
class ConfidenceCommandsTest {
    @TempDir
    Path dir;

    private static final String FOOTWEAR = "{\"hts\":\"6402.99.90\",\"origin\":\"VN\",\"entryDate\":\"%s\",\"value\":1000}";
    private static final String MEDIUM_LINE = "medium confidence (secondary sources, not primary text): source "
            + "section122-9903-03-01-expiry";

    @Test
    void theTextSaysMediumConfidenceAndTheSourceBesideTheMeasure() throws IOException {
        Path f = Files.writeString(dir.resolve("one.json"), FOOTWEAR.formatted("2026-05-04"));
        CliTest.Run r = CliTest.run("eval", "--format", "text", f.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        int surcharge = lines.indexOf(lines.stream().filter(l -> l.contains("SECTION_122  9903.03.01")).findFirst().orElseThrow());
        assertTrue(lines.get(surcharge + 2).strip().equals(MEDIUM_LINE), lines.get(surcharge + 2));
        assertEquals(1, lines.stream().filter(l -> l.contains("medium confidence")).count(), r.out());
        Path before = Files.writeString(dir.resolve("before.json"), FOOTWEAR.formatted("2026-04-22"));
        assertFalse(CliTest.run("eval", "--format", "text", before.toString()).out().contains("medium confidence"));
    }

    @Test
    void theSummarySetsApartTheDutyRestingOnMediumSources() throws IOException {
        Path f = Files.writeString(dir.resolve("s.jsonl"), String.join("\n", FOOTWEAR.formatted("2026-05-04"),
                FOOTWEAR.formatted("2026-04-22"), FOOTWEAR.formatted("2026-06-01").replace("1000", "2000")) + "\n");
        Path summary = dir.resolve("summary.json");
        CliTest.Run r = CliTest.run("eval", "--summary", summary.toString(), f.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode s = TestSupport.json(Files.readString(summary));
        JsonNode medium = s.get("mediumConfidence");
        assertEquals(2, medium.get("shipments").asInt(), medium.toString());
        assertEquals("3000.00", medium.get("value").decimalValue().toPlainString());
        assertEquals("300.00", medium.get("duty").decimalValue().toPlainString(), "the surcharge alone, not the MFN line");
        assertEquals("1200.00", s.get("totalDuty").decimalValue().toPlainString());
    }

    @Test
    void checkConfidenceListsEachMediumSourceWithItsRowsAndTheRulesThatReadThem() throws IOException {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.copy(TestSupport.projectDir().resolve("fixtures/section122/section122_confidence_2026b.json"),
                fixtures.resolve("section122_confidence_2026b.json"));
        CliTest.Run r = CliTest.run("check", "--confidence", "--fixtures", fixtures.toString());
        assertEquals(0, r.exit(), r.err());
        String entry = entry(r.out(), "section122-9903-03-01-expiry");
        assertTrue(entry.contains("Proclamation 11012"), entry);
        int first = Files.readAllLines(TestSupport.projectDir().resolve("rules/section122/section122_rate.csv")).stream()
                .takeWhile(l -> !l.endsWith(",section122-9903-03-01-expiry")).toList().size() + 1;
        assertTrue(entry.contains("  rows: rules/section122/section122_rate.csv:" + first + "-"), first + " " + entry);
        assertTrue(entry.contains("  read by: \"Listed duty: a row of a listed table, on the full value\" (rules/duties/"
                + "listed_duties.drl:"), entry);
        assertTrue(entry(r.out(), "cbp-guidance-9903.85.67").contains("read by: no rule in the fixtures' shipments"));
        assertFalse(r.out().contains("\nproclamation-10522-9903.85.67:"), "a source of high confidence is not listed");
    }

    /** The analyst confirms the fact: one source row changes, and nothing rests on it as medium any more. */
    @Test
    void aSourceFlippedToHighLeavesTheList() throws IOException {
        Path rules = TestSupport.copyOfRules(Files.createDirectories(dir.resolve("rules")));
        TestSupport.confirmSources(rules, "section122-9903-03-01-expiry");
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        CliTest.Run r = CliTest.run("check", "--confidence", "--rules", rules.toString(), "--fixtures", fixtures.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("\nsection122-9903-03-01-expiry:"), r.out());
        assertTrue(r.out().contains("\ncbp-guidance-9903.85.67:"));
    }

    /** The lines of the report from {@code id:} to the next blank line. */
    private static String entry(String report, String id) {
        int start = report.indexOf("\n" + id + ": ");
        assertTrue(start >= 0, id + " is not listed:\n" + report);
        int end = report.indexOf("\n\n", start + 1);
        return report.substring(start + 1, end < 0 ? report.length() : end);
    }
}
