package dev.levy.refund;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The refund report as CSV for a spreadsheet: one row per entry line and instrument (program and Chapter 99 heading)
 * with a duty in any view, so that a pivot by line, program, heading, origin or month gives the report's totals. Amounts
 * in USD with two decimals; text cells quoted when they hold a comma, a quote or a line break. {@code invalidated} is
 * the holding that the instrument is unlawful, if any. The last two columns say which law the amounts read, as the JSON
 * line's {@code views}: {@code filed_as_known}, the day whose published law {@code filed} read, and {@code scenario_name},
 * the what-if of {@code scenario} (both scenario columns empty without one); {@code assessed} is the final schedule and
 * {@code owed} the final schedule after the rulings.
 */
public final class RefundCsv {
    static final List<String> HEADER = List.of("line", "id", "entry_date", "month", "origin", "hts", "value", "program",
            "heading", "filed", "assessed", "owed", "refund_corrections", "refund_ruling", "refund", "scenario",
            "refund_under_scenario", "citation", "invalidated", "filed_as_known", "scenario_name");

    private final Writer out;

    public RefundCsv(Writer out) {
        this.out = out;
        write(HEADER);
    }

    /** The rows of one entry line; a rejected line has none (it is counted in the summary). */
    public void add(RefundLine line) {
        if (line.error() != null) {
            return;
        }
        for (RefundLine.Instrument i : line.instruments()) {
            write(List.of(Long.toString(line.line()), text(line.id()), line.entryDate().toString(),
                    line.entryDate().toString().substring(0, 7), line.origin(), line.hts(), money(line.value()),
                    i.program(), i.heading(), money(i.filed()), money(i.assessed()), money(i.owed()),
                    money(i.getRefundCorrections()), money(i.getRefundRuling()), money(i.getRefund()),
                    money(i.scenario()), money(i.scenario() == null ? null : i.filed().subtract(i.scenario())),
                    text(i.citation()), text(i.invalidated()), line.views().filed().asKnown().toString(),
                    line.views().scenario() == null ? "" : line.views().scenario().scenario()));
        }
    }

    /** An amount with two decimals; empty when there is none (no what-if scenario). */
    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2).toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private void write(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        b.append("\r\n");
        try {
            out.write(b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as RFC 4180 wants it; a leading = + - @ is prefixed with ' so that a spreadsheet never runs it as a formula. */
    static String quote(String cell) {
        String c = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")
                ? "'" + cell : cell;
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            return "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}
