package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.model.RuleSetException;
import dev.levy.model.Problem;
import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.cli.CliRunner;
import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Named precedence: each lint has a rule that breaks it (a copy of the bundled rules plus one file of
 * {@code src/test/resources/precedence/}), refused by {@code levy check} (exit 3) and by every load, at the line marked
 * {@code // BROKEN}; and a well-ordered addition derives the order its names say.
 */
class PrecedenceTest {
    @TempDir
    Path dir;

    private Path rulesWith(String name) throws IOException {
        TestSupport.copyOfRules(dir);
        Files.createDirectories(dir.resolve("zz_added"));
        Files.copy(TestSupport.projectDir().resolve("src/test/resources/precedence/" + name), dir.resolve("zz_added/" + name));
        return dir.resolve("zz_added/" + name);
    }

    private static int brokenLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// BROKEN")) {
                return i + 1;
            }
        }
        throw new AssertionError("no // BROKEN line in " + file);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unknown_name.drl | @after(\"Reciprocal exception: country outside the tarif\") names no rule (did you mean Reciprocal exception: country outside the tariff",
            "other_phase.drl  | names a rule of phase duties",
            "cycle.drl        | the named order is a cycle: \"Broken: first half of a cycle\" -> \"Broken: second half of a cycle\" -> \"Broken: first half of a cycle\"",
            "repeated_key.drl | @after is written twice",
            "unordered.drl    | and rule \"In-transit exception: loaded before the window and entered before it closed\" (",
            "when_line.drl    | nosuchfield"})
    void eachLintRefusesTheRuleThatBreaksIt(String name, String message) throws IOException {
        Path file = rulesWith(name);
        String where = file + ":" + brokenLine(file) + ":";

        CliRunner.Run check = CliRunner.run("check", "--rules", dir.toString());
        assertEquals(3, check.exit(), check.err());
        assertTrue(check.err().lines().anyMatch(l -> l.startsWith(where) && l.contains(message)),
                "expected " + where + " ... " + message + " in:\n" + check.err());

        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.isError() && (p.file() + ":" + p.line() + ":").equals(where)),
                e.problems().toString());
    }

    @Test
    void anUnknownNameIsReportedAtItsColumn() throws IOException {
        Path file = rulesWith("unknown_name.drl");
        String line = Files.readAllLines(file).get(brokenLine(file) - 1);
        int column = line.indexOf("Reciprocal exception: country outside the tarif") + 1;
        CliRunner.Run check = CliRunner.run("check", "--rules", dir.toString());
        assertTrue(check.err().contains(file + ":" + brokenLine(file) + ":" + column + ": error:"), check.err());
    }

    @Test
    void aCompilerErrorOnTheWhenLineKeepsTheAnalystsColumn() throws IOException {
        Path file = rulesWith("when_line.drl");
        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(dir));
        Problem p = e.problems().stream().filter(q -> q.file().equals(file.toString())).findFirst().orElseThrow();
        assertEquals(brokenLine(file), p.line(), p.toString());
        String line = Files.readAllLines(file).get(brokenLine(file) - 1);
        assertTrue(p.column() <= line.indexOf("//"), "a column of the analyst's line, not of the compiled one: " + p);
    }

    @Test
    void wellOrderedRulesLoadInTheOrderTheirNamesSay() throws IOException {
        rulesWith("ordered.drl");
        Levy levy = Levy.fromDirectory(dir);
        List<String> exceptions = levy.ruleSet().rules().values().stream()
                .filter(r -> r.phase().equals("exceptions"))
                .sorted((a, b) -> Integer.compare(b.salience(), a.salience())).map(RuleInfo::name).toList();
        assertBefore(exceptions, "Ordered: a new Brazil exception tried first", "Declared exception: the declaration takes the shipment out of the program's duty");
        assertBefore(exceptions, "Declared exception: the declaration takes the shipment out of the program's duty", "Listed exception: an HTS number on the program's exception list");
        assertBefore(exceptions, "Ordered: a Section 301 exception over two others", "Ordered: a Section 301 exception");
        assertBefore(exceptions, "Ordered: a Section 301 exception", "Ordered: another Section 301 exception");
        assertBefore(exceptions, "Ordered: another Section 301 exception", "Ordered: a third Section 301 exception");
        assertBefore(exceptions, "Ordered: a third Section 301 exception", "Section 301 exception: statistical line outside the list");
        assertEquals(exceptions.size(), levy.ruleSet().rules().values().stream()
                .filter(r -> r.phase().equals("exceptions")).map(RuleInfo::salience).distinct().count(),
                "one salience per rule: no tie is left to the engine");
    }

    @Test
    void theDerivedOrderDependsOnTheTextAlone() {
        RuleSource bundled = RuleSource.fromDirectory(TestSupport.projectDir().resolve("rules"));
        java.util.Map<String, String> drl = new java.util.TreeMap<>();
        bundled.files().forEach((k, v) -> {
            if (k.endsWith(".drl")) {
                drl.put(bundled.display(k), v);
            }
        });
        java.util.Map<String, String> reversed = new java.util.LinkedHashMap<>();
        List<String> files = new java.util.ArrayList<>(drl.keySet());
        java.util.Collections.reverse(files);
        files.forEach(k -> reversed.put(k, drl.get(k)));
        Precedence a = Precedence.of(drl, Map.of());
        Precedence b = Precedence.of(reversed, Map.of());
        for (String phase : List.of("duties", "exceptions", "stacking")) {
            assertEquals(a.order(phase), b.order(phase), phase);
        }
    }

    @Test
    void theProgramsOfAPatternAreReadOnlyFromFormsThatSayThemElseAnyProgram() {
        String drl = """
                rule "r"
                    ruleflow-group "exceptions"
                when
                    a : Duty(program == "A" || program == "B", rate > 0)
                    b : Duty(program in ("C", "D"))
                    c : Duty(program.startsWith("SECTION_2"), heading != "x")
                    d : Duty(program != "E")
                    e : Duty(program == "F" || rate > 0)
                    f : Duty(rate > 0) // program == "G" in a comment
                then
                    delete(a);
                end
                """;
        List<String> read = Precedence.of(Map.of("x.drl", drl), Map.of()).rule("r").effects().reads().stream()
                .map(Precedence.Programs::toString).toList();
        assertEquals(List.of("A or B", "C or D", "SECTION_2*", "any program", "any program", "any program"), read);
    }

    private static void assertBefore(List<String> order, String first, String second) {
        assertTrue(order.contains(first) && order.contains(second) && order.indexOf(first) < order.indexOf(second),
                "\"" + first + "\" before \"" + second + "\" in " + order);
    }
}
