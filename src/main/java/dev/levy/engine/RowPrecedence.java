package dev.levy.engine;

import dev.levy.model.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named precedence between the rows of one exception table, as {@link Precedence} is between rules: one generic rule
 * reads the table (rules/exceptions/declared.drl, listed.drl), and when two of its rows could lift the same duty, the
 * row that wins names the other in its {@code overrides} column. A row's name is its {@code list}, else its
 * {@code declaration}; names are compared within one program. The rule keeps a row out while a row that overrides it
 * also matches ({@code not Row(..., overrides contains x.declaration)}), so each row carries the closure of what it
 * overrides: A over B and B over C puts C under A too, with no number anywhere.
 *
 * <p>Refused, at the row's file and line: a name that is no row of the program (with the nearest names), a cycle, and
 * two rows of one program with different names that can match the same shipment (same or no country, windows that
 * meet) with no order between them.
 */
final class RowPrecedence {
    /** Separates several names in one {@code overrides} cell, as in {@code @overrides}. */
    static final String SEPARATOR = Precedence.SEPARATOR;

    private RowPrecedence() {}

    /** The names of one {@code overrides} cell. */
    static Set<String> names(String cell) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(cell.split(SEPARATOR)).map(String::strip).filter(n -> !n.isEmpty()).forEach(out::add);
        return Set.copyOf(out);
    }

    /** The row's name among the rows of its program: the list it reads, else the declaration it requires. */
    static String name(TableRow r) {
        return r.list() != null ? r.list() : r.declaration();
    }

    /**
     * The rows of one table with their {@code overrides} closed over the names they reach, after checking the named
     * order; problems go to {@code problems} at the rows' file and line.
     */
    static List<TableRow> close(String file, List<TableRow> rows, List<Problem> problems) {
        Map<String, Map<String, Set<String>>> direct = new TreeMap<>(); // program -> name -> names it overrides
        for (TableRow r : rows) {
            if (r.program() != null && name(r) != null) {
                direct.computeIfAbsent(r.program(), k -> new TreeMap<>()).computeIfAbsent(name(r), k -> new TreeSet<>());
            }
        }
        for (TableRow r : rows) {
            Map<String, Set<String>> names = r.program() == null ? null : direct.get(r.program());
            if (names == null || name(r) == null) {
                continue;
            }
            for (String target : r.overrides()) {
                if (target.equals(name(r))) {
                    problems.add(Problem.error(file, line(r), "overrides '" + target + "': a row cannot override itself"));
                } else if (!names.containsKey(target)) {
                    problems.add(Problem.error(file, line(r), "overrides '" + target + "' names no row of " + r.program()
                            + " in this table" + Names.didYouMean(target, names.keySet())));
                } else {
                    names.get(name(r)).add(target);
                }
            }
        }
        Map<String, Map<String, Set<String>>> closed = new TreeMap<>();
        direct.forEach((program, names) -> {
            Map<String, Set<String>> out = new TreeMap<>();
            names.keySet().forEach(n -> out.put(n, reach(n, names)));
            closed.put(program, out);
            for (String n : names.keySet()) {
                if (out.get(n).contains(n)) {
                    problems.add(Problem.error(file, line(first(rows, program, n)), "the overrides of " + program
                            + " are a cycle through '" + n + "': remove one name from an overrides column"));
                    break;
                }
            }
        });
        unordered(file, rows, closed, problems);
        List<TableRow> out = new ArrayList<>();
        for (TableRow r : rows) {
            Set<String> over = r.program() == null || name(r) == null ? Set.of()
                    : closed.get(r.program()).get(name(r));
            out.add(r.withOverrides(Set.copyOf(over)));
        }
        return out;
    }

    /** Every name reachable from {@code from} through the overrides (itself only through a cycle). */
    private static Set<String> reach(String from, Map<String, Set<String>> names) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(names.get(from));
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (seen.add(n)) {
                todo.addAll(names.getOrDefault(n, Set.of()));
            }
        }
        return seen;
    }

    /** Two rows of one program that can match one shipment, neither overriding the other: which one wins is an accident. */
    private static void unordered(String file, List<TableRow> rows, Map<String, Map<String, Set<String>>> closed,
                                  List<Problem> problems) {
        Set<String> told = new TreeSet<>(); // a line of a country group is several rows: one problem per pair of lines
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                TableRow a = rows.get(i);
                TableRow b = rows.get(j);
                if (a.program() == null || !a.program().equals(b.program()) || name(a) == null || name(b) == null
                        || name(a).equals(name(b)) || !sameScope(a, b)) {
                    continue;
                }
                Map<String, Set<String>> order = closed.get(a.program());
                if (!order.get(name(a)).contains(name(b)) && !order.get(name(b)).contains(name(a))
                        && told.add(line(a) + "|" + line(b))) {
                    problems.add(Problem.error(file, line(b), "rows '" + name(b) + "' and '" + name(a) + "' (line "
                            + line(a) + ") can both lift a duty of " + a.program() + " with no order between them: name"
                            + " the one that loses in the overrides column of the one that wins"));
                }
            }
        }
    }

    /**
     * Whether both rows can lift one duty: keys equal or one a prefix of the other (or absent), windows meeting, and
     * the same duty heading if both name one.
     */
    private static boolean sameScope(TableRow a, TableRow b) {
        boolean keys = a.key() == null || b.key() == null || a.key().startsWith(b.key()) || b.key().startsWith(a.key());
        boolean duty = a.dutyHeading() == null || b.dutyHeading() == null || a.dutyHeading().equals(b.dutyHeading());
        return keys && duty && before(a.from(), b.to()) && before(b.from(), a.to());
    }

    private static boolean before(LocalDate from, LocalDate to) {
        return from == null || to == null || from.isBefore(to);
    }

    private static TableRow first(List<TableRow> rows, String program, String name) {
        return rows.stream().filter(r -> program.equals(r.program()) && name.equals(name(r))).findFirst().orElseThrow();
    }

    private static int line(TableRow r) {
        return Integer.parseInt(r.location().substring(r.location().lastIndexOf(':') + 1));
    }
}
