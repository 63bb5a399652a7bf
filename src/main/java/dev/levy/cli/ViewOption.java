package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.model.LawView;
import java.io.PrintWriter;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --as-known DATE} and {@code --scenario NAME|FILE}: which law a command evaluates (default: as finally amended). */
final class ViewOption {
    @Option(names = "--as-known", paramLabel = "DATE",
            description = "Evaluates the law as it was known (published) on DATE, YYYY-MM-DD: what a broker would have "
                    + "filed then. Default: the schedule as finally amended, retroactive corrections included.")
    LocalDate asKnown;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "Evaluates under a scenario: one shipped with the rules (rules/scenarios/NAME.yaml, e.g. "
                    + "ieepa-invalidated) or a YAML/JSON scenario file.")
    String scenario;

    /** The Levy reading the chosen law, or null after printing why it cannot. */
    Levy apply(Levy levy, PrintWriter err, String command) {
        return apply(levy, asKnown, scenario, err, command);
    }

    /** The view named by an as-known date and a scenario (either may be null), or null after printing why not. */
    static Levy apply(Levy levy, LocalDate asKnown, String scenario, PrintWriter err, String command) {
        LawView view = asKnown == null ? LawView.FINAL : LawView.asKnown(asKnown);
        try {
            return levy.under(scenario == null ? view : view.with(levy.scenario(scenario)));
        } catch (IllegalArgumentException e) {
            err.println("levy " + command + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }
}
