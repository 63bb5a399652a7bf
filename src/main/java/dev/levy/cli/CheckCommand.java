package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.engine.RuleInfo;
import dev.levy.engine.RuleSource;
import dev.levy.engine.RuleStats;
import dev.levy.fixture.ConfidenceReport;
import dev.levy.fixture.Coverage;
import dev.levy.fixture.FixtureRunner;
import dev.levy.model.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compiles and lints the rules; problems as FILE:LINE:COL: message. Exit 3 on errors. "
                + "Warns of rules that no fixture exercises. With --stats, prints the rules' measures instead; with "
                + "--confidence, what rests on sources of medium confidence.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = "Fixtures to find rules that no fixture exercises (default: fixtures/ when present).")
    Path fixtures;

    @Option(names = "--stats", description = "Print the measures of the rules folder (rules, distinct rule and "
            + "consequence shapes, lines of DRL and of tables, salience keywords, literals in DRL) read from its text "
            + "alone, without loading it: works on a folder of any age, one that no longer loads included.")
    boolean stats;

    @Option(names = "--confidence", description = "List each source of medium confidence (sources.csv) with its "
            + "citation, the rows that cite it (FILE:LINE) and the rules that read them in the fixtures' shipments.")
    boolean confidence;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (stats) {
            RuleSource source = rules.dir == null ? RuleSource.bundled() : RuleSource.fromDirectory(rules.dir);
            spec.commandLine().getOut().print(source.displayRoot() + "\n" + RuleStats.of(source).text());
            spec.commandLine().getOut().flush();
            return LevyCommand.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        for (Problem p : levy.ruleSet().warnings()) {
            err.println(p);
        }
        Path where = fixtures != null ? fixtures : Files.isDirectory(Path.of("fixtures")) ? Path.of("fixtures") : null;
        List<FixtureRunner.Outcome> outcomes = where == null ? List.of() : new FixtureRunner(levy).run(List.of(where));
        if (confidence) {
            RuleSource source = rules.dir == null ? RuleSource.bundled() : RuleSource.fromDirectory(rules.dir);
            spec.commandLine().getOut().print(new ConfidenceReport(source, levy.ruleSet(), outcomes).text());
            spec.commandLine().getOut().flush();
            return LevyCommand.OK;
        }
        if (where != null) {
            Coverage coverage = new Coverage(levy.ruleSet(), outcomes);
            for (RuleInfo r : coverage.uncovered()) {
                err.println(Problem.warning(r.file(), r.line(), "rule \"" + r.name() + "\" is exercised by no fixture in " + where));
            }
        }
        err.flush();
        spec.commandLine().getOut().printf("rules OK: %d rules, %s%n", levy.ruleSet().rules().size(), levy.rulesVersion());
        spec.commandLine().getOut().flush();
        return LevyCommand.OK;
    }
}
