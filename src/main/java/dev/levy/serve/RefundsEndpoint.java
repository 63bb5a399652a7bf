package dev.levy.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.Levy;
import dev.levy.io.Input;
import dev.levy.io.Inputs;
import dev.levy.io.Json;
import dev.levy.io.ShipmentReader;
import dev.levy.refund.CapeReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code POST /v1/refunds[?asOf=YYYY-MM-DD][&format=json|cape][&file=N]}: entry lines in the body, as {@code levy
 * refunds --cape} reads them (JSON Lines, a JSON array or object, or CSV with a header line, told apart by the body),
 * summed per entry with each entry's path on {@code asOf} (default: today in US Eastern time, CBP's day).
 * <ul>
 *   <li>{@code format=json} (the default): the per-entry objects (the lines of {@code entries.jsonl}), the totals per
 *   path, the rejected lines with their errors, and the CAPE files' names and sizes;</li>
 *   <li>{@code format=cape}: a zip of what {@code levy refunds --cape DIR} writes in DIR ({@code entries.jsonl},
 *   {@code cape-001.csv}, ...); with {@code file=N}, only the CSV of the N-th CAPE file.</li>
 * </ul>
 * Rejected lines never stop the others: the answer is 200 and every line is in exactly one entry object. The body is
 * held to the size limit and the lines to the shipment limit of {@code POST /v1/evaluate}.
 */
final class RefundsEndpoint implements Endpoint {
    static final String AS_OF = "asOf";
    static final String FORMAT = "format";
    static final String FILE = "file";
    private static final Set<String> NAMES = Set.of(AS_OF, FORMAT, FILE);
    /** The day of CBP's deadlines when none is given. */
    private static final ZoneId CBP_DAY = ZoneId.of("America/New_York");
    private static final String ZIP = "application/zip";
    private static final String CSV = "text/csv; charset=utf-8";

    /** The JSON answer. */
    @JsonPropertyOrder({"asOf", "read", "rejected", "totals", "entries", "rejectedLines", "capeFiles", "interest"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(LocalDate asOf, long read, long rejected, Map<String, CapeReport.Totals> totals,
                  List<CapeReport.EntryResult> entries, List<CapeReport.RejectedLine> rejectedLines,
                  List<CapeFile> capeFiles, String interest) {}

    /** One CAPE file: its name, its number for {@code file=N}, and how many entry numbers it holds. */
    @JsonPropertyOrder({"name", "file", "entries"})
    record CapeFile(String name, int file, int entries) {}

    private final Levy levy;
    private final Limits limits;
    private final Gate gate;

    RefundsEndpoint(Levy levy, Limits limits, Gate gate) {
        this.levy = levy;
        this.limits = limits;
        this.gate = gate;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Map<String, List<String>> query = exchange.query();
        ViewParameters.refuseUnknown(query, NAMES, "each entry line");
        LocalDate asOf = asOf(ViewParameters.single(query, AS_OF));
        String format = ViewParameters.single(query, FORMAT);
        if (format == null) {
            format = "json";
        }
        if (!format.equals("json") && !format.equals("cape")) {
            throw HttpFailure.of(400, "INVALID_PARAMETER", FORMAT, "format must be json or cape, found '"
                    + ShipmentReader.clip(format) + "'");
        }
        String fileText = ViewParameters.single(query, FILE);
        if (fileText != null && !format.equals("cape")) {
            throw HttpFailure.of(400, "INVALID_PARAMETER", FILE, "file=N chooses a CAPE file: give it with format=cape");
        }
        String fileName = fileText == null ? null : CapeReport.capeFile(fileNumber(fileText));
        int perFile = CapeReport.perFile(levy.ruleSet().refundPaths());
        List<Input> inputs = inputs(exchange.body(limits.maxBodyBytes()));
        CapeReport report = gate.run(() -> CapeReport.of(levy, inputs.iterator(), 1));
        List<CapeReport.EntryResult> results = report.results(levy.ruleSet().refundPaths(), asOf);
        Map<String, String> files = CapeReport.capeFiles(results, perFile);
        if (format.equals("json")) {
            List<CapeFile> listed = new ArrayList<>();
            files.forEach((name, text) -> listed.add(new CapeFile(name, listed.size() + 1,
                    (int) text.lines().count() - 1)));
            exchange.sendJson(200, Json.pretty(new Report(asOf, report.read(), report.rejected(),
                    CapeReport.totals(results), results, report.rejectedLines(), listed, CapeReport.INTEREST)));
        } else if (fileName != null) {
            String text = files.get(fileName);
            if (text == null) {
                throw HttpFailure.of(404, "NOT_FOUND", FILE, "there is no CAPE file " + fileName + ": the entries as of "
                        + asOf + " fill " + files.size() + " file(s)");
            }
            exchange.send(200, CSV, text.getBytes(StandardCharsets.UTF_8), Map.of("Content-Disposition",
                    "attachment; filename=\"" + fileName + "\""));
        } else {
            exchange.send(200, ZIP, zip(results, files, asOf), Map.of("Content-Disposition",
                    "attachment; filename=\"cape-" + asOf + ".zip\""));
        }
    }

    /** The body's entry lines, read as {@code levy refunds} reads a file: JSON, or CSV when its first line is a header. */
    private List<Input> inputs(byte[] body) throws IOException {
        try {
            return read(body, Inputs.Format.JSON);
        } catch (Inputs.LooksLikeCsv e) {
            return read(body, Inputs.Format.CSV);
        }
    }

    private List<Input> read(byte[] body, Inputs.Format format) throws IOException {
        List<Input> out = new ArrayList<>();
        try (Inputs in = Inputs.open(new InputStreamReader(new ByteArrayInputStream(body),
                StandardCharsets.UTF_8), format)) {
            while (in.hasNext()) {
                if (out.size() == limits.maxShipments()) {
                    throw HttpFailure.of(413, "TOO_MANY_SHIPMENTS", null, "more than " + limits.maxShipments()
                            + " entry lines in one request: split them, or use levy refunds --cape for a batch");
                }
                out.add(in.next());
            }
        }
        return out;
    }

    /** The folder {@code levy refunds --cape} writes, zipped; each file dated the as-of day, so the bytes repeat. */
    private static byte[] zip(List<CapeReport.EntryResult> results, Map<String, String> files, LocalDate asOf)
            throws IOException {
        StringBuilder entries = new StringBuilder();
        for (CapeReport.EntryResult e : results) {
            entries.append(Json.compact(e)).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "entries.jsonl", entries.toString(), asOf);
            for (Map.Entry<String, String> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue(), asOf);
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text, LocalDate asOf) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(asOf.atStartOfDay());
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static LocalDate asOf(String text) {
        if (text == null) {
            return LocalDate.now(CBP_DAY);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw HttpFailure.of(400, "INVALID_DATE", AS_OF, AS_OF + " must be a date YYYY-MM-DD, found '"
                    + ShipmentReader.clip(text) + "'");
        }
    }

    private static int fileNumber(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpFailure.of(400, "INVALID_PARAMETER", FILE, "file must be a CAPE file's number, 1 or more, found '"
                + ShipmentReader.clip(text) + "'");
    }
}
