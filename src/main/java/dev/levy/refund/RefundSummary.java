package dev.levy.refund;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a refund report: duty as filed, assessed and owed (and under the what-if scenario, when there is one),
 * and the refunds by cause, overall and by program, by origin and by month of entry. Fed in input order on one thread;
 * keys sorted, so the report is the same at any thread count. Every total is the exact sum of the lines' amounts.
 */
@JsonPropertyOrder({"scenario", "views", "read", "evaluated", "rejected", "total", "byProgram", "byOrigin", "byMonth"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RefundSummary {

    /** Totals of one group: entry lines in it, their value, the duty in each view, and the refunds. */
    @JsonPropertyOrder({"lines", "value", "filed", "assessed", "owed", "refundCorrections", "refundRuling", "refund",
            "scenario", "refundUnderScenario"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Totals {
        private long lines;
        private BigDecimal value = zero();
        private BigDecimal filed = zero();
        private BigDecimal assessed = zero();
        private BigDecimal owed = zero();
        private BigDecimal scenario;

        void add(BigDecimal value, BigDecimal filed, BigDecimal assessed, BigDecimal owed, BigDecimal scenario) {
            lines++;
            this.value = this.value.add(value);
            this.filed = this.filed.add(filed);
            this.assessed = this.assessed.add(assessed);
            this.owed = this.owed.add(owed);
            if (scenario != null) {
                this.scenario = (this.scenario == null ? zero() : this.scenario).add(scenario);
            }
        }

        public long getLines() { return lines; }

        public BigDecimal getValue() { return value; }

        public BigDecimal getFiled() { return filed; }

        public BigDecimal getAssessed() { return assessed; }

        public BigDecimal getOwed() { return owed; }

        /** What the executive's retroactive corrections gave back: filed - assessed. */
        public BigDecimal getRefundCorrections() { return filed.subtract(assessed); }

        /** What the rulings give back: assessed - owed, the sum of the results' refundable. */
        public BigDecimal getRefundRuling() { return assessed.subtract(owed); }

        public BigDecimal getRefund() { return filed.subtract(owed); }

        public BigDecimal getScenario() { return scenario; }

        public BigDecimal getRefundUnderScenario() { return scenario == null ? null : filed.subtract(scenario); }
    }

    private final String scenario;
    private long read;
    private long rejected;
    private final Totals total = new Totals();
    private final Map<String, Totals> byProgram = new TreeMap<>();
    private final Map<String, Totals> byOrigin = new TreeMap<>();
    private final Map<String, Totals> byMonth = new TreeMap<>();

    /** @param scenario the name of the what-if scenario of the report, or null for none */
    public RefundSummary(String scenario) {
        this.scenario = scenario;
    }

    public void add(RefundLine line) {
        read++;
        if (line.error() != null) {
            rejected++;
            return;
        }
        total.add(line.value(), line.filed(), line.assessed(), line.owed(), line.scenario());
        byOrigin.computeIfAbsent(line.origin(), k -> new Totals())
                .add(line.value(), line.filed(), line.assessed(), line.owed(), line.scenario());
        byMonth.computeIfAbsent(line.entryDate().toString().substring(0, 7), k -> new Totals())
                .add(line.value(), line.filed(), line.assessed(), line.owed(), line.scenario());
        Map<String, BigDecimal[]> programs = new TreeMap<>();
        for (RefundLine.Instrument i : line.instruments()) {
            BigDecimal[] sum = programs.computeIfAbsent(i.program(), k -> new BigDecimal[] {zero(), zero(), zero(), null});
            sum[0] = sum[0].add(i.filed());
            sum[1] = sum[1].add(i.assessed());
            sum[2] = sum[2].add(i.owed());
            if (i.scenario() != null) {
                sum[3] = (sum[3] == null ? zero() : sum[3]).add(i.scenario());
            }
        }
        programs.forEach((p, sum) -> byProgram.computeIfAbsent(p, k -> new Totals())
                .add(line.value(), sum[0], sum[1], sum[2], sum[3]));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** The what-if scenario's name; absent without one. */
    public String getScenario() { return scenario; }

    /** Which law each amount column read, in words (the lines' {@code views} give each line's day). */
    public Map<String, String> getViews() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("filed", "the law as known at each line's entry (its regime date)");
        views.put("assessed", "the final schedule");
        views.put("owed", "the final schedule after the rulings: the measures held unlawful, with relief for every "
                + "importer, removed and the rest recomputed (rules/rulings.csv)");
        if (scenario != null) {
            views.put("scenario", "scenario " + scenario + ", on the final schedule");
        }
        return views;
    }

    public long getRead() { return read; }

    public long getEvaluated() { return read - rejected; }

    public long getRejected() { return rejected; }

    public Totals getTotal() { return total; }

    public Map<String, Totals> getByProgram() { return byProgram; }

    public Map<String, Totals> getByOrigin() { return byOrigin; }

    public Map<String, Totals> getByMonth() { return byMonth; }
}
