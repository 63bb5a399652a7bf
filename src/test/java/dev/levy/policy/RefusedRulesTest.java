package dev.levy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.Levy;
import dev.levy.TestSupport;
import dev.levy.cli.CliRunner;
import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule that reaches outside the fact model is refused by {@code levy check} (exit 3, FILE:LINE) and by
 * {@link Levy#fromDirectory}, before it is compiled, let alone run.
 */
class RefusedRulesTest {
    @TempDir
    Path dir;

    private Path rulesWith(String name) throws IOException {
        TestSupport.copyOfRules(dir);
        Path refused = dir.resolve("refused");
        Files.createDirectories(refused);
        Files.copy(TestSupport.projectDir().resolve("src/test/resources/refused-rules/" + name), refused.resolve(name));
        return dir;
    }

    private static int refusedLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// REFUSED")) {
                return i + 1;
            }
        }
        throw new AssertionError("no // REFUSED line in " + file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"system_exit.drl", "opens_file.drl", "qualified_java_io.drl", "in_function.drl",
            "static_import.drl", "salience.drl"})
    void refusedByCheckAndByTheFacade(String name) throws IOException {
        Path rules = rulesWith(name);
        Path file = rules.resolve("refused/" + name);
        String where = file + ":" + refusedLine(file) + ":";

        CliRunner.Run check = CliRunner.run("check", "--rules", rules.toString());
        assertEquals(3, check.exit(), check.err());
        assertTrue(check.err().contains(where), "expected " + where + " in:\n" + check.err());
        assertTrue(check.err().contains("refused"), check.err());

        RuleSetException e = assertThrows(RuleSetException.class, () -> Levy.fromDirectory(rules));
        List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
        assertTrue(errors.stream().anyMatch(p -> (p.file() + ":" + p.line() + ":").equals(where)), errors.toString());
        assertTrue(errors.stream().allMatch(p -> p.file().equals(file.toString())), "only the refused file: " + errors);
    }
}
