package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** levy diff counts every input once: read = changed + unchanged + rejected, and lists each rejection with its side. */
class DiffCountsTest {
    @TempDir
    Path dir;

    @Test
    void rejectedLinesAreCountedAndListedNotUnchanged() throws IOException {
        Path in = Files.writeString(dir.resolve("entries.jsonl"), """
                {"id":"robot","hts":"8479.50.00","origin":"JP","entryDate":"2025-08-20","value":10000}
                {"id":"bad-hts","hts":"12","origin":"JP","entryDate":"2025-08-20","value":10000}
                {"id":"steel","hts":"7208.51.00","origin":"DE","entryDate":"2025-04-17","value":10000}
                {"hts":
                """);
        CliTest.Run r = CliTest.run("diff", "--as-known", "2025-08-20", in.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("CHANGED " + in + ":1 (robot)"), r.out());
        assertTrue(r.out().contains("REJECTED " + in + ":2 (bad-hts)\n  both: INVALID_HTS hts: "), r.out());
        assertTrue(r.out().contains("REJECTED " + in + ":4\n  both: INVALID_JSON: "), r.out());
        assertTrue(r.out().contains("4 shipments, 1 changed, 1 unchanged, 2 rejected (2 before, 2 after;"), r.out());
    }

    @Test
    void aLineRejectedOnOneSideOnlyIsListedWithBothSidesAndFailsOnChange() throws IOException {
        Path rules = TestSupport.copyOfRules(Files.createDirectories(dir.resolve("rules-b")));
        Path schedule = rules.resolve("mfn/schedule.csv");
        // the number unknown to the new rules: its 8-digit line and its 10-digit lines out of the schedule
        Files.writeString(schedule, Files.readString(schedule).replaceAll("(?m)^7208\\.51\\.00[,.].*\\R", ""));
        Path in = Files.writeString(dir.resolve("entries.jsonl"), """
                {"id":"steel","hts":"7208.51.00","origin":"DE","entryDate":"2025-04-17","value":10000}
                {"id":"car","hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17","value":30000}
                """);
        String old = TestSupport.projectDir().resolve("rules").toString();
        CliTest.Run r = CliTest.run("diff", "--rules", old, "--rules", rules.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("REJECTED " + in + ":1 (steel)\n  before: evaluated, total $2,500.00\n"
                + "  after: UNKNOWN_HTS hts: "), r.out());
        assertTrue(r.out().contains("2 shipments, 0 changed, 1 unchanged, 1 rejected (0 before, 1 after;"), r.out());
        assertEquals(1, CliTest.run("diff", "--fail-on-change", "--rules", old, "--rules", rules.toString(),
                in.toString()).exit(), "a line that the new rules reject is a change");
    }
}
