package dev.levy.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bundled rules' tables as the build loaded, linted and indexed them ({@link BundledRules}), in a compact binary
 * form that a start reads instead of parsing the 42,000 rows of their CSV text: a table of the distinct strings, days,
 * amounts, sources and listed duty tables, then each row once (rows shared by several keys stay one object), each
 * schedule line once, and the index's maps in their order. The Special column keeps its text: its rows are made when a
 * shipment asks, as {@link TableLoader} makes them.
 *
 * <p>The form is exact, not a cache of answers: {@code BundledRulesTest} checks that the index read back gives the
 * rows, lines, classes and results of the index loaded from the text.
 */
final class BuiltTables {
    /** Changes whenever the layout below does (the build also rewrites the form when these classes change). */
    private static final int FORMAT = 1;

    private BuiltTables() {}

    /** The parameters whose value is one day for all time (no from, no to), by name: what {@code @known} may name. */
    static Map<String, LocalDate> parameterDays(TableIndex index) {
        Map<String, LocalDate> days = new TreeMap<>();
        for (TableRow r : index.unkeyed) {
            if (r.date() != null && r.from() == null && r.to() == null) {
                days.put(r.table(), r.date()); // parameters.csv is the only table whose rows have a day as value
            }
        }
        return days;
    }

    // ---------------------------------------------------------------------------------------------------- writing

    static byte[] write(TableIndex index) throws IOException {
        return new Writer().write(index);
    }

    private static final class Writer {
        private final Map<String, Integer> strings = new LinkedHashMap<>();
        private final Map<LocalDate, Integer> days = new LinkedHashMap<>();
        private final Map<BigDecimal, Integer> amounts = new LinkedHashMap<>(); // by equals: 2.5 and 2.50 stay apart
        private final Map<Source, Integer> sources = new LinkedHashMap<>();
        private final Map<DutyTable, Integer> duties = new IdentityHashMap<>();
        private final List<DutyTable> dutyList = new ArrayList<>();
        private final Map<TableRow, Integer> rows = new IdentityHashMap<>();
        private final List<TableRow> rowList = new ArrayList<>();
        private final Map<TableIndex.ScheduleLine, Integer> lines = new IdentityHashMap<>();
        private final List<TableIndex.ScheduleLine> lineList = new ArrayList<>();
        private final ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        private final DataOutputStream body = new DataOutputStream(bodyBytes);

        byte[] write(TableIndex index) throws IOException {
            // the body first (it numbers the strings, days, rows... as it meets them), then the tables it numbers
            collect(index);
            rowsList(index.unkeyed);
            rowMap(index.byHtsPrefix);
            rowMap(index.byCountry);
            count(index.editions.size());
            for (TableIndex.Edition e : index.editions.values()) {
                day(e.from());
                source(e.source());
                count(e.lines.size());
                for (Map.Entry<String, TableIndex.ScheduleLine> l : e.lines.entrySet()) {
                    string(l.getKey());
                    count(lines.get(l.getValue()));
                }
                stringListMap(e.tenDigitLines);
            }
            stringSet(index.tableNames);
            count(index.tablePrograms.size());
            index.tablePrograms.forEach((table, programs) -> {
                string(table);
                stringSet(programs);
            });
            count(index.exceptionRows.size());
            index.exceptionRows.forEach((table, byLine) -> {
                string(table);
                rowMap(byLine);
            });
            count(index.dutyTables.size());
            index.dutyTables.values().forEach(d -> count(duties.get(d)));
            stringSet(index.namedTables);
            count(index.lineClasses.byEdition().size());
            index.lineClasses.byEdition().forEach((day, classes) -> {
                day(day.equals(TableIndex.FIRST_EDITION) ? null : day);
                count(classes.size());
                classes.forEach((eight, groups) -> {
                    string(eight);
                    count(groups.size());
                    groups.forEach(this::stringList);
                });
            });
            body.flush();

            byte[] tables = tablesBytes(); // numbers the last strings: before the strings are written
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(all);
            out.writeInt(FORMAT);
            varint(out, strings.size());
            for (String s : strings.keySet()) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                varint(out, utf8.length);
                out.write(utf8);
            }
            varint(out, days.size());
            for (LocalDate d : days.keySet()) {
                int epochDay = Math.toIntExact(d.toEpochDay());
                varint(out, epochDay << 1 ^ epochDay >> 31); // zigzag: a day before 1970 is a small number too
            }
            varint(out, amounts.size());
            for (BigDecimal a : amounts.keySet()) {
                varint(out, strings.get(a.toString()));
            }
            varint(out, sources.size());
            for (Source s : sources.keySet()) {
                for (String field : new String[] {s.id(), s.citation(), s.link(), s.confidence()}) {
                    nullableString(out, field);
                }
            }
            out.write(tables);
            out.write(bodyBytes.toByteArray());
            out.flush();
            return all.toByteArray();
        }

        /** Numbers every duty table, row and schedule line, and the strings, days and amounts they hold. */
        private void collect(TableIndex index) {
            index.dutyTables.values().forEach(this::duty);
            index.unkeyed.forEach(this::row);
            index.byHtsPrefix.values().forEach(l -> l.forEach(this::row));
            index.byCountry.values().forEach(l -> l.forEach(this::row));
            index.exceptionRows.values().forEach(m -> m.values().forEach(l -> l.forEach(this::row)));
            for (TableIndex.Edition e : index.editions.values()) {
                for (TableIndex.ScheduleLine l : e.lines.values()) {
                    if (lines.putIfAbsent(l, lineList.size()) == null) {
                        lineList.add(l);
                        row(l.general());
                        row(l.column2());
                        stringId(l.generalText());
                        stringId(l.column2Text());
                        stringId(special(l).text);
                    }
                }
            }
        }

        private static TableLoader.SpecialRows special(TableIndex.ScheduleLine line) {
            if (line.special() instanceof TableLoader.SpecialRows s) {
                return s;
            }
            throw new IllegalStateException("a schedule line's Special column not as the loader makes it");
        }

        private void duty(DutyTable d) {
            if (d != null && duties.putIfAbsent(d, dutyList.size()) == null) {
                dutyList.add(d);
                d.origins().forEach(this::stringId);
                d.unless().forEach(this::stringId);
                for (String s : new String[] {d.table(), d.program(), d.basis(), d.declaration(), d.description()}) {
                    if (s != null) {
                        stringId(s);
                    }
                }
                sourceId(d.source());
            }
        }

        private void row(TableRow r) {
            if (rows.putIfAbsent(r, rowList.size()) == null) {
                rowList.add(r);
                duty(r.duty());
            }
        }

        /** The duty tables, rows and schedule lines, each by the ids of what it holds. */
        private byte[] tablesBytes() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            varint(out, dutyList.size());
            for (DutyTable d : dutyList) {
                nullableString(out, d.table());
                nullableString(out, d.program());
                nullableString(out, d.basis());
                set(out, d.origins());
                nullableString(out, d.declaration());
                out.writeBoolean(d.undeclaredReported());
                set(out, d.unless());
                nullableString(out, d.description());
                varint(out, sourceId(d.source()));
            }
            varint(out, rowList.size());
            for (TableRow r : rowList) {
                Object[] fields = {r.table(), r.key(), r.rate(), r.heading(), r.from(), r.to(), r.source(), r.location(),
                    r.perUnit(), r.unit(), r.known(), r.superseded(), r.program(), r.transport(), r.loadedBefore(),
                    r.date(), r.declaration(), r.list(), r.dutyHeading(), r.overrides().isEmpty() ? null : r.overrides(),
                    r.replaces(), r.subject(), r.duty()};
                int present = 0;
                for (int i = 0; i < fields.length; i++) {
                    present |= fields[i] == null ? 0 : 1 << i;
                }
                varint(out, present);
                for (Object f : fields) {
                    if (f instanceof String s) {
                        varint(out, stringId(s));
                    } else if (f instanceof BigDecimal a) {
                        varint(out, amountId(a));
                    } else if (f instanceof LocalDate d) {
                        varint(out, dayId(d));
                    } else if (f instanceof Source s) {
                        varint(out, sourceId(s));
                    } else if (f instanceof Set<?> overrides) {
                        @SuppressWarnings("unchecked") Set<String> names = (Set<String>) overrides;
                        set(out, names);
                    } else if (f instanceof TableRow.Subject s) {
                        nullableString(out, s.program());
                        nullableString(out, s.heading());
                        out.writeBoolean(s.atZero());
                    } else if (f instanceof DutyTable d) {
                        varint(out, duties.get(d));
                    } else if (f != null) {
                        throw new IllegalStateException("a row field of an unexpected type: " + f.getClass());
                    }
                }
            }
            varint(out, lineList.size());
            for (TableIndex.ScheduleLine l : lineList) {
                varint(out, rows.get(l.general()));
                varint(out, stringId(l.generalText()));
                varint(out, stringId(special(l).text));
                varint(out, rows.get(l.column2()));
                varint(out, stringId(l.column2Text()));
            }
            out.flush();
            return bytes.toByteArray();
        }

        private void set(DataOutputStream out, Set<String> values) throws IOException {
            varint(out, values.size());
            for (String v : new TreeSet<>(values)) {
                varint(out, stringId(v));
            }
        }

        private void nullableString(DataOutputStream out, String s) throws IOException {
            varint(out, s == null ? 0 : stringId(s) + 1);
        }

        private int stringId(String s) {
            Integer id = strings.get(s);
            if (id == null) {
                id = strings.size();
                strings.put(s, id);
            }
            return id;
        }

        private int dayId(LocalDate d) {
            return days.computeIfAbsent(d, k -> days.size());
        }

        private int amountId(BigDecimal a) {
            stringId(a.toString());
            return amounts.computeIfAbsent(a, k -> amounts.size());
        }

        private int sourceId(Source s) {
            Integer id = sources.get(s);
            if (id == null) {
                for (String field : new String[] {s.id(), s.citation(), s.link(), s.confidence()}) {
                    if (field != null) {
                        stringId(field);
                    }
                }
                id = sources.size();
                sources.put(s, id);
            }
            return id;
        }

        // the body's writers; the lambdas above cannot throw IOException, and a ByteArrayOutputStream never does
        private void count(int n) {
            try {
                varint(body, n);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void string(String s) {
            count(stringId(s));
        }

        private void day(LocalDate d) {
            count(d == null ? 0 : dayId(d) + 1);
        }

        private void source(Source s) {
            count(sourceId(s));
        }

        private void stringList(List<String> values) {
            count(values.size());
            values.forEach(this::string);
        }

        private void stringSet(Set<String> values) {
            stringList(new ArrayList<>(values));
        }

        private void stringListMap(Map<String, List<String>> map) {
            count(map.size());
            map.forEach((k, v) -> {
                string(k);
                stringList(v);
            });
        }

        private void rowsList(List<TableRow> list) {
            count(list.size());
            list.forEach(r -> count(rows.get(r)));
        }

        private void rowMap(Map<String, List<TableRow>> map) {
            count(map.size());
            map.forEach((k, v) -> {
                string(k);
                rowsList(v);
            });
        }
    }

    private static void varint(DataOutputStream out, int value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        while (value >= 0x80) {
            out.writeByte(value & 0x7f | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** The index the bytes of {@link #write} describe. Throws on bytes of another format or damaged ones. */
    static TableIndex read(byte[] bytes) {
        return new Reader(bytes).read();
    }

    private static final class Reader {
        private final byte[] in;
        private int at;
        private String[] strings;
        private LocalDate[] days;
        private BigDecimal[] amounts;
        private Source[] sources;
        private DutyTable[] duties;
        private TableRow[] rows;
        private TableIndex.ScheduleLine[] lines;

        Reader(byte[] in) {
            this.in = in;
        }

        TableIndex read() {
            int format = (in[0] & 0xff) << 24 | (in[1] & 0xff) << 16 | (in[2] & 0xff) << 8 | in[3] & 0xff;
            if (format != FORMAT) {
                throw new IllegalStateException("tables of another format: " + format);
            }
            at = 4;
            strings = new String[count()];
            for (int i = 0; i < strings.length; i++) {
                int length = count();
                strings[i] = new String(in, at, length, StandardCharsets.UTF_8);
                at += length;
            }
            days = new LocalDate[count()];
            for (int i = 0; i < days.length; i++) {
                int zigzag = count();
                days[i] = LocalDate.ofEpochDay(zigzag >>> 1 ^ -(zigzag & 1));
            }
            amounts = new BigDecimal[count()];
            for (int i = 0; i < amounts.length; i++) {
                amounts[i] = new BigDecimal(strings[count()]);
            }
            sources = new Source[count()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = new Source(nullableString(), nullableString(), nullableString(), nullableString());
            }
            duties = new DutyTable[count()];
            for (int i = 0; i < duties.length; i++) {
                duties[i] = new DutyTable(nullableString(), nullableString(), nullableString(), set(), nullableString(),
                        bool(), set(), nullableString(), sources[count()]);
            }
            rows = new TableRow[count()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = row();
            }
            lines = new TableIndex.ScheduleLine[count()];
            // the schedule repeats a few hundred Special column texts over its lines: each parsed once, as the loader does
            Map<String, Map<String, RateText>> specialColumns = new HashMap<>();
            for (int i = 0; i < lines.length; i++) {
                TableRow general = rows[count()];
                String generalText = string();
                String specialText = string();
                TableRow column2 = rows[count()];
                String column2Text = string();
                lines[i] = new TableIndex.ScheduleLine(general, generalText, new TableLoader.SpecialRows(specialText,
                        specialColumns.computeIfAbsent(specialText, TableLoader::specialRates), general.heading(),
                        general.from(), general.source(), general.location()), column2, column2Text);
            }

            TableIndex index = new TableIndex();
            index.unkeyed.addAll(rowList());
            rowMap(index.byHtsPrefix);
            rowMap(index.byCountry);
            for (int e = count(); e > 0; e--) {
                LocalDate from = day();
                TableIndex.Edition edition = new TableIndex.Edition(from, sources[count()]);
                for (int n = count(); n > 0; n--) {
                    edition.lines.put(string(), lines[count()]);
                }
                for (int n = count(); n > 0; n--) {
                    edition.tenDigitLines.put(string(), stringList());
                }
                index.editions.put(from == null ? TableIndex.FIRST_EDITION : from, edition);
            }
            index.tableNames.addAll(stringList());
            for (int n = count(); n > 0; n--) {
                index.tablePrograms.put(string(), new TreeSet<>(stringList()));
            }
            for (int n = count(); n > 0; n--) {
                String table = string();
                Map<String, List<TableRow>> byLine = new LinkedHashMap<>();
                rowMap(byLine);
                index.exceptionRows.put(table, byLine);
            }
            for (int n = count(); n > 0; n--) {
                DutyTable d = duties[count()];
                index.dutyTables.put(d.table(), d);
            }
            index.namedTables.addAll(stringList());
            NavigableMap<LocalDate, Map<String, List<List<String>>>> byEdition = new TreeMap<>();
            for (int e = count(); e > 0; e--) {
                LocalDate day = day();
                Map<String, List<List<String>>> classes = new HashMap<>();
                for (int n = count(); n > 0; n--) {
                    String eight = string();
                    List<List<String>> groups = new ArrayList<>();
                    for (int g = count(); g > 0; g--) {
                        groups.add(List.copyOf(stringList()));
                    }
                    classes.put(eight, List.copyOf(groups));
                }
                byEdition.put(day == null ? TableIndex.FIRST_EDITION : day, Map.copyOf(classes));
            }
            index.lineClasses = new TableIndex.LineClasses(Collections.unmodifiableNavigableMap(byEdition));
            if (at != in.length) {
                throw new IllegalStateException("tables: " + (in.length - at) + " bytes left over");
            }
            return index;
        }

        private TableRow row() {
            int present = count();
            return new TableRow(
                    (present & 1) == 0 ? null : string(),
                    (present & 1 << 1) == 0 ? null : string(),
                    (present & 1 << 2) == 0 ? null : amounts[count()],
                    (present & 1 << 3) == 0 ? null : string(),
                    (present & 1 << 4) == 0 ? null : days[count()],
                    (present & 1 << 5) == 0 ? null : days[count()],
                    (present & 1 << 6) == 0 ? null : sources[count()],
                    (present & 1 << 7) == 0 ? null : string(),
                    (present & 1 << 8) == 0 ? null : amounts[count()],
                    (present & 1 << 9) == 0 ? null : string(),
                    (present & 1 << 10) == 0 ? null : days[count()],
                    (present & 1 << 11) == 0 ? null : days[count()],
                    (present & 1 << 12) == 0 ? null : string(),
                    (present & 1 << 13) == 0 ? null : string(),
                    (present & 1 << 14) == 0 ? null : days[count()],
                    (present & 1 << 15) == 0 ? null : days[count()],
                    (present & 1 << 16) == 0 ? null : string(),
                    (present & 1 << 17) == 0 ? null : string(),
                    (present & 1 << 18) == 0 ? null : string(),
                    (present & 1 << 19) == 0 ? Set.of() : set(),
                    (present & 1 << 20) == 0 ? null : string(),
                    (present & 1 << 21) == 0 ? null : new TableRow.Subject(nullableString(), nullableString(), bool()),
                    (present & 1 << 22) == 0 ? null : duties[count()]);
        }

        private int count() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = in[at++];
                value |= (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        private boolean bool() {
            return in[at++] != 0;
        }

        private String string() {
            return strings[count()];
        }

        private String nullableString() {
            int id = count();
            return id == 0 ? null : strings[id - 1];
        }

        private LocalDate day() {
            int id = count();
            return id == 0 ? null : days[id - 1];
        }

        private Set<String> set() {
            int n = count();
            if (n == 0) {
                return Set.of();
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = string();
            }
            return Set.of(values);
        }

        private List<String> stringList() {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        private List<TableRow> rowList() {
            int n = count();
            List<TableRow> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(rows[count()]);
            }
            return out;
        }

        private void rowMap(Map<String, List<TableRow>> into) {
            for (int n = count(); n > 0; n--) {
                into.put(string(), rowList());
            }
        }
    }
}
