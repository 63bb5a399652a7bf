package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.engine.Names;
import dev.levy.io.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exceptions", mixinStandardHelpOptions = true,
        description = "Prints, per program, the rules that impose its duties and the exceptions tried on them, in the "
                + "order the rules' @overrides and @after derive, with citations.")
final class ExceptionsCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Option(names = "--program", paramLabel = "P", description = "Only this program (a code of programs.csv).")
    String program;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        if (program != null && !levy.ruleSet().programOrder().containsKey(program)) {
            err.println("levy: --program " + program + " is not a program of programs.csv"
                    + Names.didYouMean(program, levy.ruleSet().programOrder().keySet()));
            err.flush();
            return LevyCommand.BAD_INPUT;
        }
        ExceptionTree tree = ExceptionTree.of(levy.ruleSet(), program);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? Json.pretty(tree) + "\n" : tree.text());
        out.flush();
        return LevyCommand.OK;
    }
}
