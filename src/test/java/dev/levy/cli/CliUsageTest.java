package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors say what is wrong in a line and exit 2; input that is not what its reader expects is refused before a
 * line is read the wrong way.
 */
class CliUsageTest {
    static final String CAR = "{\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000}";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void assertNoJavaInside(CliTest.Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("java."), r.err());
        assertFalse(r.err().contains("Usage:"), "one line, not the whole usage: " + r.err());
    }

    @Test
    void evalOfAFolderSaysSoAndExitsTwo() {
        CliTest.Run r = CliTest.run("eval", dir.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("levy eval: " + dir + " is a directory: give a file of shipments or -", r.err().strip());
        CliTest.Run refunds = CliTest.run("refunds", dir.toString());
        assertEquals(2, refunds.exit());
        assertTrue(refunds.err().contains("is a directory: give a file of shipments or -"), refunds.err());
    }

    @Test
    void testOfAMissingPathIsAUsageError() {
        CliTest.Run r = CliTest.run("test", dir.resolve("nosuchdir").toString());
        assertEquals(2, r.exit(), "a typo in a path is not a failing fixture: " + r.out() + r.err());
        assertEquals("levy test: no such file or folder: " + dir.resolve("nosuchdir"), r.err().strip());
    }

    @Test
    void aMissingRulesFolderIsAUsageErrorForEveryCommand() throws IOException {
        String missing = dir.resolve("no-rules").toString();
        Path in = file("car.json", CAR);
        Path usitc = file("usitc.csv", "HTS Number,Description\n");
        List<List<String>> commands = List.of(
                List.of("eval", "--rules", missing, in.toString()),
                List.of("test", "--rules", missing, in.toString()),
                List.of("check", "--rules", missing),
                List.of("refunds", "--rules", missing, in.toString()),
                List.of("diff", "--rules", missing, "--rules", TestSupport.projectDir().resolve("rules").toString(),
                        in.toString()),
                List.of("import-hts", usitc.toString(), "--rules", missing),
                List.of("bench", "--rules", missing, "--lines", "1"),
                List.of("serve", "--rules", missing, "--port", "0"));
        for (List<String> args : commands) {
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertEquals("levy " + args.get(0) + ": --rules: rules folder " + missing + " does not exist", r.err().strip(),
                    args.toString());
        }
        CliTest.Run file = CliTest.run("check", "--rules", in.toString());
        assertEquals(2, file.exit());
        assertTrue(file.err().contains(in + " is a file, not a rules folder"), file.err());
    }

    @Test
    void aDateThatIsNotOneIsNamedWithoutAStackTrace() throws IOException {
        Path in = file("car.json", CAR);
        CliTest.Run r = CliTest.run("eval", "--as-known", "2025-13-01", in.toString());
        assertEquals(2, r.exit());
        assertEquals("levy eval: --as-known: not a date (YYYY-MM-DD): 2025-13-01", r.err().strip());
        assertNoJavaInside(r);
        CliTest.Run diff = CliTest.run("diff", "--as-known", "2025-02-30", in.toString());
        assertEquals(2, diff.exit());
        assertEquals("levy diff: --as-known: not a date (YYYY-MM-DD): 2025-02-30", diff.err().strip());
        CliTest.Run format = CliTest.run("eval", "--input-format", "xml", in.toString());
        assertEquals(2, format.exit());
        assertTrue(format.err().startsWith("levy eval: --input-format: "), format.err());
        assertNoJavaInside(format);
    }

    @Test
    void aCsvFileIsReadAsCsvFromItsName() throws IOException {
        Path csv = file("entries.csv", "id,hts,origin,entryDate,value\na,8703.23.01,JP,2025-04-17,30000\n"
                + "b,8703.23.01,JP,2025-04-17,100\n");
        CliTest.Run r = CliTest.run("eval", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("read 2, evaluated 2, rejected 0"), r.err());
        assertTrue(r.out().lines().findFirst().orElse("").contains("\"totalDuty\":8250.00"), r.out());
        CliTest.Run refunds = CliTest.run("refunds", csv.toString(), "--summary", dir.resolve("s.json").toString());
        assertEquals(0, refunds.exit(), refunds.err());
        assertTrue(refunds.err().contains("read 2, evaluated 2, rejected 0"), refunds.err());
        CliTest.Run asJson = CliTest.run("eval", "--input-format", "json", csv.toString());
        assertEquals(2, asJson.exit(), "an explicit format wins over the name");
    }

    @Test
    void csvUnderAnotherNameIsRefusedWholeNotLineByLine() throws IOException {
        Path txt = file("entries.txt", "hts,origin,entryDate,value\n8703.23.01,JP,2025-04-17,30000\n");
        CliTest.Run r = CliTest.run("eval", txt.toString());
        assertEquals(2, r.exit());
        assertEquals("levy eval: the input looks like CSV (its first line is a header: hts,origin,entryDate,value): "
                + "use --input-format csv", r.err().strip());
        assertEquals("", r.out(), "no line was read as JSON");
        assertEquals(0, CliTest.run("eval", "--input-format", "csv", txt.toString()).exit());
        CliTest.Run refunds = CliTest.run("refunds", txt.toString());
        assertEquals(2, refunds.exit());
        assertTrue(refunds.err().contains("looks like CSV") && refunds.err().contains("--input-format csv"), refunds.err());
        CliTest.Run diff = CliTest.run("diff", "--scenario", "ieepa-invalidated", txt.toString());
        assertEquals(2, diff.exit());
        assertTrue(diff.err().contains("looks like CSV"), diff.err());
    }

    @Test
    void aBadFirstJsonLineIsStillOneRejectedLine() throws IOException {
        Path jsonl = file("entries.jsonl", "not json at all\n" + CAR + "\n");
        CliTest.Run r = CliTest.run("eval", jsonl.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("read 2, evaluated 1, rejected 1"), "only a CSV header stops the batch: " + r.err());
    }
}
