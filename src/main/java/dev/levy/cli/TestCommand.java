package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.engine.RuleInfo;
import dev.levy.fixture.Coverage;
import dev.levy.fixture.FixtureLayout;
import dev.levy.fixture.FixtureRunner;
import dev.levy.fixture.JunitXml;
import dev.levy.io.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs fixture files or folders (default fixtures/); a rules folder runs its mirror "
                + "(rules/reciprocal runs fixtures/reciprocal). Ends with 'N passed, M failed'.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Fixture files or folders (JSON or YAML), or a program's rules folder (its fixtures folder runs).")
    List<Path> paths;

    @Option(names = "--name", paramLabel = "PATTERN", description = "Run only the cases whose 'file: name' matches this regular expression.")
    Pattern name;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write a JUnit XML report, for CI systems.")
    Path junitXml;

    @Option(names = "--coverage", description = "Report the fixtures that exercise each rule and Chapter 99 heading; fail if a rule has none.")
    boolean coverage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> where = paths == null || paths.isEmpty() ? List.of(Path.of("fixtures"))
                : paths.stream().map(FixtureLayout::fixturesOf).toList();
        for (Path p : where) {
            if (!Files.exists(p)) {
                // a usage error, not a failing fixture: a typo in a CI script must not read as a rule regression
                err.println("levy test: no such file or folder: " + p);
                return LevyCommand.BAD_INPUT;
            }
        }
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        FixtureRunner runner = new FixtureRunner(levy);
        List<FixtureRunner.Outcome> outcomes = runner.run(where).stream()
                .filter(o -> name == null || name.matcher(o.fixture().label()).find()).toList();
        int failed = 0;
        for (FixtureRunner.Outcome o : outcomes) {
            if (!o.passed()) {
                failed++;
                printFailure(out, o);
            }
        }
        if (junitXml != null) {
            Files.writeString(junitXml, JunitXml.render(outcomes));
        }
        boolean uncovered = false;
        if (coverage) {
            Coverage c = new Coverage(levy.ruleSet(), outcomes);
            out.print(c.report());
            for (RuleInfo r : c.uncovered()) {
                out.printf("%s:%d:0: rule \"%s\" is exercised by no fixture%n", r.file(), r.line(), r.name());
            }
            uncovered = !c.uncovered().isEmpty();
        }
        out.println((outcomes.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 && !uncovered ? LevyCommand.OK : LevyCommand.FAILED;
    }

    private static void printFailure(PrintWriter out, FixtureRunner.Outcome o) {
        out.println("FAIL " + o.fixture().label());
        if (o.fixture().source() != null) {
            out.println("  source: " + o.fixture().source());
        }
        o.differences().forEach(d -> out.println("  " + d));
        if (o.evaluation() != null) {
            TextRenderer.render(o.evaluation()).lines().forEach(l -> out.println("    | " + l));
        }
    }
}
