package dev.levy.engine;

import dev.levy.io.Csv;
import dev.levy.model.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the CSV tables of a rule set into a {@link TableIndex}, reporting every malformed row with its file and line.
 *
 * <p>Two kinds of table, told apart by their header:
 * <ul>
 *   <li>a dated table: {@code [hts|country,][rate,]heading,from,to,source}; its name is the file name without
 *       {@code .csv};</li>
 *   <li>the schedule: {@code hts,description,general,special,column2[,from],source}, with rates as the USITC prints
 *       them ({@code Free}, {@code 2.5%}, {@code Free (A+,AU,...,KR,S,SG)}); the rows of one {@code from} day are an
 *       edition, in force until the next edition's day (no {@code from}: the edition in force from the start). Any
 *       number of files may hold editions ({@code mfn/schedule.csv}, {@code mfn/schedule_2026-01-01.csv});</li>
 *   <li>statistical lines the schedule's edition lacks: {@code hts,description,source}, 10-digit lines that a later
 *       revision created and the law names; each takes its 8-digit line's rates.</li>
 * </ul>
 */
final class TableLoader {
    private static final Pattern HTS = Pattern.compile("\\d{2}(\\d{2}){0,4}");
    private static final Pattern SCHEDULE_LINE = Pattern.compile("\\d{8}|\\d{10}");
    /** A group of the Special column: a rate, then the programs it is for in parentheses. */
    private static final Pattern SPECIAL_GROUP = Pattern.compile("([^()]+?)\\s*\\(([^)]*)\\)");

    private final RuleSource source;
    private final Map<String, Set<String>> countryGroups;
    private final Map<String, Source> sources;
    private final List<Problem> problems;
    private final TableIndex index = new TableIndex();
    private final Map<String, String> tableFiles = new TreeMap<>();
    private final Map<String, List<TableRow>> rowsByKey = new TreeMap<>();
    private final Map<String, LocalDate> parameterDays = new TreeMap<>();
    /** The rows of the exception tables (an {@code overrides} column), checked once every table is read. */
    private final List<TableRow> exceptionRows = new ArrayList<>();
    /** The listed duty tables, by the table they name, and the file and line of each listing. */
    private final Map<String, DutyTable> dutyTables = new TreeMap<>();
    private final Map<String, String> dutyTableLines = new TreeMap<>();
    /** The dated tables that have a rate column: what a listed duty table must be. */
    private final Set<String> ratedTables = new TreeSet<>();
    /** The days read so far by their text: the tables repeat a few hundred dates over tens of thousands of rows. */
    private final Map<String, LocalDate> dates = new java.util.HashMap<>();
    /** The statistical lines read, by digits, with the file and line that names each: added once the schedule is read. */
    private final Map<String, String> statisticalLines = new TreeMap<>();

    TableLoader(RuleSource source, Map<String, Set<String>> countryGroups, Map<String, Source> sources,
                List<Problem> problems) {
        this.source = source;
        this.countryGroups = countryGroups;
        this.sources = sources;
        this.problems = problems;
    }

    TableIndex index() {
        return index;
    }

    /** The parameters whose value is one day for all time (no from, no to), by name: what {@code @known} may name. */
    Map<String, LocalDate> parameterDays() {
        return parameterDays;
    }

    /** Table name to the file that defines it. */
    Map<String, String> tableFiles() {
        return tableFiles;
    }

    /** The header of a file of listed duty tables ({@code duties/listed_duties.csv}). */
    private static final List<String> DUTY_TABLES_HEADER = List.of("table", "program", "basis", "origin", "declaration",
            "undeclared", "unless", "description", "source");

    /** Whether a CSV file lists duty tables: it is read before every other table, whose rows it tags. */
    static boolean listsDutyTables(String text) {
        // the header only (lines are read lazily): the schedule is not parsed twice
        return text.lines().filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")).findFirst()
                .map(h -> h.strip().toLowerCase().startsWith(String.join(",", DUTY_TABLES_HEADER.subList(0, 3))))
                .orElse(false);
    }

    /**
     * A file of listed duty tables: {@code table,program,basis,origin,declaration,undeclared,unless,description,source},
     * one row per
     * table whose rows impose a program's duty (see {@link DutyTable}). Read before the tables it names.
     */
    void loadDutyTables(String relative, String text, Set<String> programs, Set<String> declarations) {
        String file = source.display(relative);
        List<Csv.Line> lines = Csv.parse(text);
        if (!new ArrayList<>(header(lines.get(0)).keySet()).equals(DUTY_TABLES_HEADER)) {
            problems.add(Problem.error(file, lines.get(0).number(), "a file of listed duty tables has the header "
                    + String.join(",", DUTY_TABLES_HEADER)));
            return;
        }
        for (Csv.Line line : lines.subList(1, lines.size())) {
            String table = line.get(0);
            String program = line.get(1);
            String basis = line.get(2);
            String origin = line.get(3);
            String declaration = line.get(4);
            String undeclared = line.get(5);
            Set<String> unless = line.get(6).isBlank() ? Set.of() : Set.of(line.get(6).strip().split("\\s+"));
            String description = line.get(7);
            Source src = source(file, line, line.get(8));
            if (declaration.isEmpty() != undeclared.isEmpty()
                    || !undeclared.isEmpty() && !DutyTable.UNDECLARED.contains(undeclared)) {
                problems.add(Problem.error(file, line.number(), "undeclared '" + undeclared + "': a table with a"
                        + " declaration says what a shipment that does not make it is told, one of " + DutyTable.UNDECLARED
                        + "; a table without one leaves it empty"));
            }
            if (!declaration.isEmpty() && !declarations.contains(declaration)) {
                problems.add(Problem.error(file, line.number(), "declaration '" + declaration + "' is not in"
                        + " declarations.csv" + Names.didYouMean(declaration, declarations)));
            }
            if (!programs.contains(program)) {
                problems.add(Problem.error(file, line.number(), "program '" + program + "' is not in programs.csv"
                        + Names.didYouMean(program, programs)));
            }
            if (!basis.equals(DutyTable.FULL_VALUE) && !DutyTable.CONTENTS.contains(basis)) {
                Set<String> bases = new TreeSet<>(DutyTable.CONTENTS);
                bases.add(DutyTable.FULL_VALUE);
                problems.add(Problem.error(file, line.number(), "basis '" + basis + "' is not one of " + bases
                        + Names.didYouMean(basis, bases)));
            }
            if (description.isEmpty()) {
                problems.add(Problem.error(file, line.number(), "table " + table + " has no description: the rule's"
                        + " message says what a listed article is with it"));
            }
            Set<String> origins = origin.isEmpty() ? Set.of() : Set.copyOf(countries(file, line, origin));
            String previous = dutyTableLines.putIfAbsent(table, file + ":" + line.number());
            if (previous != null) {
                problems.add(Problem.error(file, line.number(), "table " + table + " is already listed at " + previous));
                continue;
            }
            dutyTables.put(table, new DutyTable(table, program, basis, origins, declaration.isEmpty() ? null : declaration,
                    DutyTable.REPORTED.equals(undeclared), unless, description, src));
        }
    }

    /** Once every file is read: each listed duty table is a dated table with rates. */
    void checkDutyTables() {
        dutyTableLines.forEach((table, where) -> {
            String file = where.substring(0, where.lastIndexOf(':'));
            int line = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
            if (!tableFiles.containsKey(table)) {
                problems.add(Problem.error(file, line, "no table named " + table + Names.didYouMean(table, tableFiles.keySet())));
            } else if (!ratedTables.contains(table)) {
                problems.add(Problem.error(file, line, "table " + table + " (" + tableFiles.get(table) + ") has no rate"
                        + " column: a listed duty table gives the rate of each row"));
            } else {
                index.declareDutyTable(dutyTables.get(table));
            }
            for (String other : dutyTables.get(table).unless()) {
                if (!tableFiles.containsKey(other)) {
                    problems.add(Problem.error(file, line, "unless: no table named " + other
                            + Names.didYouMean(other, tableFiles.keySet())));
                }
            }
        });
    }

    void load(String relative, String text) {
        String file = source.display(relative);
        List<Csv.Line> lines = Csv.parse(text);
        if (lines.isEmpty()) {
            problems.add(Problem.error(file, 1, "empty table: a header line is required"));
            return;
        }
        Map<String, Integer> columns = header(lines.get(0));
        if (columns.containsKey("name") && columns.containsKey("value")) {
            loadParameters(file, columns, lines);
            return;
        }
        if (columns.keySet().equals(Set.of("hts", "description", "source"))) {
            loadStatisticalLines(file, columns, lines);
            return;
        }
        if (columns.containsKey("general")) { // an edition of the schedule: its files may be many
            tableFiles.putIfAbsent(TableIndex.MFN, file);
            index.declareTable(TableIndex.MFN);
            index.declareTable(TableIndex.MFN_SPECIAL);
            index.declareTable(TableIndex.COLUMN_2);
            loadSchedule(file, columns, lines);
            return;
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1, relative.length() - ".csv".length());
        String previous = tableFiles.putIfAbsent(name, file);
        if (previous != null) {
            problems.add(Problem.error(file, 1, "table " + name + " is already defined in " + previous));
            return;
        }
        index.declareTable(name);
        loadDated(file, name, columns, lines);
    }

    private static Map<String, Integer> header(Csv.Line line) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < line.fields().size(); i++) {
            columns.put(line.get(i).toLowerCase(), i);
        }
        return columns;
    }

    private void loadDated(String file, String table, Map<String, Integer> cols, List<Csv.Line> lines) {
        for (String required : List.of("heading", "from", "to", "source")) {
            if (!cols.containsKey(required)) {
                problems.add(Problem.error(file, lines.get(0).number(), "header lacks the column '" + required
                        + "' (a dated table has [hts|country,][rate,]heading,from,to,source)"));
                return;
            }
        }
        String keyColumn = cols.containsKey("hts") ? "hts" : cols.containsKey("country") ? "country" : null;
        List<TableRow> rows = new ArrayList<>();
        if (cols.containsKey("rate")) {
            ratedTables.add(table);
        }
        DutyTable duty = dutyTables.get(table);
        for (Csv.Line line : lines.subList(1, lines.size())) {
            String where = file + ":" + line.number();
            Source src = source(file, line, line.get(cols.get("source")));
            LocalDate from = date(file, line, line.get(cols.get("from")), "from");
            LocalDate to = date(file, line, line.get(cols.get("to")), "to");
            if (from != null && to != null && !from.isBefore(to)) {
                problems.add(Problem.error(file, line.number(), "window is empty: from " + from + " is not before to " + to));
            }
            LocalDate known = cols.containsKey("known") ? date(file, line, line.get(cols.get("known")), "known") : null;
            LocalDate superseded = cols.containsKey("superseded")
                    ? date(file, line, line.get(cols.get("superseded")), "superseded") : null;
            lintKnowledge(file, line, from, known, superseded);
            BigDecimal rate = cols.containsKey("rate") ? rate(file, line, line.get(cols.get("rate"))) : null;
            String key = keyColumn == null ? null : line.get(cols.get(keyColumn));
            String heading = line.get(cols.get("heading"));
            String overrides = optional(line, cols, "overrides");
            Dated dated = new Dated(from, to, known, superseded, duty != null ? duty.program() : optional(line, cols, "program"),
                    transport(file, line, optional(line, cols, "transport")),
                    cols.containsKey("loaded_before") ? date(file, line, line.get(cols.get("loaded_before")), "loaded_before")
                            : null, optional(line, cols, "declaration"), optional(line, cols, "list"),
                    optional(line, cols, "duty_heading"), overrides == null ? Set.of() : RowPrecedence.names(overrides),
                    optional(line, cols, "replaces"), subject(file, line, cols), duty);
            if (dated.program() != null && heading.isEmpty()) {
                heading = null; // an exception row that reports no heading of its own: the removed duty's record has none
            }
            if ("hts".equals(keyColumn)) {
                String digits = key.replace(".", "").replace(" ", "");
                if (!HTS.matcher(digits).matches()) {
                    problems.add(Problem.error(file, line.number(), "malformed HTS number '" + key
                            + "' (2 to 10 digits, an even count, dots optional)"));
                    continue;
                }
                rows.add(dated.row(table, digits, rate, heading, src, where));
            } else if ("country".equals(keyColumn) && !(key.isEmpty() && cols.containsKey("program"))) {
                for (String country : countries(file, line, key)) {
                    rows.add(dated.row(table, country, rate, heading, src, where));
                }
            } else {
                // no key, or an exception table's row with no country: the row is for every origin
                rows.add(dated.row(table, null, rate, heading, src, where));
            }
        }
        if (cols.containsKey("overrides")) {
            rows = RowPrecedence.close(file, rows, problems);
            exceptionRows.addAll(rows);
        }
        for (TableRow row : rows) {
            if (row.key() == null) {
                index.addUnkeyedRow(keep(row));
            } else if ("hts".equals(keyColumn)) {
                index.addHtsRow(row.key(), keep(row));
            } else {
                index.addCountryRow(row.key(), keep(row));
            }
        }
    }

    /**
     * Once every table is read: the rows of the exception tables (those with an {@code overrides} column) name a
     * program of {@code programs.csv}, a list or a declaration, a declaration of {@code declarations.csv} and, in a
     * {@code list} column, a table of the rule set.
     */
    void lintExceptionRows(Set<String> programs, Set<String> declarations) {
        for (TableRow r : exceptionRows) {
            String file = r.location().substring(0, r.location().lastIndexOf(':'));
            int line = Integer.parseInt(r.location().substring(r.location().lastIndexOf(':') + 1));
            if (r.program() == null || !programs.contains(r.program())) {
                problems.add(Problem.error(file, line, "program '" + (r.program() == null ? "" : r.program())
                        + "' is not a code of programs.csv" + (r.program() == null ? "" : Names.didYouMean(r.program(), programs))));
            }
            if (RowPrecedence.name(r) == null) {
                problems.add(Problem.error(file, line, "row names neither a list nor a declaration: an exception row"
                        + " says what takes the shipment out of the duty"));
            }
            if (r.declaration() != null && !declarations.contains(r.declaration())) {
                problems.add(Problem.error(file, line, "declaration '" + r.declaration() + "' is not in declarations.csv"
                        + Names.didYouMean(r.declaration(), declarations)));
            }
            if (r.list() != null && !tableFiles.containsKey(r.list())) {
                problems.add(Problem.error(file, line, "list '" + r.list() + "' is no table of the rule set"
                        + Names.didYouMean(r.list(), tableFiles.keySet())));
            }
        }
    }

    /**
     * The dates of a row: when it applies to entries, when it became known, when a correction superseded it; and the
     * optional columns of an exception table (the program it is about, the transport, the in-transit loading day, the
     * declaration it requires, the list it reads, the heading of the only duty it lifts, the rows it overrides); the
     * duty a listed duty table imposes (its program is the row's).
     */
    private record Dated(LocalDate from, LocalDate to, LocalDate known, LocalDate superseded, String program,
                         String transport, LocalDate loadedBefore, String declaration, String list, String dutyHeading,
                         Set<String> overrides, String replaces, TableRow.Subject subject, DutyTable duty) {
        TableRow row(String table, String key, java.math.BigDecimal rate, String heading, Source src, String where) {
            return new TableRow(table, key, rate, heading, from, to, src, where, null, null, known, superseded,
                    program, transport, loadedBefore, null, declaration, list, dutyHeading, overrides, replaces, subject,
                    duty);
        }
    }

    /**
     * The columns of a relation table ("not on articles subject to"): {@code subject_to} (a program),
     * {@code subject_heading} (empty: any heading of it), {@code subject_at_zero} ({@code yes}: its duty at 0% counts;
     * empty: only above 0%). Null when the table has no {@code subject_to} column.
     */
    private TableRow.Subject subject(String file, Csv.Line line, Map<String, Integer> cols) {
        String program = optional(line, cols, "subject_to");
        if (program == null) {
            if (cols.containsKey("subject_to")) {
                problems.add(Problem.error(file, line.number(), "subject_to is empty: name the program the article is subject to"));
            }
            return null;
        }
        String atZero = optional(line, cols, "subject_at_zero");
        if (atZero != null && !atZero.equals("yes")) {
            problems.add(Problem.error(file, line.number(), "subject_at_zero '" + atZero + "' is not 'yes' (or empty: only a"
                    + " duty above 0% makes the article subject to " + program + ")"));
        }
        return new TableRow.Subject(program, optional(line, cols, "subject_heading"), atZero != null);
    }

    private static String optional(Csv.Line line, Map<String, Integer> cols, String column) {
        String v = cols.containsKey(column) ? line.get(cols.get(column)) : "";
        return v.isEmpty() ? null : v;
    }

    private String transport(String file, Csv.Line line, String transport) {
        if (transport != null && !dev.levy.io.ShipmentReader.TRANSPORTS.contains(transport)) {
            problems.add(Problem.error(file, line.number(), "transport '" + transport + "' is not one of "
                    + dev.levy.io.ShipmentReader.TRANSPORTS + Names.didYouMean(transport, dev.levy.io.ShipmentReader.TRANSPORTS)));
        }
        return transport;
    }

    /**
     * A parameters file ({@code name,value,from,to,source}): scalar law with dated values. Each name is a table of its
     * own, without a key, whose rows are the parameter's values in time: a day ({@code Row.date}) or a number
     * ({@code Row.rate}). A rule reads it as {@code p : Row(shipment == s, table == "name")}.
     */
    private void loadParameters(String file, Map<String, Integer> cols, List<Csv.Line> lines) {
        for (String required : List.of("from", "to", "source")) {
            if (!cols.containsKey(required)) {
                problems.add(Problem.error(file, lines.get(0).number(), "header lacks the column '" + required
                        + "' (a parameters file has name,value,from,to,source)"));
                return;
            }
        }
        for (Csv.Line line : lines.subList(1, lines.size())) {
            String where = file + ":" + line.number();
            String name = line.get(cols.get("name"));
            String value = line.get(cols.get("value"));
            Source src = source(file, line, line.get(cols.get("source")));
            LocalDate from = date(file, line, line.get(cols.get("from")), "from");
            LocalDate to = date(file, line, line.get(cols.get("to")), "to");
            if (!name.matches("[a-z][a-z0-9_]*")) {
                problems.add(Problem.error(file, line.number(), "parameter name '" + name
                        + "' is not lower_snake_case"));
                continue;
            }
            String previous = tableFiles.putIfAbsent(name, file);
            if (previous != null && !previous.equals(file)) {
                problems.add(Problem.error(file, line.number(), "parameter " + name + " is already a table of " + previous));
                continue;
            }
            LocalDate day = null;
            BigDecimal number = null;
            String heading = null;
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                day = date(file, line, value, "value");
            } else if (value.matches("\\d{4}\\.\\d{2}\\.\\d{2}")) {
                heading = value; // a Chapter 99 heading a rule reports or matches: never written in DRL
            } else {
                number = rate(file, line, value);
            }
            if (day != null && from == null && to == null) {
                parameterDays.put(name, day);
            }
            index.declareTable(name);
            index.addUnkeyedRow(keep(new TableRow(name, null, number, heading, from, to, src, where, null, null, null, null,
                    null, null, null, day, null, null, null, Set.of(), null, null, null)));
        }
    }

    /** A superseded row must have been known for a while: superseded after it became known. */
    private void lintKnowledge(String file, Csv.Line line, LocalDate from, LocalDate known, LocalDate superseded) {
        LocalDate knownFrom = known != null ? known : from;
        if (superseded != null && knownFrom != null && !knownFrom.isBefore(superseded)) {
            problems.add(Problem.error(file, line.number(), "superseded " + superseded
                    + " is not after the day the row became known (" + knownFrom + "): the row would never be law"));
        }
    }

    private TableRow keep(TableRow row) {
        // an exception row is also told apart by what it is about (India's Annex II and particular-articles rows share a
        // heading), and a relation row by the duty it is subject to: one answer each
        rowsByKey.computeIfAbsent(String.join("|", row.table(), String.valueOf(row.key()), row.heading(),
                String.valueOf(row.program()), String.valueOf(row.declaration()), String.valueOf(row.list()),
                String.valueOf(row.subject())), k -> new ArrayList<>()).add(row);
        return row;
    }

    /**
     * Rows of one table with the same key and heading whose windows overlap: on some day the table would give the same
     * shipment two rates under one heading. (A group key and a member's own code count as the same key.)
     */
    void lintOverlaps() {
        for (List<TableRow> rows : rowsByKey.values()) {
            List<TableRow> sorted = new ArrayList<>(rows);
            sorted.sort(java.util.Comparator.comparing(TableRow::from, java.util.Comparator.nullsFirst(
                    java.util.Comparator.naturalOrder())));
            for (int i = 1; i < sorted.size(); i++) {
                TableRow a = sorted.get(i - 1);
                TableRow b = sorted.get(i);
                boolean overlap = a.to() == null || b.from() == null || b.from().isBefore(a.to());
                if (overlap && coexist(a, b)) {
                    String file = b.location().substring(0, b.location().lastIndexOf(':'));
                    int line = Integer.parseInt(b.location().substring(b.location().lastIndexOf(':') + 1));
                    problems.add(Problem.error(file, line, "row for " + b.key() + " overlaps the row at "
                            + a.location() + " (" + window(a) + " and " + window(b) + "): on some day the table gives two answers under " + b.heading()));
                }
            }
        }
    }

    /** Whether two rows are ever law at once: a row superseded before the other became known never meets it. */
    private static boolean coexist(TableRow a, TableRow b) {
        return before(a.knownFrom(), b.superseded()) && before(b.knownFrom(), a.superseded());
    }

    private static boolean before(LocalDate knownFrom, LocalDate superseded) {
        return knownFrom == null || superseded == null || knownFrom.isBefore(superseded);
    }

    private static String window(TableRow r) {
        return (r.from() == null ? "..." : r.from().toString()) + " to " + (r.to() == null ? "..." : r.to().toString());
    }

    private Set<String> countries(String file, Csv.Line line, String key) {
        if (countryGroups.containsKey(key)) {
            return countryGroups.get(key);
        }
        if (!Countries.isIsoCode(key)) {
            problems.add(Problem.error(file, line.number(), "'" + key
                    + "' is neither an ISO 3166-1 alpha-2 code nor a group of country_groups.csv"));
            return Set.of();
        }
        return Set.of(key);
    }

    private void loadSchedule(String file, Map<String, Integer> cols, List<Csv.Line> lines) {
        // the schedule repeats a few hundred rate texts over its 31,000 lines (a 10-digit line has its 8-digit line's)
        Map<String, Optional<RateText>> rateTexts = new java.util.HashMap<>(); // general and column 2
        Map<String, Map<String, RateText>> specialColumns = new java.util.HashMap<>();
        for (String required : List.of("hts", "general", "special", "column2", "source")) {
            if (!cols.containsKey(required)) {
                problems.add(Problem.error(file, lines.get(0).number(), "schedule header lacks the column '" + required + "'"));
                return;
            }
        }
        if (cols.containsKey("to")) {
            problems.add(Problem.error(file, lines.get(0).number(), "the schedule has no column 'to': an edition is in"
                    + " force from its 'from' day until the next edition's"));
            return;
        }
        for (Csv.Line line : lines.subList(1, lines.size())) {
            String where = file + ":" + line.number();
            String hts = line.get(cols.get("hts"));
            String digits = hts.replace(".", "");
            if (!SCHEDULE_LINE.matcher(digits).matches()) {
                problems.add(Problem.error(file, line.number(), "malformed HTS line '" + hts + "' (8 or 10 digits)"));
                continue;
            }
            Source src = source(file, line, line.get(cols.get("source")));
            LocalDate from = cols.containsKey("from") ? date(file, line, line.get(cols.get("from")), "from") : null;
            String dotted = dotted(digits);
            String generalText = line.get(cols.get("general"));
            TableRow generalRow = scheduleRow(TableIndex.MFN, digits, dotted,
                    rateTexts.computeIfAbsent(generalText, RateText::parse), from, src, where);
            String specialText = line.get(cols.get("special"));
            Map<String, TableRow> special = new SpecialRows(specialText,
                    specialColumns.computeIfAbsent(specialText, TableLoader::specialRates), dotted, from, src, where);
            String column2Text = line.get(cols.get("column2"));
            TableRow column2Row = scheduleRow(TableIndex.COLUMN_2, digits, dotted,
                    rateTexts.computeIfAbsent(column2Text, RateText::parse), from, src, where);
            if (!index.addScheduleLine(from, digits, new TableIndex.ScheduleLine(generalRow, generalText, special,
                    column2Row, column2Text))) {
                problems.add(Problem.error(file, line.number(), "HTS line " + hts + " appears twice in the edition "
                        + (from == null ? "without a from day" : "from " + from)));
            }
        }
    }

    private void loadStatisticalLines(String file, Map<String, Integer> cols, List<Csv.Line> lines) {
        for (Csv.Line line : lines.subList(1, lines.size())) {
            String hts = line.get(cols.get("hts"));
            String digits = hts.replace(".", "");
            source(file, line, line.get(cols.get("source")));
            if (!digits.matches("\\d{10}")) {
                problems.add(Problem.error(file, line.number(), "malformed statistical line '" + hts + "' (10 digits)"));
            } else if (statisticalLines.putIfAbsent(digits, file + ":" + line.number()) != null) {
                problems.add(Problem.error(file, line.number(), "statistical line " + hts + " appears twice"));
            }
        }
    }

    /**
     * Once every file is read: adds the statistical lines to each edition of the schedule that lacks them (with the
     * edition's 8-digit line's rates), checks that every table row keyed by a 10-digit line names a line the schedule
     * has (else no valid shipment could ever match it, and its 8-digit number would not be known to be split), and
     * classifies the 10-digit lines for the ambiguity check.
     */
    void resolveTenDigitLines() {
        statisticalLines.forEach((digits, where) -> {
            String file = where.substring(0, where.lastIndexOf(':'));
            int line = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
            List<TableIndex.Edition> editions = index.editions();
            List<TableIndex.Edition> lacking = editions.stream()
                    .filter(e -> e.line(digits) == null).toList();
            if (!editions.isEmpty() && lacking.isEmpty()) {
                problems.add(Problem.error(file, line, "statistical line " + dotted(digits)
                        + " is in the schedule already: remove it here"));
            }
            boolean added = false;
            for (TableIndex.Edition e : lacking) {
                TableIndex.ScheduleLine eight = e.line(digits.substring(0, 8));
                added |= eight != null && index.addScheduleLine(e.from(), digits, eight);
            }
            if (!lacking.isEmpty() && !added) {
                problems.add(Problem.warning(file, line, "statistical line " + dotted(digits) + " ignored: the schedule has"
                        + " no 8-digit line " + dotted(digits.substring(0, 8)) + " to take its rates from"));
            }
        });
        index.indexTenDigitLines();
        for (TableRow r : index.rowsKeyedByUnknownLines()) {
            String file = r.location().substring(0, r.location().lastIndexOf(':'));
            int line = Integer.parseInt(r.location().substring(r.location().lastIndexOf(':') + 1));
            problems.add(Problem.error(file, line, "HTS " + dotted(r.key()) + " is not a 10-digit line of the schedule: "
                    + "no shipment could match this row; fix the number, or add the line to mfn/statistical_lines.csv "
                    + "with the source that creates it"));
        }
        index.classifyTenDigitLines();
    }

    /**
     * A schedule rate as a row of the edition from {@code from} (its end is the next edition's day: the index picks the
     * edition in force): ad valorem part as the rate, specific part per unit; an unparsed rate has no rate.
     */
    private static TableRow scheduleRow(String table, String key, String heading, Optional<RateText> rate,
                                        LocalDate from, Source src, String where) {
        return rate.map(r -> new TableRow(table, key, r.adValorem(), heading, from, null, src, where, r.perUnit(), r.unit()))
                .orElse(new TableRow(table, key, null, heading, from, null, src, where));
    }

    /**
     * The Special column's rows of one schedule line by program, made when asked: the schedule has some 200,000 of them,
     * and a shipment reads one (its own program's). The rates map is shared by every line that prints the same text.
     */
    static final class SpecialRows extends java.util.AbstractMap<String, TableRow> {
        /** The Special column's text, from which the build's form of the tables makes the rows again. */
        final String text;
        private final Map<String, RateText> rates;
        private final String heading;
        private final LocalDate from;
        private final Source source;
        private final String where;

        SpecialRows(String text, Map<String, RateText> rates, String heading, LocalDate from, Source source,
                    String where) {
            this.text = text;
            this.rates = rates;
            this.heading = heading;
            this.from = from;
            this.source = source;
            this.where = where;
        }

        private TableRow row(String program, RateText rate) {
            return scheduleRow(TableIndex.MFN_SPECIAL, program, heading, Optional.of(rate), from, source, where);
        }

        @Override
        public TableRow get(Object program) {
            RateText rate = rates.get(program);
            return rate == null ? null : row((String) program, rate);
        }

        @Override
        public boolean containsKey(Object program) {
            return rates.containsKey(program);
        }

        @Override
        public Set<String> keySet() {
            return java.util.Collections.unmodifiableSet(rates.keySet());
        }

        @Override
        public int size() {
            return rates.size();
        }

        @Override
        public Set<Map.Entry<String, TableRow>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, TableRow>> iterator() {
                    java.util.Iterator<Map.Entry<String, RateText>> each = rates.entrySet().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return each.hasNext();
                        }

                        @Override
                        public Map.Entry<String, TableRow> next() {
                            Map.Entry<String, RateText> e = each.next();
                            return Map.entry(e.getKey(), row(e.getKey(), e.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return rates.size();
                }
            };
        }
    }

    /** The Special column: groups {@code RATE (PROGRAM,PROGRAM,...)}, each program with the group's rate. */
    static Map<String, RateText> specialRates(String text) {
        Map<String, RateText> out = new TreeMap<>();
        Matcher m = SPECIAL_GROUP.matcher(text);
        while (m.find()) {
            Optional<RateText> rate = RateText.parse(m.group(1));
            if (rate.isEmpty()) {
                continue;
            }
            for (String program : m.group(2).split(",")) {
                out.put(program.strip(), rate.get());
            }
        }
        return out;
    }

    static String dotted(String digits) {
        String d = digits.substring(0, 4) + "." + digits.substring(4, 6) + "." + digits.substring(6, 8);
        return digits.length() == 10 ? d + "." + digits.substring(8) : d;
    }

    /** The source a row names by id; an empty or unknown id is an error at the row (and the row keeps the id). */
    private Source source(String file, Csv.Line line, String id) {
        return source(file, line, id, sources, problems);
    }

    /**
     * The source a row of any file of the rule set names by its id in {@code sources.csv}; an empty or unknown id is an
     * error at the row's file and line (with the ids it resembles), and the row keeps the id as its citation.
     */
    static Source source(String file, Csv.Line line, String id, Map<String, Source> sources, List<Problem> problems) {
        if (id.isEmpty()) {
            problems.add(Problem.error(file, line.number(), "row without a source: every row cites its legal source by"
                    + " its id in sources.csv"));
            return new Source(id, id, "", Source.HIGH);
        }
        Source s = sources.get(id);
        if (s == null) {
            problems.add(Problem.error(file, line.number(), "source '" + id + "' is not an id of sources.csv"
                    + Names.didYouMean(id, sources.keySet())));
            return new Source(id, id, "", Source.HIGH);
        }
        return s;
    }

    private LocalDate date(String file, Csv.Line line, String text, String column) {
        if (text.isEmpty()) {
            return null;
        }
        LocalDate cached = dates.get(text);
        if (cached != null) {
            return cached;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            dates.put(text, day);
            return day;
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(file, line.number(), "column " + column + ": '" + text + "' is not a date YYYY-MM-DD"));
            return null;
        }
    }

    private BigDecimal rate(String file, Csv.Line line, String text) {
        try {
            BigDecimal rate = new BigDecimal(text);
            if (rate.signum() < 0) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            problems.add(Problem.error(file, line.number(), "rate '" + text + "' is not a percentage such as 25 or 2.5"));
            return null;
        }
    }

    /**
     * The schedule's first edition must be in force from the first day the rules cover: before it no HTS number would be
     * known. (No schedule at all is a partial rule set of tests: every entry is then UNKNOWN_HTS.) An edition from a day
     * the rules do not cover yet is read by no entry: a warning, until {@code covers.to} moves.
     */
    void lintEditions(LocalDate coversFrom, LocalDate coversTo) {
        List<TableIndex.Edition> editions = index.editions();
        LocalDate first = editions.isEmpty() ? null : editions.get(0).from();
        if (first != null && coversFrom != null && first.isAfter(coversFrom)) {
            problems.add(Problem.error(tableFiles.get(TableIndex.MFN), 1, "the first edition of the schedule is in force"
                    + " from " + first + ", after covers.from=" + coversFrom + " (ruleset.properties): entries before it"
                    + " would have no schedule; import the edition in force then without --from"));
        }
        for (TableIndex.Edition e : editions) {
            if (e.from() != null && coversTo != null && !e.from().isBefore(coversTo)) {
                problems.add(Problem.warning(tableFiles.get(TableIndex.MFN), 1, "the edition of the schedule in force from "
                        + e.from() + " (" + e.source().citation() + ") is read by no entry: the rules cover entries before "
                        + coversTo + " (covers.to in ruleset.properties)"));
            }
        }
    }

    /** Names of the tables loaded, for checking that rules name only tables that exist. */
    Set<String> tableNames() {
        Set<String> names = new TreeSet<>(tableFiles.keySet());
        names.add(TableIndex.MFN_SPECIAL);
        names.add(TableIndex.COLUMN_2);
        return names;
    }

}
