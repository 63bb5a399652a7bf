package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code levy check --stats}: the measures of a rules folder, read from its text, even when the folder does not load. */
class CheckStatsTest {
    @TempDir
    Path dir;

    @Test
    void measuresAFolderThatNoLongerLoads() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        CliRunner.Run before = CliRunner.run("check", "--stats", "--rules", rules.toString());
        assertEquals(0, before.exit(), before.err());
        Path drl = rules.resolve("section201/section201.drl");
        // an old-style rule: a literal salience, a date, a heading and a country written in DRL (refused by a load)
        Files.writeString(drl, Files.readString(drl) + """

                rule "Old style"
                    salience 10
                    @citation("EO 14323")
                    @message("old")
                    ruleflow-group "duties"
                when
                    s : Shipment(origin == "BR", regimeDate >= "2025-08-06")
                then
                    insert(Duty.of(kcontext, s, "IEEPA_BRAZIL", "9903.01.77", new java.math.BigDecimal("40"), s.getValue()));
                end
                """);
        assertEquals(3, CliRunner.run("check", "--rules", rules.toString()).exit(), "the folder no longer loads");
        CliRunner.Run after = CliRunner.run("check", "--stats", "--rules", rules.toString());
        assertEquals(0, after.exit(), after.err());
        assertEquals(measure(before.out(), "rules") + 1, measure(after.out(), "rules"), after.out());
        assertEquals(measure(before.out(), "salience keywords in DRL") + 1, measure(after.out(), "salience keywords in DRL"));
        assertEquals(measure(before.out(), "literals in DRL code: dates") + 1,
                measure(after.out(), "literals in DRL code: dates"));
        assertEquals(measure(before.out(), "headings") + 1, measure(after.out(), "headings"));
        assertEquals(measure(before.out(), "countries") + 1, measure(after.out(), "countries"));
        assertTrue(after.out().contains("distinct consequence shapes"), after.out());
        assertTrue(after.out().contains("DRL files, lines"), after.out());
        assertTrue(after.out().contains("tables (CSV) files, lines"), after.out());
    }

    private static int measure(String out, String name) {
        return out.lines().filter(l -> l.strip().startsWith(name)).findFirst()
                .map(l -> Integer.parseInt(l.strip().substring(name.length()).strip().split("[ ,]")[0]))
                .orElseThrow(() -> new AssertionError("no measure " + name + " in\n" + out));
    }
}
