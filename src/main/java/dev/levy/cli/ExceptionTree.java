package dev.levy.cli;

import dev.levy.engine.DutyTable;
import dev.levy.engine.Precedence;
import dev.levy.engine.RuleInfo;
import dev.levy.engine.RuleSet;
import dev.levy.engine.TableRow;
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

    /**
     * One rule in the tree. {@code overrides} and {@code after} are the names it gives, as written; {@code rows}, for a
     * generic rule over an exception table, the table's rows about the program (each an exception of its own).
     */
    public record Entry(String rule, String phase, String citation, String file, int line, List<String> overrides,
                        List<String> after, List<Row> rows) {}

    /**
     * One row of an exception table under its generic rule: what it asks of the shipment, the heading it reports, its
     * source, and the rows of the program it wins over (its {@code overrides}, closed over the chain).
     */
    public record Row(String location, String country, String declaration, String list, String dutyHeading,
                      String transport, String loadedBefore, String heading, String from, String to, String citation,
                      List<String> overrides) {

        /** One line of the table: its rows, one per country when the line names a group. */
        static Row of(List<TableRow> line) {
            TableRow r = line.get(0);
            List<String> keys = line.stream().map(TableRow::key).filter(java.util.Objects::nonNull).toList();
            String country = keys.isEmpty() ? null : keys.size() <= 3 ? String.join(", ", keys)
                    : String.join(", ", keys.subList(0, 3)) + " and " + (keys.size() - 3) + " more";
            return new Row(r.location(), country, r.declaration(), r.list(), r.dutyHeading(), r.transport(),
                    r.loadedBefore() == null ? null : r.loadedBefore().toString(), r.heading(),
                    r.from() == null ? null : r.from().toString(), r.to() == null ? null : r.to().toString(),
                    r.citation(), List.copyOf(new java.util.TreeSet<>(r.overrides())));
        }

        /** What the row asks, in a few words: its country, list, declaration, duty heading, heading and days. */
        String summary() {
            List<String> parts = new ArrayList<>();
            if (list != null) {
                parts.add("HTS on " + list);
            }
            if (declaration != null) {
                parts.add("declared " + declaration);
            }
            if (dutyHeading != null) {
                parts.add("only the duty under " + dutyHeading);
            }
            if (loadedBefore != null) {
                parts.add("loaded" + (transport == null ? "" : " onto a " + transport) + " before " + loadedBefore);
            }
            parts.add("under " + heading);
            if (from != null) {
                parts.add("from " + from);
            }
            if (to != null) {
                parts.add((loadedBefore != null ? "entered before " : "until ") + to);
            }
            return (country == null ? "" : country + ": ") + String.join(", ", parts);
        }
    }

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
                        duties.add(entry(r, infos.get(r.name()), List.of()));
                    } else if (i > 0 && e.deletes().stream().anyMatch(p -> p.admits(program))) {
                        List<Row> rows = e.rowTables().stream().flatMap(t -> ruleSet.tables().exceptionRows(t, program)
                                .stream()).map(Row::of).toList();
                        exceptions.add(entry(r, infos.get(r.name()), rows));
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

    private static Entry entry(Precedence.Rule r, RuleInfo info, List<Row> rows) {
        List<String> overrides = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Precedence.Ordering o : r.orderings()) {
            (o.key().equals(Precedence.OVERRIDES) ? overrides : after).add(o.target());
        }
        return new Entry(r.name(), r.phase(), info == null ? null : info.citation(), r.file(), r.line(),
                List.copyOf(overrides), List.copyOf(after), rows);
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
                out.append("          ").append(x.rows().isEmpty() ? x.citation() : "its rows of " + p.program()
                        + ", each citing its source (a row wins over the rows it overrides):").append('\n');
                for (Row row : x.rows()) {
                    out.append("            - ").append(row.summary()).append("  ").append(row.location()).append('\n');
                    out.append("                ").append(row.citation()).append('\n');
                    if (!row.overrides().isEmpty()) {
                        out.append("                overrides: ").append(String.join("; ", row.overrides())).append('\n');
                    }
                }
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
