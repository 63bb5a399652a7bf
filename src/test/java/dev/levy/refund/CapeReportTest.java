package dev.levy.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.bench.ShipmentGenerator;
import dev.levy.cli.CliRunner;
import dev.levy.io.Json;
import dev.levy.model.Result;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code levy refunds --cape}: per-entry sums, paths, the CAPE files, and every line accounted for. */
class CapeReportTest {

    @Test
    void perEntryRefundsSumToTheLinesRefundableAndEveryLineIsAccountedFor(@TempDir Path dir) throws IOException {
        Levy levy = TestSupport.levy();
        ShipmentGenerator g = new ShipmentGenerator(levy.ruleSet(), 2026);
        StringBuilder in = new StringBuilder();
        BigDecimal refundable = BigDecimal.ZERO;
        int lines = 600;
        for (int i = 0; i < lines; i++) {
            String line = g.next();
            if (levy.evaluate(line) instanceof Result r) {
                refundable = refundable.add(r.refundable());
            }
            // three lines an entry, interleaved: entries are grouped by number, not by adjacency
            int entry = i % (lines / 3);
            in.append(line, 0, line.length() - 1).append(String.format(",\"entryNumber\":\"AB1%07d1\",\"entryType\":\"01\"}",
                    entry)).append('\n');
        }
        Path input = dir.resolve("lines.jsonl");
        Files.writeString(input, in);
        CliRunner.Run run = CliRunner.run("refunds", "--cape", dir.resolve("out").toString(), "--as-of", "2026-05-15",
                input.toString());
        List<JsonNode> entries = entries(dir.resolve("out"));
        BigDecimal sum = BigDecimal.ZERO;
        List<Long> seen = new ArrayList<>();
        for (JsonNode e : entries) {
            sum = sum.add(e.get("refundable").decimalValue());
            e.get("lines").forEach(n -> seen.add(n.asLong()));
        }
        assertEquals(0, refundable.compareTo(sum), "the entries' refunds are the lines' refundable: " + run.err());
        assertEquals(lines, seen.size(), "every line once");
        assertEquals(lines, seen.stream().distinct().count());
        assertEquals("AB1-0000000-1", entries.get(0).get("entryNumber").asText(), "in order of first appearance");
        assertEquals(List.of(1L, 201L, 401L), List.of(entries.get(0).get("lines").get(0).asLong(),
                entries.get(0).get("lines").get(1).asLong(), entries.get(0).get("lines").get(2).asLong()));
        assertTrue(run.err().contains("interest not included"), run.err());
    }

    @Test
    void anInconsistentEntryIsReportedWithItsLinesAndTheOthersGoOn(@TempDir Path dir) throws IOException {
        String vn = "{\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":1000,";
        Path input = dir.resolve("lines.jsonl");
        Files.writeString(input, vn + "\"entryNumber\":\"XYZ-1234567-8\",\"entryType\":\"01\"}\n"
                + vn + "\"entryNumber\":\"ABC12345678\",\"entryType\":\"01\"}\n"
                + vn + "\"entryNumber\":\"XYZ12345678\",\"entryType\":\"47\"}\n"
                + vn + "\"entryNumber\":\"QQQ-1234567-8\",\"entryType\":\"01\"}\n"
                + "{\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":-1,"
                + "\"entryNumber\":\"QQQ-1234567-8\",\"entryType\":\"01\"}\n"
                + vn + "\"entryType\":\"01\"}\n");
        CliRunner.Run run = CliRunner.run("refunds", "--cape", dir.resolve("out").toString(), "--as-of", "2026-05-15",
                input.toString());
        assertEquals(2, run.exit(), "a rejected line: exit 2, " + run.err());
        List<JsonNode> entries = entries(dir.resolve("out"));
        assertEquals("XYZ-1234567-8", entries.get(0).get("entryNumber").asText());
        assertEquals(CapeReport.INCONSISTENT, entries.get(0).get("path").asText());
        assertEquals("[1,3]", entries.get(0).get("lines").toString());
        assertTrue(entries.get(0).get("reason").asText().contains("entryType"), entries.get(0).toString());
        assertEquals("CAPE", entries.get(1).get("path").asText(), "the other entries go on");
        assertEquals(CapeReport.INCOMPLETE, entries.get(2).get("path").asText(), "a rejected line: no quiet total");
        assertEquals("[4,5]", entries.get(2).get("lines").toString());
        assertEquals(CapeReport.NO_ENTRY_NUMBER, entries.get(3).get("path").asText());
        assertEquals(List.of("Entry Number", "ABC-1234567-8"), Files.readAllLines(dir.resolve("out/cape-001.csv")));
        assertTrue(entries.get(0).get("deadline").isNull(), "deadline written as null");
    }

    @Test
    void csvInputCarriesTheEntryFacts(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("lines.csv");
        Files.writeString(input, "hts,origin,entryDate,value,entryNumber,entryType,liquidationDate,protestOpen,drawback\n"
                + "6403.99.60,VN,2025-06-17,1000,ABC-1234567-8,01,2026-02-24,false,\n"
                + "6403.99.60,VN,2025-06-17,1000,ABC-1234567-8,01,2026-02-24,false,false\n"
                + "6403.99.60,VN,2025-06-17,1000,XYZ-1234567-8,01,2026-03-01,true,\n");
        CliRunner.Run run = CliRunner.run("refunds", "--cape", dir.resolve("out").toString(), "--as-of", "2026-05-15",
                input.toString());
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> entries = entries(dir.resolve("out"));
        assertEquals("CAPE", entries.get(0).get("path").asText(), "80 days after 2026-02-24 is 2026-05-15");
        assertEquals("2026-05-15", entries.get(0).get("deadline").asText());
        assertEquals("[2,3]", entries.get(0).get("lines").toString(), "CSV lines are numbered as in the file");
        assertEquals("PROTEST", entries.get(1).get("path").asText(), "an open protest");
    }

    @Test
    void tenThousandCapeEntriesSplitIntoTwoFilesOfAtMost9999(@TempDir Path dir) throws IOException {
        List<CapeReport.EntryResult> results = new ArrayList<>();
        BigDecimal one = new BigDecimal("1.00");
        for (int i = 0; i < 10_000; i++) {
            results.add(new CapeReport.EntryResult(String.format("AB1-%07d-1", i), List.of((long) i + 1), one,
                    BigDecimal.ZERO, "CAPE", "r", "c", null, CapeReport.INTEREST));
        }
        int perFile = TestSupport.levy().ruleSet().refundPaths().days().get(CapeReport.PER_DECLARATION);
        assertEquals(9999, perFile);
        var totals = CapeReport.write(results, dir, perFile);
        List<String> first = Files.readAllLines(dir.resolve("cape-001.csv"));
        List<String> second = Files.readAllLines(dir.resolve("cape-002.csv"));
        assertEquals(1 + 9999, first.size());
        assertEquals(List.of("Entry Number", "AB1-0009999-1"), second);
        assertEquals("AB1-0000000-1", first.get(1));
        assertTrue(Files.notExists(dir.resolve("cape-003.csv")));
        assertEquals(10_000, totals.get("CAPE").getEntries());
        assertEquals(new BigDecimal("10000.00"), totals.get("CAPE").getRefundable());
    }

    @Test
    void anEarlierRunsCapeFilesAreNeverOverwritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cape-001.csv"), "Entry Number\r\n");
        CliRunner.Run run = CliRunner.run("refunds", "--cape", dir.toString(), "--as-of", "2026-05-15", "/dev/null");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("cape-001.csv exists"), run.err());
    }

    private static List<JsonNode> entries(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("entries.jsonl"))) {
            out.add(Json.MAPPER.readTree(l));
        }
        return out;
    }
}
