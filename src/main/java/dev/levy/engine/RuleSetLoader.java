package dev.levy.engine;

import dev.levy.io.Csv;
import dev.levy.model.Problem;
import dev.levy.model.RuleSetException;
import dev.levy.model.Scenario;
import dev.levy.model.Shipment;
import dev.levy.policy.RulePolicy;
import dev.levy.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Builds a {@link RuleSet} from its text: the set's properties, its CSV tables and its DRL files, each problem
 * reported against the analyst's own file and line. Loading is all-or-nothing: any error throws
 * {@link RuleSetException} listing every problem found.
 */
public final class RuleSetLoader {
    static final String PROPERTIES = "ruleset.properties";
    static final String PROGRAMS = "programs.csv";
    static final String DECLARATIONS = "declarations.csv";
    static final String COUNTRY_GROUPS = "country_groups.csv";
    static final String STACKING_MATRIX = "stacking_matrix.csv";
    static final String SOURCES = "sources.csv";
    static final String RULINGS = "rulings.csv";
    static final String TERMINATIONS = "terminations.csv";
    /** The folder of the refund paths: tables of entries, not of a shipment's duty, so no program's. */
    public static final String REFUNDS = "refunds/";
    static final String REFUND_PATHS = REFUNDS + "paths.csv";
    static final String REFUND_DAYS = REFUNDS + "parameters.csv";
    /** The folder of the scenarios shipped with the rules. */
    public static final String SCENARIOS = "scenarios/";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|(\\S+))", Pattern.MULTILINE);
    private static final Pattern TABLE_REF = Pattern.compile("table\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern LINE_COLUMN = Pattern.compile("Line (\\d+):(\\d+)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final RuleSource source;
    private final KieBaseCache cache;
    /** The build's compiled form and warnings when {@link #source} is the rule set it checked ({@link BundledRules}). */
    private final BundledRules.Prebuilt prebuilt;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> programTitles = new HashMap<>();
    private Map<String, LocalDate> parameterDays = Map.of();

    private RuleSetLoader(RuleSource source, KieBaseCache cache, BundledRules.Prebuilt prebuilt) {
        this.source = source;
        this.cache = cache;
        this.prebuilt = prebuilt;
    }

    /** Loads the rules, with the compiled-package cache named by the system property {@code levy.cache.dir}, if any. */
    public static RuleSet load(RuleSource source) {
        return load(source, KieBaseCache.fromSystemProperty());
    }

    public static RuleSet load(RuleSource source, KieBaseCache cache) {
        Timings.mark("rule files read");
        BundledRules.Prebuilt prebuilt = BundledRules.prebuilt(source);
        Timings.mark(prebuilt == null ? "no precompiled form of these rules" : "build's index of the rules read");
        return new RuleSetLoader(source, cache, prebuilt).load();
    }

    /** Loads the rules from their text alone, every lint run and every rule compiled: what the build checks. */
    static RuleSet loadFromSource(RuleSource source) {
        return new RuleSetLoader(source, KieBaseCache.NONE, null).load();
    }

    private RuleSet load() {
        Properties props = properties();
        List<String> phases = props == null ? List.of() : Arrays.stream(props.getProperty("phases", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (props != null && phases.isEmpty()) {
            problems.add(Problem.error(source.display(PROPERTIES), 0, "'phases' is missing: the agenda groups in order"));
        }
        LocalDate coversFrom = props == null ? null : propertyDate(props, "covers.from");
        LocalDate coversTo = props == null ? null : propertyDate(props, "covers.to");
        Map<String, Source> sources = sources();
        Map<String, Integer> programOrder = programs(sources);
        Map<String, String> declarations = declarations(sources);
        Map<String, Set<String>> groups = countryGroups(sources);
        List<StackingRelation> stacking = stackingMatrix(programOrder.keySet(), groups, sources);
        Source coversSource = props == null ? null : propertySource(props, "covers.source", sources);
        Timings.mark("properties, programs, sources, matrix");

        List<Ruling> rulings = rulings(programOrder.keySet(), sources);
        List<Termination> terminations = terminations(programOrder.keySet(), sources);
        RefundPaths refundPaths = refundPaths(sources);
        Map<String, String> drl = new TreeMap<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                drl.put(f.getKey(), f.getValue());
            }
        }
        TableIndex built = prebuilt == null ? null : prebuilt.tables();
        TableIndex index;
        Set<String> tableNames = null; // what the DRL may name: only the lints of a load from the text need it
        if (built != null) {
            index = built;
            parameterDays = BuiltTables.parameterDays(index);
            Timings.mark("tables read from the build's form");
        } else {
            TableLoader tables = loadTables(coversFrom, coversTo, groups, sources, programOrder, declarations);
            index = tables.index();
            tableNames = tables.tableNames();
        }
        // The build checked the scenarios of the rules it compiled: they are parsed when a scenario is first asked for
        Map<String, Scenario> scenarios = prebuilt != null ? new ScenariosWhenAsked(this, index.tableNames(),
                programOrder.keySet()) : Collections.unmodifiableMap(scenarios(index.tableNames(), programOrder.keySet()));
        Timings.mark("scenarios");
        // The lints that read only the rules' text ran when the build checked these very files: their warnings come
        // from the build.
        if (prebuilt == null) {
            checkTableReferences(drl, tableNames);
            drl.forEach((rel, text) -> problems.addAll(DrlLiterals.check(source.display(rel), text,
                    programOrder.keySet(), declarations.keySet())));
            drl.forEach((rel, text) -> problems.addAll(LawLiterals.check(source.display(rel), text)));
            problems.addAll(RuleShapes.check(drl, source::display));
        }
        Map<String, RuleInfo> rules = new TreeMap<>();
        Map<String, String> drlByDisplay = new TreeMap<>();
        drl.forEach((rel, text) -> drlByDisplay.put(source.display(rel), text));
        Precedence precedence = Precedence.of(drlByDisplay, index.tablePrograms(),
                index.dutyTables().values().stream().collect(java.util.stream.Collectors.groupingBy(DutyTable::basis,
                        java.util.stream.Collectors.mapping(DutyTable::program, java.util.stream.Collectors.toSet()))));
        if (prebuilt == null) {
            problems.addAll(precedence.problems());
        }
        Timings.mark("DRL lints and precedence");
        // DRL is code: what it may reach is checked on its text first, and refused code is never compiled.
        boolean refused = prebuilt == null && refused(props, drl);
        Timings.mark("DRL policy");
        KieBase kieBase = refused ? null : compile(drl, phases, rules, precedence);
        Timings.mark("rule metadata lints");
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new RuleSetException(problems);
        }
        List<Problem> warnings = prebuilt != null ? prebuilt.warnings()
                : problems.stream().filter(p -> !p.isError()).toList();
        RuleSet ruleSet = new RuleSet(props.getProperty("name", source.displayRoot()), source.version(), kieBase,
                kieBase.newKieSessionsPool(1), index, Map.copyOf(rules), phases, Map.copyOf(programOrder), Map.copyOf(declarations),
                List.copyOf(stacking), coversFrom, coversTo, coversSource, warnings,
                Map.copyOf(programTitles), scenarios, precedence, rulings, terminations,
                refundPaths);
        Timings.mark("rule set version");
        return ruleSet;
    }

    /** The tables parsed from their CSV text, linted and indexed. */
    private TableLoader loadTables(LocalDate coversFrom, LocalDate coversTo, Map<String, Set<String>> groups,
                                   Map<String, Source> sources, Map<String, Integer> programOrder,
                                   Map<String, String> declarations) {
        TableLoader tables = new TableLoader(source, groups, sources, problems);
        Map<String, String> csv = new TreeMap<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            String rel = f.getKey();
            if (rel.endsWith(".csv") && !Set.of(PROGRAMS, DECLARATIONS, COUNTRY_GROUPS, STACKING_MATRIX, SOURCES, RULINGS,
                    TERMINATIONS, REFUND_PATHS, REFUND_DAYS).contains(rel)) {
                csv.put(rel, f.getValue());
            }
        }
        // the listed duty tables first: they say what the rows of the tables they name impose
        csv.forEach((rel, text) -> {
            if (TableLoader.listsDutyTables(text)) {
                tables.loadDutyTables(rel, text, programOrder.keySet(), declarations.keySet());
            }
        });
        csv.forEach((rel, text) -> {
            if (!TableLoader.listsDutyTables(text)) {
                tables.load(rel, text);
            }
        });
        tables.checkDutyTables();
        Timings.mark("tables parsed");
        if (prebuilt == null) {
            tables.lintOverlaps();
            tables.lintExceptionRows(programOrder.keySet(), declarations.keySet());
        }
        parameterDays = tables.parameterDays();
        tables.resolveTenDigitLines();
        tables.lintEditions(coversFrom, coversTo);
        Timings.mark("tables linted and indexed");
        return tables;
    }

    /** The scenarios shipped with the rules ({@code scenarios/NAME.yaml}), by name, each checked against the rules. */
    private Map<String, Scenario> scenarios(Set<String> tables, Set<String> programs) {
        Map<String, Scenario> out = new TreeMap<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            if (!f.getKey().startsWith(SCENARIOS)) {
                continue;
            }
            String file = source.display(f.getKey());
            String base = f.getKey().substring(f.getKey().lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
            try {
                Scenario s = ScenarioLoader.parse(file, base, f.getValue());
                ScenarioLoader.check(s, tables, programs).forEach(p -> problems.add(Problem.error(file, 0, p)));
                if (out.putIfAbsent(s.name(), s) != null) {
                    problems.add(Problem.error(file, 0, "scenario " + s.name() + " is defined twice"));
                }
            } catch (ScenarioLoader.ScenarioException e) {
                e.problems().forEach(p -> problems.add(Problem.error(file, 0, p)));
            }
        }
        return out;
    }

    /**
     * The scenarios of a rule set the build checked, parsed when first asked for (an evaluation without a scenario never
     * asks): a one-shipment start skips the YAML reader. The build found no problem in them, so none is expected here.
     */
    private static final class ScenariosWhenAsked extends java.util.AbstractMap<String, Scenario> {
        private final RuleSetLoader loader;
        private final Set<String> tables;
        private final Set<String> programs;
        private volatile Map<String, Scenario> parsed;

        ScenariosWhenAsked(RuleSetLoader loader, Set<String> tables, Set<String> programs) {
            this.loader = loader;
            this.tables = tables;
            this.programs = programs;
        }

        private Map<String, Scenario> parsed() {
            Map<String, Scenario> done = parsed;
            return done != null ? done : parse();
        }

        private synchronized Map<String, Scenario> parse() {
            if (parsed == null) {
                int before = loader.problems.size();
                Map<String, Scenario> scenarios = loader.scenarios(tables, programs);
                if (loader.problems.size() > before) {
                    throw new RuleSetException(loader.problems.subList(before, loader.problems.size()));
                }
                parsed = Collections.unmodifiableMap(scenarios);
            }
            return parsed;
        }

        @Override
        public Set<Map.Entry<String, Scenario>> entrySet() {
            return parsed().entrySet();
        }

        @Override
        public Scenario get(Object name) {
            return parsed().get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return parsed().containsKey(name);
        }
    }

    /** Checks every DRL file against the policy of {@code ruleset.properties}; true if any was refused. */
    private boolean refused(Properties props, Map<String, String> drl) {
        int before = problems.size();
        RulePolicy policy = RulePolicy.of(props, source.display(PROPERTIES), problems);
        drl.forEach((rel, text) -> problems.addAll(policy.check(source.display(rel), text)));
        return problems.size() > before;
    }

    private Properties properties() {
        String text = source.files().get(PROPERTIES);
        if (text == null) {
            problems.add(Problem.error(source.display(PROPERTIES), 0, "missing: every rule set has a " + PROPERTIES));
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(Problem.error(source.display(PROPERTIES), 0, e.getMessage()));
        }
        return p;
    }

    private LocalDate propertyDate(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            problems.add(Problem.error(source.display(PROPERTIES), 0, "'" + key + "' is missing (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(source.display(PROPERTIES), 0, "'" + key + "' is not a date YYYY-MM-DD: " + v));
            return null;
        }
    }

    /** The source a property names by its id in {@code sources.csv}. */
    private Source propertySource(Properties p, String key, Map<String, Source> sources) {
        String id = p.getProperty(key, "").strip();
        Source s = sources.get(id);
        if (s == null) {
            problems.add(Problem.error(source.display(PROPERTIES), 0, id.isEmpty()
                    ? "'" + key + "' is missing: the id in sources.csv of the source of this span"
                    : "'" + key + "': '" + id + "' is not an id of sources.csv" + Names.didYouMean(id, sources.keySet())));
        }
        return s;
    }

    /** {@code program,order,title,source}: the CBP reporting order of program codes (and, aside, their titles). */
    private Map<String, Integer> programs(Map<String, Source> sources) {
        Map<String, Integer> order = new HashMap<>();
        for (Csv.Line line : rows(PROGRAMS, 4, sources)) {
            programTitles.put(line.get(0), line.get(2));
            try {
                order.put(line.get(0), Integer.parseInt(line.get(1)));
            } catch (NumberFormatException e) {
                problems.add(Problem.error(source.display(PROGRAMS), line.number(), "order '" + line.get(1) + "' is not a whole number"));
            }
        }
        return order;
    }

    /** {@code declaration,meaning,source}: the facts a shipment may declare. */
    private Map<String, String> declarations(Map<String, Source> sources) {
        Map<String, String> declarations = new TreeMap<>();
        for (Csv.Line line : rows(DECLARATIONS, 3, sources)) {
            declarations.put(line.get(0), line.get(1));
        }
        return declarations;
    }

    /**
     * {@code program,holding,decided,relief,relief_source,source}: the programs a court has held unlawful, one holding
     * each. A rule set may have none (the file is optional).
     */
    private List<Ruling> rulings(Set<String> programs, Map<String, Source> sources) {
        List<Ruling> out = new ArrayList<>();
        if (!source.files().containsKey(RULINGS)) {
            return out;
        }
        String where = source.display(RULINGS);
        Set<String> seen = new TreeSet<>();
        for (Csv.Line line : rows(RULINGS, 6, null)) {
            String program = line.get(0);
            Source holding = sources.get(line.get(5));
            Source relief = sources.get(line.get(4));
            LocalDate decided = day(where, line, "decided", line.get(2));
            onceEach(where, line, program, programs, seen, "has a holding already");
            if (line.get(1).isEmpty()) {
                problems.add(Problem.error(where, line.number(), "the holding in words is missing"));
            }
            if (!line.get(3).equals("all") && !line.get(3).equals("plaintiffs")) {
                problems.add(Problem.error(where, line.number(), "relief '" + line.get(3) + "' is not all or plaintiffs"));
            }
            if (holding == null || relief == null) {
                String id = holding == null ? line.get(5) : line.get(4);
                problems.add(Problem.error(where, line.number(), "no source " + id + " in " + SOURCES
                        + Names.didYouMean(id, sources.keySet())));
            }
            if (decided != null && holding != null && relief != null) {
                out.add(new Ruling(program, line.get(1), decided, line.get(3).equals("all"), holding.citation(),
                        relief.citation()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@code program,ends,at,known,reason,source}: the programs that end as a whole at an instant, one end each. {@code at}
     * is the time of day on {@code ends} (HH:MM; empty: 00:01, the usual 12:01 a.m.), {@code known} the day the end was
     * published (empty: {@code ends}). A rule set may have none (the file is optional).
     */
    private List<Termination> terminations(Set<String> programs, Map<String, Source> sources) {
        List<Termination> out = new ArrayList<>();
        if (!source.files().containsKey(TERMINATIONS)) {
            return out;
        }
        String where = source.display(TERMINATIONS);
        Set<String> seen = new TreeSet<>();
        for (Csv.Line line : rows(TERMINATIONS, 6, sources)) {
            String program = line.get(0);
            LocalDate ends = day(where, line, "ends", line.get(1));
            LocalTime at = Shipment.CHANGES_TAKE_EFFECT_AT;
            if (!line.get(2).isEmpty()) {
                try {
                    at = LocalTime.parse(line.get(2));
                } catch (DateTimeParseException e) {
                    problems.add(Problem.error(where, line.number(), "at '" + line.get(2) + "' is not a time HH:MM"));
                }
            }
            LocalDate known = line.get(3).isEmpty() ? ends : day(where, line, "known", line.get(3));
            onceEach(where, line, program, programs, seen, "ends twice");
            if (line.get(4).isEmpty()) {
                problems.add(Problem.error(where, line.number(), "the reason in words is missing"));
            }
            Source cited = sources.get(line.get(5));
            if (ends != null && known != null && cited != null) {
                out.add(new Termination(program, ends, at, known, line.get(4), cited.citation(),
                        cited.mediumIds()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@code refunds/parameters.csv} ({@code name,value,source}) and {@code refunds/paths.csv}: how an entry's refund is
     * claimed ({@link RefundPaths}). Both optional: without them every entry's path is undecided.
     */
    private RefundPaths refundPaths(Map<String, Source> sources) {
        if (!source.files().containsKey(REFUND_PATHS) && !source.files().containsKey(REFUND_DAYS)) {
            return RefundPaths.NONE;
        }
        Map<String, Integer> days = new TreeMap<>();
        String where = source.display(REFUND_DAYS);
        for (Csv.Line line : rows(REFUND_DAYS, 3, sources)) {
            try {
                int n = Integer.parseInt(line.get(1));
                if (n < 0 || days.put(line.get(0), n) != null) {
                    problems.add(Problem.error(where, line.number(), "count " + line.get(0) + " negative or twice"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.error(where, line.number(), "value '" + line.get(1) + "' is not a whole number"));
            }
        }
        where = source.display(REFUND_PATHS);
        List<RefundPaths.Row> out = new ArrayList<>();
        for (Csv.Line line : rows(REFUND_PATHS, 14, sources)) {
            int before = problems.size();
            String path = line.get(0);
            if (!RefundPaths.PATHS.contains(path)) {
                problems.add(Problem.error(where, line.number(), "path '" + path + "' is not one of "
                        + new TreeSet<>(RefundPaths.PATHS)));
            }
            if (!RefundPaths.REFUNDS.contains(line.get(1))) {
                problems.add(Problem.error(where, line.number(), "refund '" + line.get(1) + "' is not one of "
                        + new TreeSet<>(RefundPaths.REFUNDS)));
            }
            String types = line.get(2);
            boolean notTypes = types.startsWith("!");
            Set<String> typeSet = types.isEmpty() || types.equals("-") ? null
                    : Set.copyOf(Arrays.asList(types.substring(notTypes ? 1 : 0).split(";")));
            if (typeSet != null && typeSet.stream().anyMatch(t -> !t.matches("\\d{2}"))) {
                problems.add(Problem.error(where, line.number(), "entryTypes '" + types
                        + "' is not two-digit types separated by ; (or !types, or - for none given)"));
            }
            Boolean[] flags = new Boolean[5];
            String[] flagNames = {"reconciliation", "drawback", "adcvd", "protestOpen", "liquidated"};
            for (int i = 0; i < flags.length; i++) {
                String v = line.get(3 + i);
                flags[i] = v.isEmpty() ? null : v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
                if (!v.isEmpty() && flags[i] == null) {
                    problems.add(Problem.error(where, line.number(), flagNames[i] + " '" + v + "' is not true or false"));
                }
            }
            String condition = line.get(8);
            Boolean over = null;
            String daysName = null;
            if (!condition.isEmpty()) {
                over = condition.startsWith(">");
                daysName = condition.substring(over ? 1 : condition.startsWith("<=") ? 2 : 0);
                if (!over && !condition.startsWith("<=") || !days.containsKey(daysName)) {
                    problems.add(Problem.error(where, line.number(), "daysAfterLiquidation '" + condition
                            + "' is not <=NAME or >NAME with NAME in " + REFUND_DAYS + Names.didYouMean(daysName,
                            days.keySet())));
                }
            }
            LocalDate from = line.get(9).isEmpty() ? null : day(where, line, "asOfFrom", line.get(9));
            LocalDate to = line.get(10).isEmpty() ? null : day(where, line, "asOfTo", line.get(10));
            String deadline = line.get(11).isEmpty() ? null : line.get(11);
            if (deadline != null && !days.containsKey(deadline)) {
                problems.add(Problem.error(where, line.number(), "deadline '" + deadline + "' is not a day count of "
                        + REFUND_DAYS + Names.didYouMean(deadline, days.keySet())));
            }
            if (line.get(12).isEmpty()) {
                problems.add(Problem.error(where, line.number(), "the reason in words is missing"));
            }
            Source cited = sources.get(line.get(13));
            if (problems.size() == before && cited != null) {
                out.add(new RefundPaths.Row(line.number(), path, line.get(1), typeSet, notTypes, types.equals("-"),
                        flags[0], flags[1], flags[2], flags[3], flags[4], over, daysName, from, to, deadline,
                        line.get(12), cited.citation()));
            }
        }
        return new RefundPaths(List.copyOf(out), Map.copyOf(days));
    }

    /** A row of a file with one row per program: its program exists and has no row before it. */
    private void onceEach(String where, Csv.Line line, String program, Set<String> programs, Set<String> seen,
                          String twice) {
        if (!programs.contains(program)) {
            problems.add(Problem.error(where, line.number(), "no program " + program + " in " + PROGRAMS
                    + Names.didYouMean(program, programs)));
        } else if (!seen.add(program)) {
            problems.add(Problem.error(where, line.number(), "program " + program + " " + twice));
        }
    }

    private LocalDate day(String where, Csv.Line line, String column, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(where, line.number(), column + " '" + text + "' is not a date YYYY-MM-DD"));
            return null;
        }
    }

    /** The legal sources rows cite by id ({@code sources.csv}: id, citation, link, confidence high or medium). */
    private Map<String, Source> sources() {
        Map<String, Source> out = new TreeMap<>();
        for (Csv.Line line : rows(SOURCES, 4, null)) {
            String where = source.display(SOURCES);
            String id = line.get(0);
            String confidence = line.get(3);
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
                problems.add(Problem.error(where, line.number(), "source id '" + id
                        + "' is not a name of letters, digits, '.', '-', '_' or ':'"));
            } else if (line.get(1).isEmpty()) {
                problems.add(Problem.error(where, line.number(), "source " + id + " has no citation"));
            } else if (!confidence.equals(Source.HIGH) && !confidence.equals(Source.MEDIUM)) {
                problems.add(Problem.error(where, line.number(), "confidence '" + confidence + "' is not "
                        + Source.HIGH + " or " + Source.MEDIUM));
            } else if (out.putIfAbsent(id, new Source(id, line.get(1), line.get(2), confidence)) != null) {
                problems.add(Problem.error(where, line.number(), "source " + id + " is defined twice"));
            }
        }
        return out;
    }

    /** {@code group,country,source}: named groups of countries a table may use as a key (e.g. the EU). */
    private Map<String, Set<String>> countryGroups(Map<String, Source> sources) {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (Csv.Line line : rows(COUNTRY_GROUPS, 3, sources)) {
            if (!Countries.isIsoCode(line.get(1))) {
                problems.add(Problem.error(source.display(COUNTRY_GROUPS), line.number(), "'" + line.get(1)
                        + "' is not an ISO 3166-1 alpha-2 country code"));
                continue;
            }
            groups.computeIfAbsent(line.get(0), k -> new TreeSet<>()).add(line.get(1));
        }
        return groups;
    }

    /**
     * {@code program,other,relation,origins,from,to,source}: the declared relation of each pair of additional duties;
     * {@code origins} is empty or a space-separated list of country codes and groups.
     */
    private List<StackingRelation> stackingMatrix(Set<String> programs, Map<String, Set<String>> groups,
                                                  Map<String, Source> sources) {
        List<StackingRelation> out = new ArrayList<>();
        if (!source.files().containsKey(STACKING_MATRIX)) {
            return out; // a rule set may declare none; the project's tests require it
        }
        String file = source.display(STACKING_MATRIX);
        for (Csv.Line line : rows(STACKING_MATRIX, 7, sources)) {
            StackingRelation.Relation relation;
            try {
                relation = StackingRelation.Relation.valueOf(line.get(2).toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(file, line.number(), "relation '" + line.get(2)
                        + "' is not one of stacks, excludes, splits, disjoint"));
                continue;
            }
            for (String program : List.of(line.get(0), line.get(1))) {
                if (!programs.contains(program)) {
                    problems.add(Problem.error(file, line.number(), "program " + program + " is not in " + PROGRAMS));
                }
            }
            try {
                Set<String> origins = new TreeSet<>();
                for (String o : line.get(3).split("\\s+")) {
                    if (groups.containsKey(o)) {
                        origins.addAll(groups.get(o));
                    } else if (Countries.isIsoCode(o)) {
                        origins.add(o);
                    } else if (!o.isEmpty()) {
                        problems.add(Problem.error(file, line.number(), "origin '" + o + "' is not a country code or group"));
                    }
                }
                LocalDate from = line.get(4).isEmpty() ? null : LocalDate.parse(line.get(4));
                LocalDate to = line.get(5).isEmpty() ? null : LocalDate.parse(line.get(5));
                out.add(new StackingRelation(line.get(0), line.get(1), relation, Set.copyOf(origins), from, to,
                        sources.containsKey(line.get(6)) ? sources.get(line.get(6)).citation() : line.get(6)));
            } catch (DateTimeParseException e) {
                problems.add(Problem.error(file, line.number(), "from/to must be dates YYYY-MM-DD"));
            }
        }
        return out;
    }

    /**
     * The data rows of a root CSV file (header skipped); each row must have {@code width} fields and a source, the id
     * of a row of {@code sources} (null: the file is {@code sources.csv} itself).
     */
    private List<Csv.Line> rows(String file, int width, Map<String, Source> sources) {
        String text = source.files().get(file);
        if (text == null) {
            problems.add(Problem.error(source.display(file), 0, "missing"));
            return List.of();
        }
        List<Csv.Line> lines = Csv.parse(text);
        List<Csv.Line> out = new ArrayList<>();
        for (Csv.Line line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.fields().size() < width || line.get(width - 1).isEmpty()) {
                problems.add(Problem.error(source.display(file), line.number(),
                        "expected " + width + " columns, the last one the source"));
                continue;
            }
            if (sources != null) {
                TableLoader.source(source.display(file), line, line.get(width - 1), sources, problems);
            }
            out.add(line);
        }
        return out;
    }

    private void checkTableReferences(Map<String, String> drl, Set<String> tables) {
        for (Map.Entry<String, String> f : drl.entrySet()) {
            Matcher m = TABLE_REF.matcher(f.getValue());
            while (m.find()) {
                if (!tables.contains(m.group(1))) {
                    problems.add(Problem.error(source.display(f.getKey()), lineOf(f.getValue(), m.start()),
                            "no table named \"" + m.group(1) + "\"" + Names.didYouMean(m.group(1), tables)));
                }
            }
        }
    }

    /**
     * The KieBase of the DRL files: from the cache when these very rules were compiled cleanly before, else compiled
     * now (and cached when the rules have no error and the build added no problem, so a cached set never hides a
     * compiler warning).
     */
    private KieBase compile(Map<String, String> drl, List<String> phases, Map<String, RuleInfo> rules,
                            Precedence precedence) {
        Map<String, int[]> ruleLines = new HashMap<>();
        Map<String, String> ruleFiles = new HashMap<>();
        Map<String, RuleText> ruleTexts = new HashMap<>();
        for (Map.Entry<String, String> f : drl.entrySet()) {
            Matcher pm = PACKAGE.matcher(f.getValue());
            String pkg = pm.find() ? pm.group(1) : "defaultpkg";
            Matcher rm = RULE.matcher(f.getValue());
            while (rm.find()) {
                String name = rm.group(1) != null ? rm.group(1) : rm.group(2);
                ruleLines.put(RuleSet.key(pkg, name), new int[] {lineOf(f.getValue(), rm.start(1) >= 0 ? rm.start(1) : rm.start(2))});
                ruleFiles.put(RuleSet.key(pkg, name), source.display(f.getKey()));
                ruleTexts.put(RuleSet.key(pkg, name), new RuleText(f.getValue(), rm.start()));
            }
        }
        // The lint warnings read from the text (literals, shapes) come again at every load; only the compiler's own
        // problems would be hidden by a cached build.
        boolean clean = problems.stream().noneMatch(Problem::isError);
        int before = problems.size();
        KieBase base = prebuilt != null ? prebuilt.kieBase() : clean ? cache.read(source) : null;
        Timings.mark(base == null ? "KieBase neither built nor cached" : prebuilt != null
                ? "waited for the build's KieBase" : "KieBase read from the cache");
        if (base == null) {
            base = build(drl, precedence);
            Timings.mark("KieBase compiled from DRL");
            if (base == null) {
                return null;
            }
            if (clean && problems.size() == before) {
                cache.write(source, base.getKiePackages());
            }
        }
        Map<String, RuleInfo> byName = new HashMap<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String key = RuleSet.key(pkg.getName(), rule.getName());
                String file = ruleFiles.getOrDefault(key, source.displayRoot());
                int line = ruleLines.getOrDefault(key, new int[] {0})[0];
                RuleInfo info = lint(rule, file, line, phases, ruleTexts.get(key));
                rules.put(key, info);
                RuleInfo same = byName.putIfAbsent(rule.getName(), info);
                if (same != null) {
                    // the trace, notApplied and coverage name rules by name alone
                    problems.add(Problem.error(file, line, "rule \"" + rule.getName() + "\" has the name of the rule at "
                            + same.file() + ":" + same.line() + ": rule names must be unique in the rule set"));
                }
            }
        }
        return base;
    }

    private KieBase build(Map<String, String> drl, Precedence precedence) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("dev.levy.rules", "ruleset", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> virtualToReal = new HashMap<>();
        for (Map.Entry<String, String> f : drl.entrySet()) {
            Matcher pm = PACKAGE.matcher(f.getValue());
            String pkg = pm.find() ? pm.group(1) : "defaultpkg";
            // KieFileSystem ignores files outside src/main/resources; a folder matching the package avoids a warning.
            String virtual = "src/main/resources/" + pkg.replace('.', '/') + "/" + f.getKey().replace('/', '_');
            kfs.write(virtual, precedence.compiled(source.display(f.getKey()), f.getValue()));
            virtualToReal.put(virtual.substring("src/main/resources/".length()), source.display(f.getKey()));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        int before = problems.size();
        Set<String> seen = new LinkedHashSet<>();
        for (Message m : builder.getResults().getMessages()) {
            if (m.getText() != null && m.getText().contains("Parser returned a null Package")) {
                continue; // follows every syntax error and says nothing more
            }
            String file = m.getPath() == null ? source.displayRoot() : virtualToReal.getOrDefault(
                    m.getPath().replaceFirst("^src/main/resources/", ""), m.getPath());
            String text = oneLine(m.getText());
            Matcher at = LINE_COLUMN.matcher(text);
            int line = Math.max(m.getLine(), 0);
            int column = Math.max(m.getColumn(), 0);
            if (column == 0 && at.find() && Integer.parseInt(at.group(1)) == line) {
                column = Integer.parseInt(at.group(2)); // the parser puts the column in the text only
            }
            column -= precedence.columnShift(file, line, column);
            Problem p = new Problem(m.getLevel() == Message.Level.ERROR ? Problem.Severity.ERROR : Problem.Severity.WARNING,
                    file, line, column, text);
            if (seen.add(p.toString())) {
                problems.add(p);
            }
        }
        // only the compiler's own errors stop here: the rules' lints still run when a table or literal was wrong
        if (problems.subList(before, problems.size()).stream().anyMatch(Problem::isError)) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase base = container.getKieBase();
        // Every build gets its own ReleaseId; drop it from the repository or each reload stays in memory.
        ks.getRepository().removeKieModule(releaseId);
        return base;
    }

    /** A rule's file text and the offset where the rule starts in it. */
    private record RuleText(String text, int start) {}

    /** The metadata every rule must carry, and a phase the rule set declares. */
    private RuleInfo lint(Rule rule, String file, int line, List<String> phases, RuleText text) {
        String citation = RuleMetadata.citation(rule);
        String message = RuleMetadata.get(rule, RuleMetadata.MESSAGE);
        String where = "rule \"" + rule.getName() + "\": ";
        if (citation == null || citation.isBlank()) {
            problems.add(Problem.error(file, line, where + "no @citation: every rule cites its legal instrument"));
        } else {
            List<String> malformed = MessageTemplate.problems(citation);
            malformed.forEach(p -> problems.add(Problem.error(file, line, where + "@citation " + p)));
            if (malformed.isEmpty()) {
                placeholders((RuleImpl) rule, "@citation", citation, file, line, text, where);
            }
        }
        if (message == null || message.isBlank()) {
            problems.add(Problem.error(file, line, where + "no @message: every rule explains itself in plain words"));
        } else {
            List<String> malformed = MessageTemplate.problems(message);
            malformed.forEach(p -> problems.add(Problem.error(file, line, where + p)));
            if (malformed.isEmpty()) {
                placeholders((RuleImpl) rule, "@message", message, file, line, text, where);
            }
        }
        RuleImpl impl = (RuleImpl) rule;
        String phase = impl.getAgendaGroup();
        if (!phases.contains(phase)) {
            problems.add(Problem.error(file, line, where + "ruleflow-group \"" + phase + "\" is not a phase of "
                    + PROPERTIES + " (" + String.join(", ", phases) + ")"));
        }
        return new RuleInfo(rule.getPackageName(), rule.getName(), citation, message, phase, impl.getSalienceValue(),
                file, line, RuleMetadata.get(rule, RuleMetadata.UNTESTABLE), known(rule, file, line, where));
    }

    /**
     * Every placeholder of a rule's message names a binding of the rule's conditions and a property of the bound
     * fact's type: else the message would fail at run time (no such binding: every shipment that fires the rule fails)
     * or print {@code {?name}} to the customer. {@code :usd} and {@code :pct} format numbers only.
     */
    private void placeholders(RuleImpl rule, String metadata, String message, String file, int line, RuleText text,
                              String where) {
        Map<String, Declaration> bindings = rule.getDeclarations();
        for (MessageTemplate.Placeholder p : MessageTemplate.of(message).placeholders()) {
            String problem;
            Declaration binding = bindings.get(p.binding());
            Class<?> type = binding == null ? null : binding.getDeclarationClass();
            if (binding == null) {
                problem = "{" + p.text() + "}: the rule binds no " + p.binding() + " (it binds "
                        + String.join(", ", new TreeSet<>(bindings.keySet())) + ")"
                        + Names.didYouMean(p.binding(), bindings.keySet());
            } else if (type == null || type == Object.class) {
                continue; // a binding of unknown type: nothing to check its property against
            } else {
                Optional<Method> getter = MessageTemplate.getter(type, p.property());
                if (getter.isEmpty()) {
                    problem = "{" + p.text() + "}: " + type.getSimpleName() + " " + p.binding() + " has no property "
                            + p.property() + Names.didYouMean(p.property(), MessageTemplate.properties(type));
                } else if (!p.format().isEmpty() && !BigDecimal.class.isAssignableFrom(getter.get().getReturnType())) {
                    problem = "{" + p.text() + "}: :" + p.format() + " formats an amount, and " + p.binding() + "."
                            + p.property() + " is a " + getter.get().getReturnType().getSimpleName();
                } else {
                    continue;
                }
            }
            problems.add(placeholderAt(file, line, text, metadata, p, where + metadata + " " + problem));
        }
    }

    /** The problem at the placeholder in the rule's {@code @message}, or at the rule's line when it is not found there. */
    private static Problem placeholderAt(String file, int line, RuleText text, String metadata,
                                         MessageTemplate.Placeholder p, String message) {
        int start = text == null ? -1 : text.text().indexOf(metadata, text.start());
        int at = start < 0 ? -1 : text.text().indexOf("{" + p.text() + "}", start);
        return at < 0 ? Problem.error(file, line, message) : Problem.errorAt(file, text.text(), at, message);
    }

    /**
     * {@code @known("parameter")}: the day a retroactive rule was published, a parameter of a {@code parameters.csv}
     * (a day, for all time); null when the rule has no {@code @known}.
     */
    private LocalDate known(Rule rule, String file, int line, String where) {
        String name = RuleMetadata.get(rule, RuleMetadata.KNOWN);
        if (name == null) {
            return null;
        }
        LocalDate day = parameterDays.get(name);
        if (day == null) {
            problems.add(Problem.error(file, line, where + "@known(\"" + name + "\") names no parameter whose value is a"
                    + " day (parameters.csv: name,value,from,to,source, with no from or to)"
                    + Names.didYouMean(name, parameterDays.keySet())));
        }
        return day;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        // indexOf rather than a loop over charAt: this runs for every rule at start, before the JIT has compiled it
        for (int nl = text.indexOf('\n'); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
            line++;
        }
        return line;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
