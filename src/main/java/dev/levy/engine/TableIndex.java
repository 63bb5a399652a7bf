package dev.levy.engine;

import dev.levy.fact.Row;
import dev.levy.model.Shipment;
import dev.levy.scenario.Scenario;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.time.LocalDate;

/**
 * The reference tables of a rule set, indexed so that finding the rows that match a shipment costs a handful of hash
 * look-ups: one per HTS prefix length, one for the origin, plus the rows without a key. Immutable once built.
 */
public final class TableIndex {
    /** The table of MFN (column 1 General) rates; {@link #MFN_SPECIAL} holds the Special column's program rates. */
    public static final String MFN = "mfn";
    public static final String MFN_SPECIAL = "mfn_special";

    private final Map<String, List<TableRow>> byHtsPrefix = new HashMap<>();
    private final Map<String, List<TableRow>> byCountry = new HashMap<>();
    private final List<TableRow> unkeyed = new ArrayList<>();
    private final Map<String, ScheduleLine> schedule = new HashMap<>();
    private final Set<String> tableNames = new TreeSet<>();
    private final Map<String, Set<String>> tablePrograms = new java.util.TreeMap<>();

    /** One line of the MFN schedule: its general rate row and the Special column's rows by program indicator. */
    public record ScheduleLine(TableRow general, String generalText, Map<String, TableRow> special) {}

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
        return java.util.Collections.unmodifiableSet(tableNames);
    }

    void addUnkeyedRow(TableRow row) {
        unkeyed.add(row);
        noteProgram(row);
    }

    private void noteProgram(TableRow row) {
        if (row.program() != null) {
            tablePrograms.computeIfAbsent(row.table(), k -> new TreeSet<>()).add(row.program());
        }
    }

    /** The programs the rows of each exception table name (its {@code program} column), by table. */
    public Map<String, Set<String>> tablePrograms() {
        return java.util.Collections.unmodifiableMap(tablePrograms);
    }

    void addScheduleLine(String digits, ScheduleLine line) {
        schedule.put(digits, line);
    }

    boolean hasScheduleLine(String digits) {
        return schedule.containsKey(digits);
    }

    /** The schedule line of an HTS number: its 10-digit line if the schedule has one, else its 8-digit line. */
    public ScheduleLine scheduleLine(String htsDigits) {
        ScheduleLine line = htsDigits.length() == 10 ? schedule.get(htsDigits) : null;
        return line != null ? line : schedule.get(htsDigits.substring(0, 8));
    }

    /** The HTS numbers (digits) of the schedule lines with an ad valorem general rate, sorted. */
    public List<String> adValoremScheduleLines() {
        return schedule.entrySet().stream()
                .filter(e -> e.getValue().general().rate() != null && e.getValue().general().perUnit() == null)
                .map(Map.Entry::getKey).sorted().toList();
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
        ScheduleLine line = scheduleLine(s.getHtsDigits());
        if (line != null) {
            if (line.general().rate() != null) {
                rows.add(new Row(s, line.general()));
            }
            TableRow special = s.getSpi() == null ? null : line.special().get(s.getSpi());
            if (special != null) {
                rows.add(new Row(s, special));
            }
        }
        if (view.scenario() != null) {
            applyScenario(rows, s, view.scenario());
        }
        return rows;
    }

    /** A scenario's row changes for this shipment: the rows with the same table and key go, the scenario's rows come. */
    private static void applyScenario(List<Row> rows, Shipment s, Scenario scenario) {
        int i = 0;
        for (Scenario.RowChange c : scenario.rows()) {
            i++;
            if (!c.matches(s.getOrigin(), s.getHtsDigits(), s.getRegimeDate())) {
                continue;
            }
            rows.removeIf(r -> r.getTable().equals(c.table()) && Objects.equals(r.getKey(), c.key()));
            if (!c.remove()) {
                rows.add(new Row(s, new TableRow(c.table(), c.key(), c.rate(), c.heading(), c.from(), c.to(),
                        Source.ofScenario(scenario.name(), c.source()), "scenario " + scenario.name() + " rows[" + i + "]")));
            }
        }
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
     * day, an in-transit loading day): where its treatment may change.
     */
    public SortedSet<LocalDate> changeDates(Shipment s) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (List<TableRow> rows : candidates(s)) {
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

    private static void addInForce(List<Row> out, Shipment s, List<TableRow> candidates, LocalDate known) {
        if (candidates == null) {
            return;
        }
        for (TableRow r : candidates) {
            if (r.inForceOn(s.getRegimeDate()) && r.knownOn(known)) {
                out.add(new Row(s, r));
            }
        }
    }
}
