package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.TestSupport;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.io.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming batches: order, counts, bad lines in JSON Lines and CSV, and thread-count independence. */
class BatchTest {
    private static final String GOOD = "{\"id\":\"%s\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> lines(String out) {
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Test
    void aLargeInputKeepsItsOrderAndIsByteIdenticalAtOneAndManyThreads() throws IOException {
        ShipmentGenerator generator = new ShipmentGenerator(TestSupport.levy().ruleSet(), 7);
        StringBuilder in = new StringBuilder();
        int n = 5_500; // six chunks, the last one partial
        for (int i = 0; i < n; i++) {
            in.append(generator.next()).append('\n');
        }
        Path f = file("big.jsonl", in.toString());
        CliTest.Run many = CliTest.run("eval", "--threads", "4", f.toString());
        CliTest.Run one = CliTest.run("eval", "--threads", "1", f.toString());
        List<String> out = lines(many.out());
        assertEquals(n, out.size());
        for (int i = 0; i < n; i++) {
            assertTrue(out.get(i).startsWith("{\"id\":\"B" + (i + 1) + "\""), "line " + (i + 1) + ": " + out.get(i));
        }
        assertEquals(one.out(), many.out(), "the output does not depend on the number of threads");
        assertTrue(many.err().contains("read " + n + ", evaluated " + n + ", rejected 0"), many.err());
    }

    @Test
    void badJsonLinesAreCountedAndReportedInPlace() throws IOException {
        Path f = file("bad.jsonl", String.join("\n",
                GOOD.formatted("a"),
                "{\"id\":\"b\",\"hts\":\"8703.23.01\"",                               // truncated JSON
                "",                                                                    // blank: skipped
                "[1,2]",                                                               // not an object
                "42",                                                                  // not an object
                GOOD.formatted("c").replace("30000", "\"abc\""),                      // invalid value
                GOOD.formatted("d").replace("\"origin\"", "\"orgin\""),               // unknown field
                GOOD.formatted("e")) + "\n");
        Path errors = dir.resolve("errors.jsonl");
        CliTest.Run r = CliTest.run("eval", "--threads", "2", "--errors", errors.toString(), f.toString());
        List<String> out = lines(r.out());
        assertEquals(7, out.size(), r.out());
        assertTrue(r.err().contains("read 7, evaluated 2, rejected 5"), r.err());
        assertEquals(2, r.exit());
        assertTrue(out.get(1).contains("INVALID_JSON") && out.get(1).contains("line 2"), out.get(1));
        assertTrue(out.get(2).contains("NOT_AN_OBJECT") && out.get(3).contains("NOT_AN_OBJECT"));
        assertTrue(out.get(4).contains("\"field\":\"value\""), out.get(4));
        assertTrue(out.get(5).contains("\"field\":\"orgin\""), out.get(5));
        List<JsonNode> rejected = new ArrayList<>();
        for (String line : Files.readAllLines(errors)) {
            rejected.add(TestSupport.json(line));
        }
        assertEquals(List.of(2L, 4L, 5L, 6L, 7L), rejected.stream().map(n -> n.get("line").asLong()).toList());
        assertEquals("[1,2]", rejected.get(1).get("input").asText());
    }

    @Test
    void badCsvRowsAreCountedAndNameTheirField() throws IOException {
        Path f = file("in.csv", String.join("\n",
                "id,hts,origin,entryDate,value,metalContent.steel,declarations",
                "a,8703.23.01,JP,2025-04-17,30000,,",
                "b,8703.23.01,JP,2025-04-17",                                         // too few cells
                "c,8703.23.01,JP,2025-04-17,abc,,",                                   // value not a number
                "d,8703.23.01,ZZ,2025-04-17,30000,,",                                 // bad country
                "e,8703.23.01,JP,2025-04-17,30000,,NO_SUCH_THING",                    // unknown declaration
                "f,7208.51.00,DE,2025-04-17,1000.50,900,") + "\n");
        Path errors = dir.resolve("errors.jsonl");
        CliTest.Run r = CliTest.run("eval", "--input-format", "csv", "--errors", errors.toString(), f.toString());
        List<String> out = lines(r.out());
        assertEquals(6, out.size(), r.out() + r.err());
        assertTrue(r.err().contains("read 6, evaluated 2, rejected 4"), r.err());
        assertTrue(out.get(0).startsWith("{\"id\":\"a\",\"hts\":\"8703.23.01\""), out.get(0));
        assertTrue(out.get(1).contains("INVALID_CSV"), out.get(1));
        assertTrue(out.get(2).contains("\"field\":\"value\""), out.get(2));
        assertTrue(out.get(3).contains("\"field\":\"origin\""), out.get(3));
        assertTrue(out.get(4).contains("\"field\":\"declarations\""), out.get(4));
        assertTrue(out.get(5).startsWith("{\"id\":\"f\""), out.get(5));
        assertEquals(4, Files.readAllLines(errors).size());
        assertEquals(3, TestSupport.json(Files.readAllLines(errors).get(0)).get("line").asInt());
    }

    @Test
    void aCsvRowGivesTheSameResultAsItsJson() throws IOException {
        Path csv = file("one.csv", "hts,origin,entryDate,value\n8703.23.01,JP,2025-04-17,30000\n8703.23.01,JP,2025-04-17,100\n");
        Path jsonl = file("one.jsonl", "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}\n"
                + "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":100}\n");
        assertEquals(CliTest.run("eval", jsonl.toString()).out(), CliTest.run("eval", "--input-format", "csv", csv.toString()).out());
    }

    @Test
    void anArrayIsStreamedElementByElement() throws IOException {
        Path f = file("array.json", "[" + GOOD.formatted("a") + ", 42,\n" + GOOD.formatted("c") + "]");
        CliTest.Run r = CliTest.run("eval", f.toString());
        List<String> out = lines(r.out());
        assertEquals(3, out.size(), r.out());
        assertTrue(out.get(1).contains("NOT_AN_OBJECT"));
        assertTrue(r.err().contains("read 3, evaluated 2, rejected 1"), r.err());
    }

    @Test
    void thePrettyPrintedSingleShipmentStaysOneResult() throws IOException {
        Path f = file("pretty.json", Json.pretty(TestSupport.json(GOOD.formatted("p"))));
        CliTest.Run r = CliTest.run("eval", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("{\n  \"id\" : \"p\""), r.out());
    }

    @Test
    void theSummaryTotalsTheDutyExactly() throws IOException {
        Path f = file("s.jsonl", GOOD.formatted("a") + "\n" + GOOD.formatted("b").replace("30000", "100.10") + "\n{}\n");
        Path summary = dir.resolve("summary.json");
        CliTest.Run r = CliTest.run("eval", "--summary", summary.toString(), f.toString());
        BigDecimal expected = BigDecimal.ZERO;
        for (String line : lines(r.out())) {
            JsonNode n = TestSupport.json(line);
            if (n.has("totalDuty")) {
                expected = expected.add(n.get("totalDuty").decimalValue());
            }
        }
        JsonNode s = TestSupport.json(Files.readString(summary));
        assertEquals(3, s.get("read").asInt());
        assertEquals(1, s.get("rejected").asInt());
        assertEquals(0, expected.compareTo(s.get("totalDuty").decimalValue()));
        assertEquals(0, expected.compareTo(s.get("byOrigin").get("JP").get("duty").decimalValue()));
        assertEquals(0, expected.compareTo(s.get("byMonth").get("2025-04").get("duty").decimalValue()));
        BigDecimal byProgram = BigDecimal.ZERO;
        for (JsonNode p : s.get("byProgram")) {
            byProgram = byProgram.add(p.get("duty").decimalValue());
        }
        assertEquals(0, expected.compareTo(byProgram));
    }
}
