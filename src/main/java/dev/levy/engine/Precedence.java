package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.policy.DrlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of the rules inside each phase, derived from the names the rules give, never from numbers: a rule that
 * says {@code @overrides("B")} is tried before rule B and wins when both could act on the same duty; a rule that says
 * {@code @after("A")} runs once A has run (A's result is what it reads). Several names are separated by {@code ;}.
 * The loader sorts each phase topologically over these edges (ties: file, then position in the file, so the order
 * never depends on anything but the text) and hands Drools the order as a salience written into the DRL it compiles,
 * on the {@code when} line of each rule (lines stay the analyst's; {@link #columnShift} maps columns back).
 *
 * <p>Checked here, each problem at the analyst's FILE:LINE:COL: a name that is no rule, a name in another phase, a
 * cycle, and two rules of one phase that can delete the same duty with no order between them (see {@link Effects}).
 */
public final class Precedence {
    /** {@code @overrides("A; B")}: this rule is tried before A and B and wins over them. */
    public static final String OVERRIDES = "overrides";
    /** {@code @after("A; B")}: this rule runs once A and B have run. */
    public static final String AFTER = "after";
    /** Separates several rule names in one {@code @overrides} or {@code @after}. */
    public static final String SEPARATOR = ";";

    private static final Pattern RULE = Pattern.compile("^[ \\t]*rule\\s+(?:\"([^\"\\n]+)\"|([\\w$]+))", Pattern.MULTILINE);
    private static final Pattern KEYWORD = Pattern.compile("\\b(when|then|end)\\b");
    private static final Pattern PHASE = Pattern.compile("\\bruleflow-group\\s+\"([^\"]*)\"");
    private static final Pattern ORDERING = Pattern.compile("@(overrides|after)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern DUTY = Pattern.compile("(?:([$\\w]+)\\s*:\\s*)?\\bDuty\\s*\\(");
    private static final Pattern PROGRAM_IS = Pattern.compile("\\bprogram\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern PROGRAM_WORD = Pattern.compile("\\bprogram\\b");
    private static final Pattern PROGRAM_IN = Pattern.compile("\\bprogram\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern DUTY_MADE = Pattern.compile("\\bDuty\\s*\\.\\s*of\\s*\\(");
    /** {@code program == w.program}: the programs of the table the row {@code w} comes from. */
    private static final Pattern PROGRAM_OF_ROW = Pattern.compile("\\bprogram\\s*==\\s*([$\\w]+)\\s*\\.\\s*program\\b");
    private static final Pattern ROW = Pattern.compile("([$\\w]+)\\s*:\\s*Row\\s*\\(");
    private static final Pattern TABLE_IS = Pattern.compile("\\btable\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern PROGRAM_PREFIX = Pattern.compile("\\bprogram\\s*\\.\\s*startsWith\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern DELETE = Pattern.compile("\\b(?:delete|retract)\\s*\\(\\s*([$\\w]+)\\s*\\)");
    private static final Pattern INSERT_FROM = Pattern.compile("\\binsert\\s*\\(\\s*([$\\w]+)\\s*\\.");
    private static final Pattern EXEMPTION = Pattern.compile("\\bExemption\\s*\\(");
    private static final Pattern EXEMPTION_OF = Pattern.compile("\\bExemption\\s*\\.\\s*\\w+\\s*\\(\\s*kcontext\\s*,\\s*([$\\w]+)");
    /** {@code Duty.of(kcontext, s, r.getProgram(), ...)}: a duty of the program of the row {@code r}. */
    private static final Pattern INSERT_ROW_PROGRAM = Pattern.compile(
            "\\bDuty\\s*\\.\\s*of\\s*\\(\\s*kcontext\\s*,\\s*[$\\w]+\\s*,\\s*([$\\w]+)\\s*\\.\\s*getProgram\\s*\\(\\s*\\)");
    /** A constraint on {@code basis}: the row is one of a listed duty table; {@code ==} or {@code !=} a basis. */
    private static final Pattern BASIS = Pattern.compile("\\bbasis\\b");
    private static final Pattern BASIS_IS = Pattern.compile("\\bbasis\\s*(==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern INSERT_NEW = Pattern.compile("\\bDuty\\s*\\.\\s*of\\s*\\(\\s*kcontext\\s*,\\s*[$\\w]+\\s*,\\s*\"([^\"]*)\"");

    /**
     * One rule as written: where it is, its phase, the names it orders itself against, and the duties it touches.
     *
     * @param whenOffset where its {@code when} (or {@code then}) keyword starts: the derived salience goes there
     */
    public record Rule(String name, String file, String text, int offset, int line, int whenOffset, String phase,
                       List<Ordering> orderings, Effects effects) {}

    /** One name in an {@code @overrides} or {@code @after} of a rule, at its offset in the file's text. */
    public record Ordering(String key, String target, int offset) {}

    /**
     * The duties a rule can touch, by the {@code program} of each {@code Duty(...)} pattern: a cheap over-approximation
     * of what it acts on, so two rules it calls disjoint really are. A pattern with no {@code program ==} or
     * {@code program.startsWith} constraint is any program.
     *
     * @param reads   every Duty pattern of the conditions
     * @param deletes the patterns whose fact the consequence deletes
     * @param inserts the programs of the duties the consequence inserts (a copy of a matched duty keeps its program)
     * @param exemptionReads   every Exemption pattern of the conditions
     * @param exemptionInserts the programs of the duties the consequence records an exemption of
     * @param rowTables the exception tables whose row's program a Duty pattern reads ({@code program == w.program}):
     *                  the rule is generic, each of their rows an exception of its program
     */
    public record Effects(List<Programs> reads, List<Programs> deletes, List<Programs> inserts,
                          List<Programs> exemptionReads, List<Programs> exemptionInserts, List<String> rowTables) {

        /** Both rules can delete one same duty: whichever is tried first decides, so they need an order. */
        public boolean sameDuty(Effects other) {
            return overlap(deletes, other.deletes);
        }

        /**
         * One rule can change what the other matches: it deletes a duty the other deletes or inserts, or it inserts or
         * deletes a duty (or an exemption) the other reads. Then the order they run in can change the outcome. Two
         * rules that only insert duties of one program do not interact: neither sees the other's.
         */
        public boolean interacts(Effects other) {
            return changes(other) || other.changes(this);
        }

        private boolean changes(Effects other) {
            List<Programs> writes = new ArrayList<>(deletes);
            writes.addAll(inserts);
            return overlap(deletes, other.inserts) || overlap(deletes, other.deletes) || overlap(writes, other.reads)
                    || overlap(exemptionInserts, other.exemptionReads);
        }

        private static boolean overlap(List<Programs> a, List<Programs> b) {
            return a.stream().anyMatch(x -> b.stream().anyMatch(x::overlaps));
        }
    }

    /** The programs one Duty pattern can match: exact codes and prefixes; {@code any} when unconstrained. */
    public record Programs(Set<String> exact, Set<String> prefixes, boolean any) {
        static final Programs ANY = new Programs(Set.of(), Set.of(), true);

        /** Whether a duty of {@code program} can match the pattern. */
        public boolean admits(String program) {
            return any || exact.contains(program) || prefixes.stream().anyMatch(program::startsWith);
        }

        boolean overlaps(Programs o) {
            if (any || o.any) {
                return true;
            }
            for (String e : exact) {
                if (o.exact.contains(e) || o.prefixes.stream().anyMatch(e::startsWith)) {
                    return true;
                }
            }
            for (String p : prefixes) {
                if (o.exact.stream().anyMatch(e -> e.startsWith(p))
                        || o.prefixes.stream().anyMatch(q -> q.startsWith(p) || p.startsWith(q))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            if (any) {
                return "any program";
            }
            Set<String> all = new TreeSet<>(exact);
            prefixes.forEach(p -> all.add(p + "*"));
            return String.join(" or ", all);
        }
    }

    /** The order rules are written in: file path, then position in the file. */
    private static final Comparator<Rule> WRITTEN = Comparator.comparing(Rule::file).thenComparingInt(Rule::offset);

    private final List<Rule> rules;
    private final Map<String, Rule> byName = new LinkedHashMap<>();
    /** Per phase, the rules in the order they are tried. */
    private final Map<String, List<Rule>> order = new LinkedHashMap<>();
    /** Per rule, the rules it comes before (the edges of the named relation, both constructs). */
    private final Map<String, Set<String>> before = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Precedence(List<Rule> rules) {
        this.rules = rules;
        rules.forEach(r -> byName.putIfAbsent(r.name(), r));
        edges();
        derive();
        unordered();
    }

    /**
     * The rules of the DRL files ({@code display name -> text}, in file order) and the order they derive;
     * {@code tablePrograms} gives the programs a rule over an exception table can act on ({@code program == w.program}).
     */
    public static Precedence of(Map<String, String> drlByFile, Map<String, Set<String>> tablePrograms) {
        return of(drlByFile, tablePrograms, Map.of());
    }

    /**
     * As {@link #of(Map, Map)}; {@code listedPrograms} are the programs of the listed duty tables by basis, which a rule
     * over a row constrained by {@code basis} imposes with {@code Duty.of(kcontext, s, r.getProgram(), ...)}.
     */
    public static Precedence of(Map<String, String> drlByFile, Map<String, Set<String>> tablePrograms,
                                Map<String, Set<String>> listedPrograms) {
        List<Rule> rules = new ArrayList<>();
        List<Problem> repeated = new ArrayList<>();
        drlByFile.forEach((file, text) -> rules.addAll(parse(file, text, repeated, tablePrograms, listedPrograms)));
        Precedence precedence = new Precedence(rules);
        precedence.problems.addAll(0, repeated);
        return precedence;
    }

    /** Every problem of the named order: unknown names, names in another phase, cycles, unordered pairs. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    public Rule rule(String name) {
        return byName.get(name);
    }

    /** The rules of a phase in the order they are tried. */
    public List<Rule> order(String phase) {
        return order.getOrDefault(phase, List.of());
    }

    /** The salience that gives Drools the derived order: within its phase, the first rule tried has the highest. */
    public int salience(String name) {
        Rule r = byName.get(name);
        List<Rule> phase = order(r.phase());
        return phase.size() - phase.indexOf(r);
    }

    /** Whether the named relation (followed transitively) puts {@code first} before {@code second}. */
    public boolean ordered(String first, String second) {
        Deque<String> todo = new ArrayDeque<>(before.getOrDefault(first, Set.of()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (n.equals(second)) {
                return true;
            }
            if (seen.add(n)) {
                todo.addAll(before.getOrDefault(n, Set.of()));
            }
        }
        return false;
    }

    /**
     * The DRL to compile: each rule's text with its derived salience written just before its {@code when}, on the
     * same line, so every line number stays the analyst's.
     */
    public String compiled(String file, String text) {
        StringBuilder out = new StringBuilder(text);
        List<Rule> inFile = rules.stream().filter(r -> r.file().equals(file) && byName.get(r.name()) == r)
                .sorted(Comparator.comparingInt(Rule::whenOffset).reversed()).toList();
        for (Rule r : inFile) {
            out.insert(r.whenOffset(), injected(r));
        }
        return out.toString();
    }

    /**
     * How many columns the compiled text adds before {@code column} of {@code line} in {@code file}: a compiler
     * message on a {@code when} line is moved back to the analyst's column.
     */
    public int columnShift(String file, int line, int column) {
        for (Rule r : rules) {
            if (r.file().equals(file) && byName.get(r.name()) == r && RuleSetLoader.lineOf(r.text(), r.whenOffset()) == line) {
                int whenColumn = r.whenOffset() - r.text().lastIndexOf('\n', r.whenOffset() - 1);
                int added = injected(r).length();
                return column >= whenColumn + added ? added : Math.max(0, column - whenColumn);
            }
        }
        return 0;
    }

    private String injected(Rule r) {
        return "salience " + salience(r.name()) + " ";
    }

    private void edges() {
        for (Rule r : rules) {
            for (Ordering o : r.orderings()) {
                Rule target = byName.get(o.target());
                if (target == null) {
                    problems.add(Problem.errorAt(r.file(), r.text(), o.offset(), "rule \"" + r.name() + "\": @" + o.key()
                            + "(\"" + o.target() + "\") names no rule" + Names.didYouMean(o.target(), byName.keySet())));
                } else if (!target.phase().equals(r.phase())) {
                    problems.add(Problem.errorAt(r.file(), r.text(), o.offset(), "rule \"" + r.name() + "\" (phase "
                            + r.phase() + "): @" + o.key() + "(\"" + o.target() + "\") names a rule of phase "
                            + target.phase() + " (" + target.file() + ":" + target.line() + "); phases already run in"
                            + " the order of ruleset.properties"));
                } else if (o.key().equals(OVERRIDES)) {
                    before.computeIfAbsent(r.name(), k -> new TreeSet<>()).add(target.name());
                } else {
                    before.computeIfAbsent(target.name(), k -> new TreeSet<>()).add(r.name());
                }
            }
        }
    }

    /** Kahn's topological sort per phase; among the rules ready, the first in file order. */
    private void derive() {
        Map<String, List<Rule>> phases = new LinkedHashMap<>();
        rules.stream().filter(r -> byName.get(r.name()) == r)
                .forEach(r -> phases.computeIfAbsent(r.phase(), k -> new ArrayList<>()).add(r));
        phases.forEach((phase, members) -> {
            Map<String, Integer> incoming = new HashMap<>();
            members.forEach(r -> incoming.put(r.name(), 0));
            members.forEach(r -> before.getOrDefault(r.name(), Set.of()).forEach(t -> incoming.merge(t, 1, Integer::sum)));
            PriorityQueue<Rule> ready = new PriorityQueue<>(WRITTEN);
            members.stream().filter(r -> incoming.get(r.name()) == 0).forEach(ready::add);
            List<Rule> sorted = new ArrayList<>();
            while (!ready.isEmpty()) {
                Rule r = ready.poll();
                sorted.add(r);
                for (String t : before.getOrDefault(r.name(), Set.of())) {
                    if (incoming.merge(t, -1, Integer::sum) == 0) {
                        ready.add(byName.get(t));
                    }
                }
            }
            if (sorted.size() < members.size()) {
                List<Rule> left = members.stream().filter(r -> !sorted.contains(r)).sorted(WRITTEN).toList();
                cycle(left);
                sorted.addAll(left); // only so the rest can still be compiled and checked: the load fails
            }
            order.put(phase, List.copyOf(sorted));
        });
    }

    /**
     * Reports one cycle among the rules the sort could not place. Each of them still waits for a rule among them, so
     * walking back from any of them through the rules it waits for must come round: that loop is the cycle.
     */
    private void cycle(List<Rule> left) {
        Set<String> names = new HashSet<>();
        left.forEach(r -> names.add(r.name()));
        List<String> path = new ArrayList<>();
        String n = left.get(0).name();
        while (!path.contains(n)) {
            path.add(n);
            String current = n;
            n = left.stream().map(Rule::name)
                    .filter(p -> before.getOrDefault(p, Set.of()).contains(current)).findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(n), path.size()));
        Collections.reverse(loop); // walked backwards: now each is tried before the next
        Rule at = loop.stream().map(byName::get).min(WRITTEN).orElseThrow();
        Collections.rotate(loop, -loop.indexOf(at.name())); // told from the rule written first
        loop.add(at.name());
        problems.add(Problem.errorAt(at.file(), at.text(), at.offset(), "rule \"" + at.name() + "\": the named order is a cycle: "
                + String.join(" -> ", loop.stream().map(s -> "\"" + s + "\"").toList())
                + " (-> reads 'is tried before'); remove one @overrides or @after"));
    }

    /** Two rules of one phase that can delete the same duty must be ordered, or which one wins is an accident. */
    private void unordered() {
        for (List<Rule> phase : order.values()) {
            List<Rule> written = phase.stream().sorted(WRITTEN).toList();
            for (int i = 0; i < written.size(); i++) {
                for (int j = i + 1; j < written.size(); j++) {
                    Rule a = written.get(i);
                    Rule b = written.get(j);
                    if (a.effects().sameDuty(b.effects()) && !ordered(a.name(), b.name()) && !ordered(b.name(), a.name())) {
                        problems.add(Problem.errorAt(b.file(), b.text(), b.offset(), "rule \"" + b.name() + "\" and rule \"" + a.name()
                                + "\" (" + a.file() + ":" + a.line() + ") can both delete a duty of "
                                + shared(a.effects(), b.effects()) + " with no order between them: say which wins with"
                                + " @overrides(\"...\") on the other"));
                    }
                }
            }
        }
    }

    private static String shared(Effects a, Effects b) {
        for (Programs x : a.deletes()) {
            for (Programs y : b.deletes()) {
                if (x.overlaps(y)) {
                    return x.any ? y.toString() : x.toString();
                }
            }
        }
        return "any program";
    }

    static List<Rule> parse(String file, String text, List<Problem> repeated, Map<String, Set<String>> tablePrograms,
                            Map<String, Set<String>> listedPrograms) {
        String code = DrlText.of(text).code();
        List<Rule> out = new ArrayList<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            if (code.charAt(m.start() + m.group().indexOf("rule")) != 'r') {
                continue; // inside a comment or a string
            }
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            Matcher k = KEYWORD.matcher(code);
            int when = -1;
            int then = -1;
            int end = text.length();
            int from = m.end();
            while (k.find(from)) {
                from = k.end();
                if (k.group(1).equals("when") && when < 0 && then < 0) {
                    when = k.start();
                } else if (k.group(1).equals("then") && then < 0) {
                    then = k.start();
                } else if (k.group(1).equals("end") && then >= 0) {
                    end = k.start();
                    break;
                }
            }
            int header = when >= 0 ? when : then >= 0 ? then : end;
            String head = text.substring(m.end(), header);
            Matcher p = PHASE.matcher(head);
            String phase = p.find() ? p.group(1) : "MAIN";
            List<Ordering> orderings = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            Matcher o = ORDERING.matcher(head);
            while (o.find()) {
                if (!keys.add(o.group(1))) {
                    repeated.add(Problem.errorAt(file, text, m.end() + o.start(), "rule \"" + name + "\": @" + o.group(1)
                            + " is written twice (Drools keeps one value per key): put every name in one, separated"
                            + " by '" + SEPARATOR + "'"));
                }
                int at = m.end() + o.start(2);
                for (String target : o.group(2).split(SEPARATOR, -1)) {
                    int lead = target.length() - target.stripLeading().length();
                    orderings.add(new Ordering(o.group(1), target.strip(), at + lead));
                    at += target.length() + SEPARATOR.length();
                }
            }
            Span lhs = when >= 0 ? new Span(text, code, when, then >= 0 ? then : end) : Span.EMPTY;
            Span rhs = then >= 0 ? new Span(text, code, then, end) : Span.EMPTY;
            out.add(new Rule(name, file, text, m.start(), RuleSetLoader.lineOf(text, m.start()), header, phase, List.copyOf(orderings),
                    effects(lhs, rhs, tablePrograms, listedPrograms)));
        }
        return out;
    }

    /** A part of a rule: its text, and the same text with comments and string contents blanked ({@link DrlText}). */
    private record Span(String text, String code) {
        static final Span EMPTY = new Span("", "");

        Span(String text, String code, int from, int to) {
            this(text.substring(from, to), code.substring(from, to));
        }

        /** The matches of a pattern that start in code, not in a comment or a string. */
        List<MatchResult> find(Pattern p) {
            List<MatchResult> out = new ArrayList<>();
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (code.charAt(m.start()) == text.charAt(m.start())) {
                    out.add(m.toMatchResult());
                }
            }
            return out;
        }
    }

    private static Effects effects(Span lhs, Span rhs, Map<String, Set<String>> tablePrograms,
                                   Map<String, Set<String>> listedPrograms) {
        Map<String, Set<String>> rowPrograms = new HashMap<>();
        Map<String, String> rowTable = new HashMap<>();
        for (MatchResult r : lhs.find(ROW)) {
            int close = DrlText.closing(lhs.code(), r.end() - 1);
            Span constraints = new Span(lhs.text(), lhs.code(), r.end(), close);
            constraints.find(TABLE_IS).forEach(t -> {
                rowPrograms.put(r.group(1), tablePrograms.getOrDefault(t.group(1), Set.of()));
                rowTable.put(r.group(1), t.group(1));
            });
            if (!rowPrograms.containsKey(r.group(1)) && !constraints.find(BASIS).isEmpty()) {
                Map<String, Set<String>> bases = new HashMap<>(listedPrograms); // a row of a listed duty table
                for (MatchResult b : constraints.find(BASIS_IS)) {
                    bases.keySet().removeIf(basis -> b.group(1).equals("==") != basis.equals(b.group(2)));
                }
                Set<String> programs = new TreeSet<>();
                bases.values().forEach(programs::addAll);
                rowPrograms.put(r.group(1), programs);
            }
        }
        Map<String, Programs> bound = new HashMap<>();
        List<Programs> reads = new ArrayList<>();
        Set<String> rowTables = new TreeSet<>();
        for (MatchResult d : lhs.find(DUTY)) {
            int close = DrlText.closing(lhs.code(), d.end() - 1);
            Span constraints = new Span(lhs.text(), lhs.code(), d.end(), close);
            constraints.find(PROGRAM_OF_ROW).stream().map(r -> rowTable.get(r.group(1)))
                    .filter(t -> t != null && tablePrograms.containsKey(t)).forEach(rowTables::add);
            Programs programs = programs(constraints, rowPrograms);
            reads.add(programs);
            if (d.group(1) != null) {
                bound.put(d.group(1), programs);
            }
        }
        List<Programs> deletes = new ArrayList<>();
        for (MatchResult del : rhs.find(DELETE)) {
            if (bound.containsKey(del.group(1))) {
                deletes.add(bound.get(del.group(1)));
            }
        }
        List<Programs> inserts = new ArrayList<>();
        for (MatchResult from : rhs.find(INSERT_FROM)) {
            if (bound.containsKey(from.group(1))) {
                inserts.add(bound.get(from.group(1)));
            }
        }
        List<MatchResult> made = new ArrayList<>(rhs.find(INSERT_NEW));
        made.forEach(m -> inserts.add(new Programs(Set.of(m.group(1)), Set.of(), false)));
        for (MatchResult m : rhs.find(INSERT_ROW_PROGRAM)) {
            Set<String> programs = rowPrograms.getOrDefault(m.group(1), Set.of());
            if (!programs.isEmpty()) {
                inserts.add(new Programs(Set.copyOf(programs), Set.of(), false));
                made.add(m);
            }
        }
        if (rhs.find(DUTY_MADE).size() > made.size()) {
            inserts.add(Programs.ANY); // a duty of a program the text does not spell out
        }
        List<Programs> exemptionReads = new ArrayList<>();
        for (MatchResult x : lhs.find(EXEMPTION)) {
            exemptionReads.add(programs(new Span(lhs.text(), lhs.code(), x.end(), DrlText.closing(lhs.code(), x.end() - 1)),
                    rowPrograms));
        }
        List<Programs> exemptionInserts = new ArrayList<>();
        for (MatchResult x : rhs.find(EXEMPTION_OF)) {
            exemptionInserts.add(bound.getOrDefault(x.group(1), Programs.ANY));
        }
        return new Effects(List.copyOf(reads), List.copyOf(deletes), List.copyOf(inserts), List.copyOf(exemptionReads),
                List.copyOf(exemptionInserts), List.copyOf(rowTables));
    }

    /**
     * The programs a pattern's constraints admit. Top-level constraints (split at commas) all hold; one that names
     * {@code program} is read when it is only {@code program == "X"}, {@code program in ("X", ...)} or
     * {@code program.startsWith("P")} joined by {@code ||}; any other form ({@code !=}, a method, a disjunction with
     * another field) makes the pattern any program, so that the reading stays an over-approximation. {@code program ==
     * w.program} admits the programs of the exception table the row {@code w} comes from ({@code rowPrograms}).
     */
    private static Programs programs(Span constraints, Map<String, Set<String>> rowPrograms) {
        Set<String> exact = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        String code = constraints.code();
        int start = 0;
        int depth = 0;
        for (int i = 0; i <= code.length(); i++) {
            char c = i < code.length() ? code.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                Span part = new Span(constraints.text(), code, start, i);
                start = i + 1;
                if (PROGRAM_WORD.matcher(part.code()).find() && !readProgram(part, rowPrograms, exact, prefixes)) {
                    return Programs.ANY;
                }
            }
        }
        return exact.isEmpty() && prefixes.isEmpty() ? Programs.ANY : new Programs(Set.copyOf(exact), Set.copyOf(prefixes), false);
    }

    /** Adds the programs of one constraint; false when it has any other form than the ones read. */
    private static boolean readProgram(Span part, Map<String, Set<String>> rowPrograms, Set<String> exact,
                                       Set<String> prefixes) {
        StringBuilder rest = new StringBuilder(part.code());
        for (MatchResult e : part.find(PROGRAM_IS)) {
            exact.add(e.group(1));
            blank(rest, e);
        }
        for (MatchResult r : part.find(PROGRAM_OF_ROW)) {
            Set<String> programs = rowPrograms.get(r.group(1));
            if (programs == null || programs.isEmpty()) {
                return false; // a row of no known exception table: any program
            }
            exact.addAll(programs);
            blank(rest, r);
        }
        for (MatchResult p : part.find(PROGRAM_PREFIX)) {
            prefixes.add(p.group(1));
            blank(rest, p);
        }
        for (MatchResult in : part.find(PROGRAM_IN)) {
            Matcher literal = LITERAL.matcher(in.group(1));
            while (literal.find()) {
                exact.add(literal.group(1));
            }
            blank(rest, in);
        }
        return rest.toString().replace("||", "").replaceAll("[\\s()]", "").isEmpty();
    }

    private static void blank(StringBuilder s, MatchResult m) {
        for (int i = m.start(); i < m.end(); i++) {
            s.setCharAt(i, ' ');
        }
    }

}
