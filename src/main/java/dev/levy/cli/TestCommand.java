package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.fixture.FixtureRunner;
import dev.levy.io.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs fixture files or folders (default fixtures/). Ends with 'N passed, M failed'.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fixture files or folders.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Levy levy = rules.load(spec.commandLine().getErr());
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        List<Path> where = paths == null || paths.isEmpty() ? List.of(Path.of("fixtures")) : paths;
        int passed = 0;
        int failed = 0;
        for (FixtureRunner.Outcome o : new FixtureRunner(levy).run(where)) {
            if (o.passed()) {
                passed++;
                continue;
            }
            failed++;
            out.println("FAIL " + o.fixture().label());
            o.differences().forEach(d -> out.println("  " + d));
            if (o.evaluation() != null) {
                TextRenderer.render(o.evaluation()).lines().forEach(l -> out.println("    | " + l));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? LevyCommand.OK : LevyCommand.FAILED;
    }
}
