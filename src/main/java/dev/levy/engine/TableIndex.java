package dev.levy.engine;

import dev.levy.fact.Row;
import dev.levy.model.LawView;
import dev.levy.model.Scenario;
import dev.levy.model.Shipment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference tables of a rule set, indexed so that finding the rows that match a shipment costs a handful of hash
 * look-ups: one per HTS prefix length, one for the origin, plus the rows without a key. Immutable once built.
 */
public final class TableIndex {
    /** The table of MFN (column 1 General) rates; {@link #MFN_SPECIAL} holds the Special column's program rates. */
    public static final String MFN = "mfn";
    public static final String MFN_SPECIAL = "mfn_special";
    /** The schedule's column 2 rates, one row per line, keyed like {@link #MFN}. */
    public static final String COLUMN_2 = "column2";
    /**
     * The dated table of the countries whose products pay column 2 instead of column 1: the shipment reader checks that
     * their column 2 rate can be computed, as it checks the column 1 rate of every other origin.
     */
    public static final String COLUMN_2_COUNTRIES = "column2_countries";

    final Map<String, List<TableRow>> byHtsPrefix = new HashMap<>();
    final Map<String, List<TableRow>> byCountry = new HashMap<>();
    final List<TableRow> unkeyed = new ArrayList<>();
    /** The schedule's editions by the day each comes into force ({@link #FIRST_EDITION} for the one without a day). */
    final NavigableMap<LocalDate, Edition> editions = new TreeMap<>();
    final Set<String> tableNames = new TreeSet<>();
    final Map<String, Set<String>> tablePrograms = new java.util.TreeMap<>();
    /** The rows of each exception table (a {@code program} column), once per line of its file, in file order. */
    final Map<String, Map<String, List<TableRow>>> exceptionRows = new java.util.TreeMap<>();
    /** The listed duty tables ({@code duties/listed_duties.csv}), by table name. */
    final Map<String, DutyTable> dutyTables = new java.util.TreeMap<>();
    /** The tables a row's {@code list} or a listed duty's {@code unless} names: see {@link Row#isNamed()}. */
    final Set<String> namedTables = new java.util.HashSet<>();
    /** See {@link #lineClasses()}; filled by {@link #classifyTenDigitLines()} once the tables are loaded. */
    LineClasses lineClasses = new LineClasses(new TreeMap<>());

    /** The key of the edition whose rows have no {@code from}: in force from the first day the rules cover. */
    static final LocalDate FIRST_EDITION = LocalDate.MIN;

    /**
     * One edition of the schedule (a USITC edition as imported by {@code levy import-hts}): in force for entries from
     * 12:01 a.m. on its day until the next edition's day; a later edition replaces it whole, so a line it drops is
     * unknown from that day. {@code from} is null for the edition in force from the start; {@code source} is the
     * source its first line cites.
     */
    public static final class Edition {
        private final LocalDate from;
        private final Source source;
        final Map<String, ScheduleLine> lines = new HashMap<>();
        /** The edition's 10-digit lines of each 8-digit number, sorted. */
        final Map<String, List<String>> tenDigitLines = new HashMap<>();

        Edition(LocalDate from, Source source) {
            this.from = from;
            this.source = source;
        }

        /** The day the edition comes into force; null for the edition in force from the start. */
        public LocalDate from() {
            return from;
        }

        public Source source() {
            return source;
        }

        /** The edition's line of an HTS number (8 or 10 digits), or null when it does not have it. */
        public ScheduleLine line(String htsDigits) {
            return lines.get(htsDigits);
        }

        /** The edition in words, for messages: its citation, and its day when it has one. */
        public String describe() {
            return source.citation() + (from == null ? "" : ", in force from " + from);
        }
    }

    /** The 8-digit numbers of {@link #lineClasses()} in each edition, by the day the edition comes into force. */
    public record LineClasses(NavigableMap<LocalDate, Map<String, List<List<String>>>> byEdition) {
        /** The classes of an 8-digit number in the edition in force on the regime date; null when it needs no check. */
        public List<List<String>> of(String eightDigits, LocalDate regimeDate) {
            Map.Entry<LocalDate, Map<String, List<List<String>>>> e = byEdition.floorEntry(regimeDate);
            return e == null ? null : e.getValue().get(eightDigits);
        }
    }

    /**
     * One line of the schedule: its general rate row, the Special column's rows by program indicator, and its column 2
     * rate row (with the texts as the schedule prints them).
     */
    public record ScheduleLine(TableRow general, String generalText, Map<String, TableRow> special, TableRow column2,
                               String column2Text) {}

    void addHtsRow(String prefixDigits, TableRow row) {
        byHtsPrefix.computeIfAbsent(prefixDigits, k -> new ArrayList<>()).add(row);
        noteProgram(row);
    }

    void addCountryRow(String country, TableRow row) {
        byCountry.computeIfAbsent(country, k -> new ArrayList<>()).add(row);
        noteProgram(row);
    }

    void declareTable(String name) {
        tableNames.add(name);
    }

    /** The names of the tables, sorted. */
    public Set<String> tableNames() {
        return Collections.unmodifiableSet(tableNames);
    }

    void addUnkeyedRow(TableRow row) {
        unkeyed.add(row);
        noteProgram(row);
    }

    private void noteProgram(TableRow row) {
        if (row.list() != null) {
            namedTables.add(row.list());
        }
        if (row.program() != null) {
            tablePrograms.computeIfAbsent(row.table(), k -> new TreeSet<>()).add(row.program());
            exceptionRows.computeIfAbsent(row.table(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.location(), k -> new ArrayList<>()).add(row);
        }
    }

    /**
     * The rows of an exception table about one program, grouped by line of the file (a line keyed by a country group
     * is a row per member), in file order: what {@code levy exceptions} shows under the generic rule that reads it.
     */
    public List<List<TableRow>> exceptionRows(String table, String program) {
        return exceptionRows.getOrDefault(table, Map.of()).values().stream()
                .filter(line -> program.equals(line.get(0).program())).map(List::copyOf).toList();
    }

    void declareDutyTable(DutyTable duty) {
        dutyTables.put(duty.table(), duty);
        namedTables.addAll(duty.unless());
    }

    /** The listed duty tables by name: what each imposes, on which basis, for which origins. */
    public Map<String, DutyTable> dutyTables() {
        return Collections.unmodifiableMap(dutyTables);
    }

    /** The programs the rows of each exception table name (its {@code program} column), by table. */
    public Map<String, Set<String>> tablePrograms() {
        return java.util.Collections.unmodifiableMap(tablePrograms);
    }

    /** Adds a line to the edition that comes into force on {@code from} (null: from the start); false if it has it. */
    boolean addScheduleLine(LocalDate from, String digits, ScheduleLine line) {
        return editions.computeIfAbsent(from == null ? FIRST_EDITION : from, k -> new Edition(from, line.general().source()))
                .lines.putIfAbsent(digits, line) == null;
    }

    /** The editions of the schedule, in the order they come into force. */
    public List<Edition> editions() {
        return List.copyOf(editions.values());
    }

    /** The edition of the schedule in force on a regime date, or null when none is (the first starts later). */
    public Edition edition(LocalDate regimeDate) {
        Map.Entry<LocalDate, Edition> e = editions.floorEntry(regimeDate);
        return e == null ? null : e.getValue();
    }

    /**
     * The line of an HTS number (8 or 10 digits) in the edition of the schedule in force on the regime date, or null
     * when that edition does not have it.
     */
    public ScheduleLine scheduleLine(String htsDigits, LocalDate regimeDate) {
        Edition e = edition(regimeDate);
        return e == null ? null : e.line(htsDigits);
    }

    /** The 10-digit lines of an 8-digit number in the edition in force on the regime date, sorted (empty: none). */
    public List<String> tenDigitLines(String eightDigits, LocalDate regimeDate) {
        Edition e = edition(regimeDate);
        return e == null ? List.of() : e.tenDigitLines.getOrDefault(eightDigits, List.of());
    }

    /**
     * The 8-digit numbers whose 10-digit lines the tables may treat differently, each with its 10-digit lines grouped in
     * classes that every table and the schedule treat alike (each class sorted, the classes by their first line). An
     * 8-digit number is here when a table row is keyed by one of its 10-digit lines, or one of its lines has a schedule
     * rate of its own that differs from the 8-digit line's. Only these numbers need the ambiguity check of {@link
     * Evaluator}; every other 8-digit number is treated as all its 10-digit lines are.
     */
    public LineClasses lineClasses() {
        return lineClasses;
    }

    /**
     * {@link #lineClasses()} in the law a scenario makes: its row changes keyed by a 10-digit line classify that line's
     * 8-digit number too. The rule set's own classes when the scenario has no such change.
     */
    public LineClasses lineClasses(Scenario scenario) {
        if (scenario == null || scenario.rows().stream().noneMatch(c -> c.hts() != null && c.hts().length() > 8)) {
            return lineClasses;
        }
        NavigableMap<LocalDate, Map<String, List<List<String>>>> byEdition = new TreeMap<>();
        lineClasses.byEdition().forEach((day, classes) -> {
            Map<String, List<List<String>>> out = new HashMap<>(classes);
            Edition edition = editions.get(day);
            for (Scenario.RowChange c : scenario.rows()) {
                String eight = c.hts() == null || c.hts().length() <= 8 ? null : c.hts().substring(0, 8);
                if (eight != null && edition.tenDigitLines.containsKey(eight)) {
                    out.put(eight, classify(edition, eight, scenario));
                }
            }
            byEdition.put(day, Map.copyOf(out));
        });
        return new LineClasses(Collections.unmodifiableNavigableMap(byEdition));
    }

    /**
     * Records the 10-digit lines of each edition by 8-digit number; once the schedule and its statistical lines are in.
     */
    void indexTenDigitLines() {
        for (Edition edition : editions.values()) {
            for (String digits : edition.lines.keySet()) {
                if (digits.length() == 10) {
                    edition.tenDigitLines.computeIfAbsent(digits.substring(0, 8), k -> new ArrayList<>()).add(digits);
                }
            }
            edition.tenDigitLines.values().forEach(Collections::sort);
        }
    }

    /**
     * Classifies, in each edition, the 10-digit lines of every 8-digit number that needs it; after {@link
     * #indexTenDigitLines()}.
     */
    void classifyTenDigitLines() {
        Set<String> splitByTables = new TreeSet<>();
        for (String key : byHtsPrefix.keySet()) {
            if (key.length() > 8) {
                splitByTables.add(key.substring(0, 8));
            }
        }
        NavigableMap<LocalDate, Map<String, List<List<String>>>> byEdition = new TreeMap<>();
        editions.forEach((day, edition) -> {
            Set<String> split = new TreeSet<>(splitByTables);
            for (Map.Entry<String, List<String>> e : edition.tenDigitLines.entrySet()) {
                ScheduleLine eight = edition.lines.get(e.getKey());
                if (eight != null && e.getValue().stream().anyMatch(l -> !rates(edition.lines.get(l)).equals(rates(eight)))) {
                    split.add(e.getKey());
                }
            }
            Map<String, List<List<String>>> classes = new HashMap<>();
            for (String eightDigits : split) {
                if (edition.tenDigitLines.containsKey(eightDigits)) {
                    classes.put(eightDigits, classify(edition, eightDigits, null));
                }
            }
            byEdition.put(day, Map.copyOf(classes));
        });
        lineClasses = new LineClasses(Collections.unmodifiableNavigableMap(byEdition));
    }

    /**
     * The table rows keyed by a 10-digit line that no edition of the schedule has although one has the line's 8-digit
     * number: no shipment could match them, and an 8-digit entry would not be known to depend on them. (A schedule
     * without the whole number, such as a partial one, refuses every entry of it as UNKNOWN_HTS: nothing to check there.)
     */
    List<TableRow> rowsKeyedByUnknownLines() {
        List<TableRow> out = new ArrayList<>();
        for (Map.Entry<String, List<TableRow>> e : byHtsPrefix.entrySet()) {
            String key = e.getKey();
            String eight = key.substring(0, Math.min(8, key.length()));
            boolean numberKnown = editions.values().stream()
                    .anyMatch(ed -> ed.lines.containsKey(eight) || ed.tenDigitLines.containsKey(eight));
            if (key.length() > 8 && numberKnown && editions.values().stream().noneMatch(ed -> ed.lines.containsKey(key))) {
                out.addAll(e.getValue());
            }
        }
        out.sort(Comparator.comparing(TableRow::location));
        return out;
    }

    /**
     * The 10-digit lines of an 8-digit number in an edition, grouped by how the edition, the tables and the scenario
     * treat each.
     */
    private List<List<String>> classify(Edition edition, String eightDigits, Scenario scenario) {
        Map<List<String>, List<String>> bySignature = new LinkedHashMap<>();
        for (String line : edition.tenDigitLines.getOrDefault(eightDigits, List.of())) {
            List<String> signature = new ArrayList<>();
            signature.add(rates(edition.lines.get(line)));
            for (TableRow r : byHtsPrefix.getOrDefault(line, List.of())) {
                signature.add(String.join("|", r.table(), String.valueOf(r.rate()), r.heading(), String.valueOf(r.from()),
                        String.valueOf(r.to()), String.valueOf(r.known()), String.valueOf(r.superseded())));
            }
            if (scenario != null) {
                for (Scenario.RowChange c : scenario.rows()) {
                    if (line.equals(c.hts())) {
                        signature.add(String.join("|", "scenario", c.table(), String.valueOf(c.origin()),
                                String.valueOf(c.rate()), String.valueOf(c.heading()), String.valueOf(c.from()),
                                String.valueOf(c.to()), String.valueOf(c.remove())));
                    }
                }
            }
            Collections.sort(signature.subList(1, signature.size()));
            bySignature.computeIfAbsent(signature, k -> new ArrayList<>()).add(line);
        }
        return List.copyOf(bySignature.values().stream().map(List::copyOf).toList());
    }

    /** A schedule line's rates (General, Special and column 2) as text, to compare lines. */
    private static String rates(ScheduleLine line) {
        StringBuilder out = new StringBuilder(line.generalText()).append("|column2=").append(line.column2Text());
        line.special().forEach((program, row) -> out.append('|').append(program).append('=').append(row.rate())
                .append('/').append(row.perUnit()).append(row.unit()));
        return out.toString();
    }

    /**
     * The HTS numbers (digits) of the schedule lines whose general and column 2 rates are both ad valorem (a shipment of
     * any origin needs no quantity) in every edition, sorted; without the 8-digit numbers of {@link #lineClasses()} in
     * any edition, which may be ambiguous for a shipment: what generators draw valid shipments of any day from.
     */
    public List<String> adValoremScheduleLines() {
        if (editions.isEmpty()) {
            return List.of();
        }
        return editions.firstEntry().getValue().lines.keySet().stream()
                .filter(digits -> editions.values().stream().allMatch(ed -> {
                    ScheduleLine line = ed.lines.get(digits);
                    return line != null && adValorem(line.general()) && adValorem(line.column2());
                }))
                .filter(digits -> lineClasses.byEdition().values().stream().noneMatch(c -> c.containsKey(digits)))
                .sorted().toList();
    }

    private static boolean adValorem(TableRow rate) {
        return rate.rate() != null && rate.perUnit() == null;
    }

    /** The countries that some table names (directly or through a group), sorted. */
    public List<String> countries() {
        return byCountry.keySet().stream().sorted().toList();
    }

    /** Every row in force on the shipment's regime date that matches its HTS number or origin, as facts. */
    public List<Row> rowsFor(Shipment s) {
        return rowsFor(s, LawView.FINAL);
    }

    /**
     * The rows of {@link #rowsFor(Shipment)} in the law the view reads: known on its day (or the final schedule), with its
     * scenario's row changes applied.
     */
    public List<Row> rowsFor(Shipment s, LawView view) {
        List<Row> rows = new ArrayList<>();
        LocalDate known = view.knownOn(s);
        for (List<TableRow> candidates : candidates(s)) {
            addInForce(rows, s, candidates, known);
        }
        ScheduleLine line = scheduleLine(s.getHtsDigits(), s.getRegimeDate());
        if (line != null) {
            if (line.general().rate() != null) {
                rows.add(row(s, line.general()));
            }
            TableRow special = s.getSpi() == null ? null : line.special().get(s.getSpi());
            if (special != null) {
                rows.add(row(s, special));
            }
            if (line.column2().rate() != null) {
                rows.add(row(s, line.column2()));
            }
        }
        if (view.scenario() != null) {
            applyScenario(rows, s, view.scenario());
        }
        return rows;
    }

    /** A scenario's row changes for this shipment: the rows with the same table and key go, the scenario's rows come. */
    private void applyScenario(List<Row> rows, Shipment s, Scenario scenario) {
        int i = 0;
        for (Scenario.RowChange c : scenario.rows()) {
            i++;
            if (!c.matches(s.getOrigin(), s.getHtsDigits(), s.getRegimeDate())) {
                continue;
            }
            rows.removeIf(r -> r.getTable().equals(c.table()) && Objects.equals(r.getKey(), c.key()));
            if (!c.remove()) {
                // a row of a listed duty table imposes the table's duty, as the row it replaces did
                DutyTable duty = dutyTables.get(c.table());
                rows.add(row(s, new TableRow(c.table(), c.key(), c.rate(), c.heading(), c.from(), c.to(),
                        Source.ofScenario(scenario.name(), c.source()), "scenario " + scenario.name() + " rows[" + i + "]",
                        null, null, null, null, duty == null ? null : duty.program(), null, null, null, null, null, null, Set.of(),
                        null, null, duty)));
            }
        }
    }

    /** Whether the shipment's origin is in {@link #COLUMN_2_COUNTRIES} on its regime date (in the final schedule). */
    public boolean paysColumn2(Shipment s) {
        return byCountry.getOrDefault(s.getOrigin(), List.of()).stream().anyMatch(r -> r.table().equals(COLUMN_2_COUNTRIES)
                && r.superseded() == null && r.inForceOn(s.getRegimeDate()));
    }

    /** The rows that match the shipment's HTS number or origin, whatever their window, grouped as indexed. */
    private List<List<TableRow>> candidates(Shipment s) {
        List<List<TableRow>> out = new ArrayList<>();
        out.add(unkeyed);
        out.add(byCountry.getOrDefault(s.getOrigin(), List.of()));
        String digits = s.getHtsDigits();
        for (int len = 2; len <= digits.length(); len += 2) {
            out.add(byHtsPrefix.getOrDefault(digits.substring(0, len), List.of()));
        }
        return out;
    }

    /**
     * The days on which a row matching the shipment comes into force or ends, and the days a row names (a parameter's
     * day, an in-transit loading day): where its treatment may change. For an 8-digit number whose lines the tables
     * tell apart, the rows of its 10-digit lines count too: from their days the number may decide the measures or no
     * longer. The day each later edition of the schedule comes into force counts too.
     */
    public SortedSet<LocalDate> changeDates(Shipment s) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        editions.keySet().stream().filter(day -> !day.equals(FIRST_EDITION)).forEach(dates::add);
        List<List<TableRow>> matching = new ArrayList<>(candidates(s));
        Set<String> lines = new TreeSet<>();
        editions.forEach((day, edition) -> {
            if (lineClasses.byEdition().get(day).containsKey(s.getHtsDigits())) {
                lines.addAll(edition.tenDigitLines.get(s.getHtsDigits()));
            }
        });
        for (String line : lines) {
            matching.add(byHtsPrefix.getOrDefault(line, List.of()));
        }
        for (List<TableRow> rows : matching) {
            for (TableRow r : rows) {
                if (r.superseded() != null) {
                    continue; // not part of the final schedule
                }
                if (r.from() != null) {
                    dates.add(r.from());
                }
                if (r.to() != null) {
                    dates.add(r.to());
                }
                if (r.date() != null) {
                    dates.add(r.date());
                }
                if (r.loadedBefore() != null) {
                    dates.add(r.loadedBefore());
                }
            }
        }
        return dates;
    }

    /** The shipment's fact of a table row, told whether another row names its table ({@link Row#isNamed()}). */
    private Row row(Shipment s, TableRow r) {
        return new Row(s, r, namedTables.contains(r.table()));
    }

    private void addInForce(List<Row> out, Shipment s, List<TableRow> candidates, LocalDate known) {
        if (candidates == null) {
            return;
        }
        for (TableRow r : candidates) {
            if (r.inForceOn(s.getRegimeDate()) && r.knownOn(known)) {
                out.add(row(s, r));
            }
        }
    }
}
