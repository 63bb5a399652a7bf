package dev.levy.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.model.Evaluation;
import dev.levy.model.Fields;
import dev.levy.model.Measure;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.View;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The importer's report of a batch: counts, and exact totals of value and duty by program, by origin and by month of
 * entry, and the {@code view} of the results when they read other law than the final schedule (a batch reads one law).
 * {@code mediumConfidence} sets apart the duty that rests on sources of medium confidence: the shipments with a measure
 * that does, their value, and the sum of those measures' amounts (the duty an analyst's confirmation could change).
 * Fed in input order on one thread; keys sorted, so the report is the same at any thread count.
 */
@JsonPropertyOrder({"view", "read", "evaluated", "rejected", "totalValue", "totalDuty", "totalRefundable",
        "mediumConfidence", "byProgram",
        "byOrigin", "byMonth"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Summary {

    /**
     * Totals of one group: shipments in it, their value, the duty (of the group's program, for byProgram) and, by origin
     * and by month, the refundable part of it. A program has no refundable of its own: removing a measure held unlawful
     * can give back another program's line (an all-in's Chapter 1-97 line), so refunds are totalled by entry.
     */
    @JsonPropertyOrder({"shipments", "value", "duty", "refundable"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Totals {
        private long shipments;
        private BigDecimal value = BigDecimal.ZERO.setScale(2);
        private BigDecimal duty = BigDecimal.ZERO.setScale(2);
        private BigDecimal refundable;

        /** Adds a shipment; {@code refundable} null for a program's group. */
        void add(BigDecimal value, BigDecimal duty, BigDecimal refundable) {
            this.shipments++;
            this.value = this.value.add(value);
            this.duty = this.duty.add(duty);
            if (refundable != null) {
                this.refundable = (this.refundable == null ? BigDecimal.ZERO.setScale(2) : this.refundable).add(refundable);
            }
        }

        public long getShipments() { return shipments; }

        public BigDecimal getValue() { return value; }

        public BigDecimal getDuty() { return duty; }

        public BigDecimal getRefundable() { return refundable; }
    }

    private View view;
    /** The fields of a result the totals read: an output profile that leaves one out still computes it for them. */
    public static final Fields READS = Fields.of("origin,entryDate,value,view,measures,totalDuty,refundable");

    private long read;
    private long rejected;
    private final Totals all = new Totals();
    private final Totals medium = new Totals();
    private final Map<String, Totals> byProgram = new TreeMap<>();
    private final Map<String, Totals> byOrigin = new TreeMap<>();
    private final Map<String, Totals> byMonth = new TreeMap<>();

    public void add(Evaluation e) {
        read++;
        if (e instanceof Rejection) {
            rejected++;
            return;
        }
        Result r = (Result) e;
        view = r.view();
        all.add(r.value(), r.totalDuty(), r.refundable());
        byOrigin.computeIfAbsent(r.origin(), k -> new Totals()).add(r.value(), r.totalDuty(), r.refundable());
        byMonth.computeIfAbsent(r.entryDate().toString().substring(0, 7), k -> new Totals())
                .add(r.value(), r.totalDuty(), r.refundable());
        Map<String, BigDecimal> dutyByProgram = new TreeMap<>();
        BigDecimal mediumDuty = null;
        for (Measure m : r.measures()) {
            dutyByProgram.merge(m.program(), m.amount(), BigDecimal::add);
            if (m.confidence() != null) {
                mediumDuty = (mediumDuty == null ? BigDecimal.ZERO : mediumDuty).add(m.amount());
            }
        }
        if (mediumDuty != null) {
            medium.add(r.value(), mediumDuty, null);
        }
        dutyByProgram.forEach((program, duty) ->
                byProgram.computeIfAbsent(program, k -> new Totals()).add(r.value(), duty, null));
    }

    /** Which law the totals read; null (absent) for the final schedule. */
    public View getView() { return view; }

    public long getRead() { return read; }

    public long getEvaluated() { return read - rejected; }

    public long getRejected() { return rejected; }

    public BigDecimal getTotalValue() { return all.value; }

    public BigDecimal getTotalDuty() { return all.duty; }

    /** The sum of the results' {@code refundable}. */
    public BigDecimal getTotalRefundable() { return all.refundable == null ? BigDecimal.ZERO.setScale(2) : all.refundable; }

    /**
     * The results with a measure that rests on a source of medium confidence: how many, their value, and the duty of
     * those measures alone.
     */
    public Totals getMediumConfidence() { return medium; }

    public Map<String, Totals> getByProgram() { return byProgram; }

    public Map<String, Totals> getByOrigin() { return byOrigin; }

    public Map<String, Totals> getByMonth() { return byMonth; }
}
