package dev.levy.io;

import dev.levy.engine.RateText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the USITC HTSUS export (columns HTS Number, Indent, Description, Unit of Quantity, General Rate of Duty, Special
 * Rate of Duty, Column 2 Rate of Duty, ...) into the rows of a rules folder's schedule ({@code hts,description,
 * general,special,column2,source}): column 1 (General and Special) and column 2. Rates are kept as the USITC prints
 * them; the schedule loader parses them.
 *
 * <p>An 8-digit line carries the rate of its 10-digit statistical lines: each of them is imported too, with that rate, so
 * that the schedule knows every 10-digit line (a 10-digit number it lacks is refused, and the ambiguity check of an
 * 8-digit number compares its 10-digit lines). Where the export puts the rate on the 10-digit lines instead (an 8-digit
 * line with a single .00 suffix, or lines with different rates), those lines are imported with their own rates, and an
 * 8-digit row is added when all of them share one rate, so that an 8-digit entry resolves too.
 * Chapter 99 is not imported: its additional duties are the rules' business.
 */
public final class HtsImporter {

    /** One schedule row. */
    public record Line(String hts, String description, String general, String special, String column2) {}

    /**
     * What an import did: the rows, and counts that reconcile: {@code read = imported + skipped}; of the imported,
     * {@code inherited} are 10-digit lines with their 8-digit line's rate; {@code derived} 8-digit rows come on top, made
     * from 10-digit lines that share one rate. {@code rates} counts the rows by kind of general rate, {@code column2Rates}
     * by kind of column 2 rate.
     */
    public record Report(List<Line> lines, int read, int imported, int inherited, int derived, Map<String, Integer> rates,
                         Map<String, Integer> column2Rates, Map<String, Integer> skipped) {
        public String summary() {
            StringBuilder out = new StringBuilder("read " + read + " lines: imported " + imported + " (" + inherited
                    + " 10-digit lines with their 8-digit line's rate), skipped "
                    + skipped.values().stream().mapToInt(Integer::intValue).sum());
            skipped.forEach((why, n) -> out.append("\n  skipped ").append(n).append(" ").append(why));
            out.append("\nadded ").append(derived).append(" 8-digit rows from 10-digit lines that share one rate");
            out.append("\nwrote ").append(lines.size()).append(" rows: ");
            out.append(String.join(", ", rates.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
            out.append("\ncolumn 2 rates: ");
            out.append(String.join(", ", column2Rates.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
            return out.toString();
        }
    }

    private HtsImporter() {}

    public static Report importCsv(String text) {
        List<Csv.Line> records = Csv.parse(text);
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(), i);
        }
        int hts = column(columns, "hts number");
        int description = column(columns, "description");
        int general = column(columns, "general rate of duty");
        int special = column(columns, "special rate of duty");
        int column2 = column(columns, "column 2 rate of duty");
        Map<String, Line> rows = new TreeMap<>();
        Map<String, List<Line>> statisticalByParent = new TreeMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, Line> eightDigitWithRate = new TreeMap<>();
        int inherited = 0;
        for (Csv.Line r : records.subList(1, records.size())) {
            String digits = r.get(hts).replace(".", "");
            Line line = new Line(dotted(digits), r.get(description).replaceAll("\\s+", " "), r.get(general), r.get(special),
                    r.get(column2));
            if (digits.isEmpty()) {
                count(skipped, "description lines without an HTS number");
            } else if (digits.startsWith("99")) {
                count(skipped, "chapter 99 lines (additional duties belong to the rules)");
            } else if (digits.length() != 8 && digits.length() != 10) {
                count(skipped, "headings and subheadings of 4 or 6 digits (no rate of their own)");
            } else if (line.general().isEmpty() && digits.length() == 10 && eightDigitWithRate.containsKey(digits.substring(0, 8))) {
                Line parent = eightDigitWithRate.get(digits.substring(0, 8));
                rows.put(digits, new Line(line.hts(), line.description(), parent.general(), parent.special(), parent.column2()));
                inherited++;
            } else if (line.general().isEmpty()) {
                count(skipped, digits.length() == 10 ? "10-digit lines without a rate, under an 8-digit line without one"
                        : "8-digit lines without a rate of their own (their 10-digit lines carry it)");
            } else {
                rows.put(digits, line);
                if (digits.length() == 8) {
                    eightDigitWithRate.put(digits, line);
                } else {
                    statisticalByParent.computeIfAbsent(digits.substring(0, 8), k -> new ArrayList<>()).add(line);
                }
            }
        }
        int imported = rows.size();
        addParentsSharingOneRate(rows, statisticalByParent);
        List<Line> lines = new ArrayList<>(rows.values());
        Map<String, Integer> rates = new TreeMap<>();
        Map<String, Integer> column2Rates = new TreeMap<>();
        for (Line l : lines) {
            count(rates, kind(l.general()));
            count(column2Rates, kind(l.column2()));
        }
        return new Report(lines, records.size() - 1, imported, inherited, rows.size() - imported, rates, column2Rates,
                skipped);
    }

    private static String kind(String rate) {
        return RateText.parse(rate).map(x -> x.isSpecific() ? "specific or compound" : "ad valorem or free")
                .orElse("with a rate Levy cannot compute (UNSUPPORTED_RATE at evaluation)");
    }

    /** No 8-digit row where the lines' rates differ: an 8-digit entry of it is refused as AMBIGUOUS_HTS. */
    private static void addParentsSharingOneRate(Map<String, Line> rows, Map<String, List<Line>> children) {
        for (Map.Entry<String, List<Line>> e : children.entrySet()) {
            String parent = e.getKey();
            if (rows.containsKey(parent)) {
                continue;
            }
            List<Line> kids = e.getValue();
            Line first = kids.get(0);
            boolean oneRate = kids.stream().allMatch(k -> k.general().equals(first.general())
                    && k.special().equals(first.special()) && k.column2().equals(first.column2()));
            if (oneRate) {
                rows.put(parent, new Line(dotted(parent), first.description(), first.general(), first.special(),
                        first.column2()));
            }
        }
    }

    private static int column(Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            throw new IllegalArgumentException("not a USITC HTSUS export: no column '" + name + "' in the header");
        }
        return i;
    }

    private static void count(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static String dotted(String digits) {
        if (digits.length() < 8) {
            return digits;
        }
        String d = digits.substring(0, 4) + "." + digits.substring(4, 6) + "." + digits.substring(6, 8);
        return digits.length() == 10 ? d + "." + digits.substring(8) : d;
    }

    /**
     * The schedule file of the edition in force from the start: a comment header, then one CSV row per line, each
     * citing {@code sourceId}.
     */
    public static String render(Report report, String sourceId, String citation) {
        return render(report, sourceId, citation, null);
    }

    /**
     * The schedule file of an edition in force for entries from 12:01 a.m. on {@code from} until a later edition's day
     * (null: the edition in force from the start, whose rows have no {@code from} column): a comment header, then one
     * CSV row per line, each citing {@code sourceId} and, with a day, carrying it.
     */
    public static String render(Report report, String sourceId, String citation, LocalDate from) {
        StringBuilder out = new StringBuilder();
        out.append("# The schedule: HTSUS column 1 rates (General, and Special by program indicator) and column 2 rates,\n")
                .append("# imported by `levy import-hts` from ").append(citation.replace("\n", " "));
        if (from == null) {
            out.append(". An HTS number not in this table is refused as UNKNOWN_HTS.\n");
        } else {
            out.append(",\n# in force for entries from 12:01 a.m. on ").append(from).append(" until a later edition's day:"
                    + " an HTS number not in this table is refused as UNKNOWN_HTS on those dates.\n");
        }
        out.append("# ").append(report.summary().replace("\n", "\n# ")).append("\n")
                .append(from == null ? "hts,description,general,special,column2,source\n"
                        : "hts,description,general,special,column2,from,source\n");
        String dated = from == null ? "" : from + ",";
        for (Line l : report.lines()) {
            out.append(l.hts()).append(',').append(quote(l.description())).append(',').append(quote(l.general()))
                    .append(',').append(quote(l.special())).append(',').append(quote(l.column2())).append(',')
                    .append(dated).append(quote(sourceId)).append('\n');
        }
        return out.toString();
    }

    /**
     * Where an edition's schedule goes in a rules folder: {@code mfn/schedule.csv} for the edition in force from the
     * start, {@code mfn/schedule_DATE.csv} for one in force from {@code from}. A re-import of the same day replaces it.
     */
    public static String schedulePath(LocalDate from) {
        return from == null ? "mfn/schedule.csv" : "mfn/schedule_" + from + ".csv";
    }

    /**
     * The text of {@code sources.csv} with the import's source. A row of that id keeps its place, its link and its
     * confidence, and takes the citation; a new id is added at the end, of high confidence (the schedule is primary
     * text), with the header if the file is new.
     */
    public static String withSource(String sourcesCsv, String id, String citation) {
        String cited = quote(citation.replace("\n", " "));
        StringBuilder out = new StringBuilder(sourcesCsv.isEmpty() ? "id,citation,link,confidence\n" : "");
        boolean replaced = false;
        for (String line : sourcesCsv.lines().toList()) {
            List<String> fields = line.isBlank() || line.startsWith("#") ? List.of() : Csv.parse(line).get(0).fields();
            if (!fields.isEmpty() && fields.get(0).equals(id)) {
                out.append(quote(id)).append(',').append(cited).append(',')
                        .append(quote(fields.size() > 2 ? fields.get(2) : "")).append(',')
                        .append(fields.size() > 3 && !fields.get(3).isEmpty() ? fields.get(3) : "high").append('\n');
                replaced = true;
            } else {
                out.append(line).append('\n');
            }
        }
        return replaced ? out.toString() : out.append(quote(id)).append(',').append(cited).append(",,high\n").toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.startsWith("#") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
