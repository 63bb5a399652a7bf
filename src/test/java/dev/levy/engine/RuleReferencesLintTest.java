package dev.levy.engine;

import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.cli.CliRunner;
import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that compile but would break at run time are refused at load, reload and by {@code levy check}, at the
 * analyst's FILE:LINE:COL with the nearest known names: a message placeholder naming no binding of the rule
 * ({@code {q.rate}}: every shipment firing the rule failed as RULES_FAILED) or no property of the bound type
 * ({@code {s.orign}}: customers read {@code {?orign}}), and a program or declaration literal not in
 * {@code programs.csv} / {@code declarations.csv} (the rule silently never matched). Before the fix, each of these
 * rule sets loaded and {@code levy check} said "rules OK".
 */
class RuleReferencesLintTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // file | text in the bundled rules | misspelt | where the error points, in the new text | expected message parts
            "mfn/mfn.drl | HTS {s.hts} pays | HTS {q.rate} pays | {q.rate} | the rule binds no q;did you mean r, s?",
            "mfn/mfn.drl | HTS {s.hts} pays | HTS {s.orign} pays | {s.orign} | Shipment s has no property orign;did you mean origin?",
            "mfn/mfn.drl | (schedule line {r.heading}, | (schedule line {r.from:usd}, | {r.from:usd} | :usd formats an amount;r.from is a LocalDate",
            "section201/section201.drl | program == \"SECTION_201\" | program == \"SECTION_2O1\" | \"SECTION_2O1\" | program \"SECTION_2O1\" is not in programs.csv;did you mean SECTION_201",
            "mfn/mfn.drl | Duty.of(kcontext, s, \"MFN\" | Duty.of(kcontext, s, \"MFM\" | \"MFM\" | program \"MFM\" is not in programs.csv;did you mean MFN",
            "stacking/stacking.drl | program.startsWith(\"IEEPA\") | program.startsWith(\"IEPA\") | \"IEPA\" | no program of programs.csv starts with \"IEPA\";did you mean IEEPA",
            "mfn/mfn.drl | Exemption.of(kcontext, s, \"MFN\", null) | Exemption.of(kcontext, s, \"MNF\", null) | \"MNF\" | program \"MNF\" is not in programs.csv;did you mean MFN?",
            "reciprocal/reciprocal.drl | declarations contains \"CIVIL_AIRCRAFT\" | declarations contains \"CIVIL_AIRCRAF\" | \"CIVIL_AIRCRAF\" | declaration \"CIVIL_AIRCRAF\" is not in declarations.csv;did you mean CIVIL_AIRCRAFT?",
    })
    void refusedAtItsLineAndColumnWithTheNearestName(String file, String bundled, String misspelt, String pointsAt,
                                                     String expected) throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path drl = rules.resolve(file);
        String text = Files.readString(drl);
        int at = text.indexOf(bundled);
        assertTrue(at >= 0, bundled + " is no longer in " + file + ": pick another sample");
        String broken = text.substring(0, at) + misspelt + text.substring(at + bundled.length());
        Files.writeString(drl, broken);
        int offset = broken.indexOf(pointsAt, at);
        String where = drl + ":" + lineOf(broken, offset) + ":" + (offset - broken.lastIndexOf('\n', offset - 1)) + ":";

        CliRunner.Run check = CliRunner.run("check", "--rules", rules.toString());
        assertEquals(3, check.exit(), check.err());
        assertFalse(check.out().contains("rules OK"), check.out());
        String line = check.err().lines().filter(l -> l.startsWith(where)).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + where + " in:\n" + check.err()));
        for (String part : expected.split(";")) {
            assertTrue(line.contains(part), "expected '" + part + "' in: " + line);
        }
    }

    @Test
    void theFacadeRefusesThemToo() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path drl = rules.resolve("section201/section201.drl");
        Files.writeString(drl, Files.readString(drl).replace("program == \"SECTION_201\"", "program == \"SECTION_2O1\"")
                .replace("{s.hts}", "{s.vaule:usd}"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(rules));
        List<String> errors = e.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
        assertTrue(errors.stream().anyMatch(p -> p.startsWith(drl + ":") && p.contains("\"SECTION_2O1\" is not in")), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.startsWith(drl + ":") && p.contains("no property vaule")), errors.toString());
    }

    @Test
    void aReloadRefusesThemAndKeepsServingTheRunningRules() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Levy levy = Levy.fromDirectory(rules);
        Path drl = rules.resolve("mfn/mfn.drl");
        Files.writeString(drl, Files.readString(drl).replace("HTS {s.hts} pays", "HTS {s.orign} pays"));
        Levy.Reload reload = levy.reload();
        assertFalse(reload.applied());
        assertTrue(reload.problems().stream().anyMatch(p -> p.message().contains("has no property orign")),
                reload.problems().toString());
    }

    @Test
    void aMisspeltNameInACommentOrAnotherStringIsNoReference() throws IOException {
        Path rules = TestSupport.copyOfRules(dir);
        Path drl = TestSupport.testDrl(rules);
        Files.writeString(drl, Files.readString(drl) + "\n// program == \"NOT_A_PROGRAM\", declarations contains \"NOPE\"\n");
        assertEquals(List.of(), Levy.fromDirectory(rules).ruleSet().warnings().stream()
                .filter(p -> p.message().contains("NOT_A_PROGRAM") || p.message().contains("NOPE")).toList());
    }

    @Test
    void theBundledRulesPass() {
        CliRunner.Run check = CliRunner.run("check");
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("rules OK"), check.out());
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
