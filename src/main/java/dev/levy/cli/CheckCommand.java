package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.engine.Problem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compiles and lints the rules; problems as FILE:LINE:COL: message. Exit 3 on errors.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Levy levy = rules.load(err);
        if (levy == null) {
            return LevyCommand.RULES_BROKEN;
        }
        for (Problem p : levy.ruleSet().warnings()) {
            err.println(p);
        }
        err.flush();
        spec.commandLine().getOut().printf("rules OK: %d rules, %s%n", levy.ruleSet().rules().size(), levy.rulesVersion());
        spec.commandLine().getOut().flush();
        return LevyCommand.OK;
    }
}
