package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option every command takes, and loading the rules it names. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", converter = OptionValues.RulesFolder.class,
            description = "Rules folder to use instead of the bundled rules (compiled at start-up).")
    Path dir;

    /** The rules, or null after printing their problems as FILE:LINE:COL: message. */
    Levy load(PrintWriter err) {
        try {
            return dir == null ? Levy.bundled() : Levy.fromDirectory(dir);
        } catch (RuleSetException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.flush();
            return null;
        }
    }
}
