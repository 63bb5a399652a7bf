package dev.levy.cli;

import dev.levy.engine.DutyTable;
import dev.levy.engine.Precedence;
import dev.levy.engine.RuleInfo;
import dev.levy.engine.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of each program as a tree, the way {@code levy exceptions} prints it: the rules of the first phase that
 * impose the program's duties, then every later rule that can delete or replace one of those duties, phase by phase in
 * the order they are tried ({@link Precedence}), each with its citation and the rules it names. The exceptions are
 * listed once per program rather than under each duty rule: a rule matches a duty by its program, whichever rule of
 * the program imposed it.
 *
 * @param programs in the CBP reporting order of {@code programs.csv}
 */
record ExceptionTree(List<Program> programs) {

    /**
     * One program: its duty rules, the listed duty tables whose rows impose it ({@code duties/listed_duties.csv}, read by
     * the generic duty rules) and its exceptions in the order they are tried.
     */
    public record Program(String program, String title, List<Entry> duties, List<String> tables, List<Entry> exceptions) {}

    /** One rule in the tree. {@code overrides} and {@code after} are the names it gives, as written. */
    public record Entry(String rule, String phase, String citation, String file, int line, List<String> overrides,
                        List<String> after) {}

    /** The tree of every program, or of {@code only} (null: all). */
    public static ExceptionTree of(RuleSet ruleSet, String only) {
        Map<String, RuleInfo> infos = new HashMap<>();
        ruleSet.rules().values().forEach(r -> infos.put(r.name(), r));
        Precedence precedence = ruleSet.precedence();
        List<String> programs = ruleSet.programOrder().keySet().stream()
                .filter(p -> only == null || p.equals(only))
                .sorted(Comparator.comparingInt(ruleSet::programRank).thenComparing(p -> p)).toList();
        List<Program> out = new ArrayList<>();
        for (String program : programs) {
            List<Entry> duties = new ArrayList<>();
            List<Entry> exceptions = new ArrayList<>();
            for (int i = 0; i < ruleSet.phases().size(); i++) {
                for (Precedence.Rule r : precedence.order(ruleSet.phases().get(i))) {
                    Precedence.Effects e = r.effects();
                    if (i == 0 && e.inserts().stream().anyMatch(p -> !p.any() && p.admits(program))) {
                        duties.add(entry(r, infos.get(r.name())));
                    } else if (i > 0 && e.deletes().stream().anyMatch(p -> p.admits(program))) {
                        exceptions.add(entry(r, infos.get(r.name())));
                    }
                }
            }
            List<String> tables = ruleSet.tables().dutyTables().values().stream().filter(t -> t.program().equals(program))
                    .map(t -> t.table() + " (on the " + (t.basis().equals(DutyTable.FULL_VALUE) ? "full value" : t.basis()
                            + " content") + (t.origins().isEmpty() ? "" : ", products of " + String.join(" ", t.origins()))
                            + ")").toList();
            out.add(new Program(program, ruleSet.programTitles().get(program), List.copyOf(duties), tables,
                    List.copyOf(exceptions)));
        }
        return new ExceptionTree(List.copyOf(out));
    }

    private static Entry entry(Precedence.Rule r, RuleInfo info) {
        List<String> overrides = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Precedence.Ordering o : r.orderings()) {
            (o.key().equals(Precedence.OVERRIDES) ? overrides : after).add(o.target());
        }
        return new Entry(r.name(), r.phase(), info == null ? null : info.citation(), r.file(), r.line(),
                List.copyOf(overrides), List.copyOf(after));
    }

    /** The tree as indented text for a person. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Program p : programs) {
            out.append(p.program()).append(p.title() == null ? "" : ": " + p.title()).append('\n');
            if (p.duties().isEmpty()) {
                out.append("  (no duty rule imposes it)\n");
            }
            for (Entry d : p.duties()) {
                out.append("  duty \"").append(d.rule()).append("\"  ").append(d.file()).append(':').append(d.line()).append('\n');
                out.append("      ").append(d.citation()).append('\n');
            }
            if (!p.tables().isEmpty()) {
                out.append("    listed in duties/listed_duties.csv: ").append(String.join("; ", p.tables())).append('\n');
            }
            if (!p.exceptions().isEmpty()) {
                out.append("    exceptions, in the order they are tried:\n");
            }
            int n = 0;
            for (Entry x : p.exceptions()) {
                out.append(String.format("    %2d. [%s] \"%s\"  %s:%d%n", ++n, x.phase(), x.rule(), x.file(), x.line()));
                out.append("          ").append(x.citation()).append('\n');
                if (!x.overrides().isEmpty()) {
                    out.append("          overrides: ").append(quoted(x.overrides())).append('\n');
                }
                if (!x.after().isEmpty()) {
                    out.append("          after: ").append(quoted(x.after())).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String quoted(List<String> names) {
        return String.join("; ", names.stream().map(s -> "\"" + s + "\"").toList());
    }
}
