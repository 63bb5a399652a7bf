package dev.levy.refund;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.Levy;
import dev.levy.engine.RefundPaths;
import dev.levy.io.Input;
import dev.levy.io.Json;
import dev.levy.model.Entry;
import dev.levy.model.LawView;
import dev.levy.model.ShipmentError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The refunds of a stream of entry lines summed per entry (grouped by entry number, in order of first appearance) and
 * each entry's path ({@link RefundPaths}): what an importer files, in CAPE or otherwise. Holds per entry only its facts,
 * its line numbers and two sums, never the lines' results. Lines that cannot be put in a decided entry are reported too,
 * so that every input line is accounted for: an entry whose lines disagree on an entry fact is
 * {@value #INCONSISTENT}; an entry with a rejected line is {@value #INCOMPLETE} (its refund cannot be totalled); a line
 * without an entry number is {@value #NO_ENTRY_NUMBER}, one object per line.
 */
public final class CapeReport {
    public static final String INCONSISTENT = "INCONSISTENT_ENTRY";
    public static final String INCOMPLETE = "INCOMPLETE_ENTRY";
    public static final String NO_ENTRY_NUMBER = "NO_ENTRY_NUMBER";
    /** The parameter of {@code refunds/parameters.csv} that caps the entry numbers of one CAPE file. */
    public static final String PER_DECLARATION = "cape.entries.per.declaration";
    /** Said in every entry and on stderr: the rules hold no table of the quarterly interest rates of 19 U.S.C. 1505. */
    public static final String INTEREST = "not included: the rules hold no table of the quarterly rates of 19 U.S.C. 1505";

    /**
     * The views each line is evaluated under, in the order {@link CapeLine#of} reads them: as filed (the law as known at
     * entry), as assessed (the final schedule) and as owed (after the rulings).
     */
    public static final List<LawView> VIEWS = List.of(LawView.asKnownAtEntry(), LawView.FINAL,
            LawView.FINAL.withRulingsApplied());

    /** One entry of the report, as {@code entries.jsonl} writes it. */
    @JsonPropertyOrder({"entryNumber", "lines", "refundable", "otherRefund", "path", "reason", "citation", "deadline",
            "interest"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EntryResult(String entryNumber, List<Long> lines, BigDecimal refundable, BigDecimal otherRefund,
                              String path, String reason, String citation, LocalDate deadline, String interest) {}

    /** A rejected input line: its number, its entry number when it could be read, and the contract's error. */
    @JsonPropertyOrder({"line", "entryNumber", "error"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RejectedLine(long line, String entryNumber, ShipmentError error) {}

    /** What is kept of an entry while its lines come. */
    private static final class Sums {
        /** The facts of the entry's first evaluated line; null until there is one. */
        Entry facts;
        long firstLine;
        final List<Long> lines = new ArrayList<>();
        BigDecimal refundable = BigDecimal.ZERO.setScale(2);
        BigDecimal otherRefund = BigDecimal.ZERO.setScale(2);
        String disagreement;
        final List<String> rejected = new ArrayList<>();

    }

    /** The totals of one path: entries, lines and refunds. */
    @JsonPropertyOrder({"entries", "lines", "refundable", "otherRefund"})
    public static final class Totals {
        private long entries;
        private long lines;
        private BigDecimal refundable = BigDecimal.ZERO.setScale(2);
        private BigDecimal otherRefund = BigDecimal.ZERO.setScale(2);

        void add(EntryResult e) {
            entries++;
            lines += e.lines().size();
            refundable = refundable.add(e.refundable());
            otherRefund = otherRefund.add(e.otherRefund());
        }

        public long getEntries() { return entries; }

        public long getLines() { return lines; }

        public BigDecimal getRefundable() { return refundable; }

        public BigDecimal getOtherRefund() { return otherRefund; }
    }

    private final Map<String, Sums> entries = new LinkedHashMap<>();
    /** Lines outside any entry, in input order, as the report writes them. */
    private final List<EntryResult> loose = new ArrayList<>();
    private final List<RejectedLine> rejectedLines = new ArrayList<>();
    private long read;

    /**
     * The report of a stream of entry lines, each evaluated under {@link #VIEWS} on {@code threads} workers: what
     * {@code levy refunds --cape}, the service's {@code POST /v1/refunds} and the Spark adapter sum per entry.
     */
    public static CapeReport of(Levy levy, Iterator<? extends Input> inputs, int threads) {
        CapeReport report = new CapeReport();
        levy.fields(CapeLine.READS).evaluate(inputs, threads, VIEWS, (input, evaluations) -> CapeLine.of(input.parse(), evaluations),
                report::add);
        return report;
    }

    /** Adds a line, in input order. */
    public void add(CapeLine line) {
        read++;
        String number = line.entry() == null ? null : line.entry().number();
        if (line.error() != null) {
            rejectedLines.add(new RejectedLine(line.line(), number, line.error()));
        }
        if (number == null) {
            loose.add(new EntryResult(null, List.of(line.line()), zeroIfNull(line.refundable()),
                    zeroIfNull(line.otherRefund()), NO_ENTRY_NUMBER, line.error() != null ? "rejected: "
                    + describe(line) : "the line has no entryNumber: it is in no entry", null, null, INTEREST));
            return;
        }
        Sums sums = entries.computeIfAbsent(number, k -> new Sums());
        sums.lines.add(line.line());
        if (line.error() != null) {
            sums.rejected.add(describe(line));
            return;
        }
        if (sums.facts == null) {
            sums.facts = line.entry().facts();
            sums.firstLine = line.line();
        } else if (sums.disagreement == null && !sums.facts.equals(line.entry().facts())) {
            sums.disagreement = "line " + line.line() + " disagrees with line " + sums.firstLine + " on "
                    + differences(sums.facts, line.entry().facts());
        }
        sums.refundable = sums.refundable.add(line.refundable());
        sums.otherRefund = sums.otherRefund.add(line.otherRefund());
    }

    private static BigDecimal zeroIfNull(BigDecimal d) {
        return d == null ? BigDecimal.ZERO.setScale(2) : d;
    }

    private static String describe(CapeLine line) {
        return "line " + line.line() + " " + line.error().code() + (line.error().field() == null ? ""
                : " (" + line.error().field() + ")") + ": " + line.error().message();
    }

    /** The entry facts on which two lines differ, with each line's value. */
    private static String differences(Entry a, Entry b) {
        List<String> d = new ArrayList<>();
        differ(d, "entryType", a.type(), b.type());
        differ(d, "liquidationDate", a.liquidationDate(), b.liquidationDate());
        differ(d, "protestOpen", a.protestOpen(), b.protestOpen());
        differ(d, "reconciliation", a.reconciliation(), b.reconciliation());
        differ(d, "drawback", a.drawback(), b.drawback());
        differ(d, "adcvd", a.adcvd(), b.adcvd());
        return String.join(", ", d);
    }

    private static void differ(List<String> out, String field, Object a, Object b) {
        if (a == null ? b != null : !a.equals(b)) {
            out.add(field + " (" + b + " against " + a + ")");
        }
    }

    /** Lines read. */
    public long read() {
        return read;
    }

    /** Lines rejected (each in its entry's {@value #INCOMPLETE} or its own {@value #NO_ENTRY_NUMBER}). */
    public long rejected() {
        return rejectedLines.size();
    }

    /** The rejected lines, in input order (each also in its entry's reason or its own object). */
    public List<RejectedLine> rejectedLines() {
        return rejectedLines;
    }

    /** Every entry with its path on {@code asOf}, in order of first appearance, then the lines outside any entry. */
    public List<EntryResult> results(RefundPaths paths, LocalDate asOf) {
        List<EntryResult> out = new ArrayList<>(entries.size() + loose.size());
        entries.forEach((number, s) -> {
            List<Long> lines = List.copyOf(s.lines);
            if (s.disagreement != null) {
                out.add(new EntryResult(number, lines, s.refundable, s.otherRefund, INCONSISTENT, "the lines of the "
                        + "entry disagree on its facts: " + s.disagreement, null, null, INTEREST));
            } else if (!s.rejected.isEmpty()) {
                out.add(new EntryResult(number, lines, s.refundable, s.otherRefund, INCOMPLETE, "a line of the entry "
                        + "was rejected, so its refund cannot be totalled: " + String.join("; ", s.rejected), null, null,
                        INTEREST));
            } else {
                String kind = s.refundable.signum() > 0 ? "ieepa" : s.otherRefund.signum() > 0 ? "other" : "none";
                RefundPaths.Decision d = paths.decide(s.facts, kind, asOf);
                out.add(new EntryResult(number, lines, s.refundable, s.otherRefund, d.path(), d.reason(), d.citation(),
                        d.deadline(), INTEREST));
            }
        });
        out.addAll(loose);
        return out;
    }

    /**
     * Writes {@code dir/entries.jsonl} and the CAPE files {@code dir/cape-001.csv}, ... ({@link #capeFiles}), and returns
     * the totals per path, in path order.
     */
    public static Map<String, Totals> write(List<EntryResult> results, Path dir, int perFile) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("entries.jsonl"), StandardCharsets.UTF_8)) {
            for (EntryResult e : results) {
                w.write(Json.compact(e));
                w.write('\n');
            }
        }
        for (Map.Entry<String, String> file : capeFiles(results, perFile).entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return totals(results);
    }

    /** The entries, lines and refunds of each path, in path order. */
    public static Map<String, Totals> totals(List<EntryResult> results) {
        Map<String, Totals> totals = new TreeMap<>();
        for (EntryResult e : results) {
            totals.computeIfAbsent(e.path(), k -> new Totals()).add(e);
        }
        return totals;
    }

    /**
     * The CAPE files by name, in order: {@code cape-001.csv}, ..., each a header line {@code Entry Number}, then at most
     * {@code perFile} numbers of the {@code CAPE} entries, lines ended CRLF as ACE takes them.
     */
    public static Map<String, String> capeFiles(List<EntryResult> results, int perFile) {
        List<String> cape = new ArrayList<>();
        for (EntryResult e : results) {
            if (e.path().equals("CAPE")) {
                cape.add(e.entryNumber());
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (int file = 0; file * perFile < cape.size(); file++) {
            StringBuilder text = new StringBuilder("Entry Number\r\n");
            for (String number : cape.subList(file * perFile, Math.min(cape.size(), (file + 1) * perFile))) {
                text.append(number).append("\r\n");
            }
            files.put(capeFile(file + 1), text.toString());
        }
        return files;
    }

    /** How many entry numbers one CAPE file holds, from the rules' {@code refunds/parameters.csv}. */
    public static int perFile(RefundPaths paths) {
        Integer perFile = paths.days().get(PER_DECLARATION);
        if (perFile == null || perFile < 1) {
            throw new IllegalStateException("the rules' refunds/parameters.csv has no " + PER_DECLARATION);
        }
        return perFile;
    }

    /** The name of the n-th CAPE file (1-based). */
    public static String capeFile(int n) {
        return String.format("cape-%03d.csv", n);
    }
}
