package dev.levy.refund;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.model.Evaluation;
import dev.levy.model.Fields;
import dev.levy.model.Measure;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.ShipmentError;
import dev.levy.model.View;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry line of a refund report: its duty as filed (the law as known at entry), as assessed (the schedule as
 * finally amended, every retroactive correction applied), as owed (assessed, with the measures a court has held unlawful
 * removed and the rest recomputed: the result's {@code refundable} taken off), and optionally under a what-if scenario;
 * the refund split by cause; the differences by program and Chapter 99 heading; and the {@code views}: which law each
 * amount read. Amounts are signed: a positive refund is duty overpaid, a negative one more duty owed. Rejected inputs
 * carry their error.
 *
 * @param refundCorrections {@code filed - assessed}: what the executive's retroactive corrections (Japan's all-in, the EU
 *                          and Korea auto deals, EO 14289's stacking order) gave back
 * @param refundRuling      {@code assessed - owed}: what the rulings give back, the assessed result's {@code refundable}
 * @param refund            {@code filed - owed} = {@code refundCorrections + refundRuling}
 * @param scenario          the duty under the what-if scenario, when one was asked for; else absent
 */
@JsonPropertyOrder({"line", "id", "hts", "origin", "entryDate", "value", "views", "filed", "assessed", "owed",
        "refundCorrections", "refundRuling", "refund", "scenario", "refundUnderScenario", "differences", "error"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundLine(long line, String id, String hts, String origin, LocalDate entryDate, BigDecimal value,
                         Views views, BigDecimal filed, BigDecimal assessed, BigDecimal owed, BigDecimal scenario,
                         @JsonIgnore List<Instrument> instruments, ShipmentError error) {

    /**
     * The law each amount column read, as the results' {@code view}: {@code filed} the law as known on the line's regime
     * date; {@code assessed} the final schedule, so none (absent); {@code owed} the final schedule after the rulings
     * ({@code {"afterRulings": true}}); {@code scenario} the what-if, when asked for.
     */
    @JsonPropertyOrder({"filed", "assessed", "owed", "scenario"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Views(View filed, View assessed, View owed, View scenario) {}

    /**
     * The duty of one program under one heading (instrument) in each view ({@code scenario} null without a what-if);
     * {@code changed} instruments only are listed in JSON, all of them in the CSV. {@code invalidated} is the citation of
     * the holding when a court has held the instrument unlawful.
     */
    @JsonPropertyOrder({"program", "heading", "citation", "invalidated", "filed", "assessed", "owed", "scenario",
            "refundCorrections", "refundRuling", "refund"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Instrument(String program, String heading, String citation, String invalidated, BigDecimal filed,
                             BigDecimal assessed, BigDecimal owed, BigDecimal scenario) {
        public BigDecimal getRefundCorrections() {
            return filed.subtract(assessed);
        }

        public BigDecimal getRefundRuling() {
            return assessed.subtract(owed);
        }

        public BigDecimal getRefund() {
            return filed.subtract(owed);
        }

        boolean changed() {
            return filed.compareTo(assessed) != 0 || assessed.compareTo(owed) != 0
                    || (scenario != null && filed.compareTo(scenario) != 0);
        }
    }

    /** The fields of a result a line reads: its evaluations compute no more (no trace, no refundable). */
    public static final Fields READS = Fields.of("id,hts,origin,entryDate,value,view,measures,totalDuty");

    /**
     * The line from its evaluations: as filed, as assessed, as owed after the rulings, and under the what-if scenario
     * when there is a fourth.
     */
    public static RefundLine of(long line, List<Evaluation> views) {
        for (Evaluation e : views) {
            if (e instanceof Rejection r) {
                return new RefundLine(line, r.id(), null, null, null, null, null, null, null, null, null, null, r.error());
            }
        }
        List<Result> results = views.stream().map(Result.class::cast).toList();
        Result filed = results.get(0);
        Result assessed = results.get(1);
        Result owed = results.get(2);
        Result scenario = results.size() > 3 ? results.get(3) : null;
        return new RefundLine(line, filed.id(), filed.hts(), filed.origin(), filed.entryDate(), filed.value(),
                new Views(filed.view(), assessed.view(), owed.view(), scenario == null ? null : scenario.view()),
                filed.totalDuty(), assessed.totalDuty(), owed.totalDuty(), scenario == null ? null : scenario.totalDuty(),
                instruments(results), null);
    }

    @JsonProperty("refundCorrections")
    public BigDecimal refundCorrections() {
        return filed == null ? null : filed.subtract(assessed);
    }

    @JsonProperty("refundRuling")
    public BigDecimal refundRuling() {
        return assessed == null ? null : assessed.subtract(owed);
    }

    @JsonProperty("refund")
    public BigDecimal refund() {
        return filed == null ? null : filed.subtract(owed);
    }

    /** {@code filed - scenario}; absent without a what-if scenario. */
    @JsonProperty("refundUnderScenario")
    public BigDecimal refundUnderScenario() {
        return scenario == null ? null : filed.subtract(scenario);
    }

    /** Every program and heading with a duty in some view, in CBP order of the first view that has it. */
    private static List<Instrument> instruments(List<Result> results) {
        Map<String, Measure> first = new LinkedHashMap<>();
        Map<String, String> invalidated = new TreeMap<>();
        List<Map<String, BigDecimal>> amounts = new ArrayList<>();
        for (Result r : results) {
            Map<String, BigDecimal> byKey = new TreeMap<>();
            for (Measure m : r.measures()) {
                String key = m.program() + " " + m.heading();
                first.putIfAbsent(key, m);
                byKey.merge(key, m.amount(), BigDecimal::add);
                if (m.invalidated() != null) {
                    invalidated.putIfAbsent(key, m.invalidated());
                }
            }
            amounts.add(byKey);
        }
        List<Instrument> out = new ArrayList<>();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, Measure> e : first.entrySet()) {
            Measure m = e.getValue();
            String key = e.getKey();
            out.add(new Instrument(m.program(), m.heading(), m.citation(), invalidated.get(key),
                    amounts.get(0).getOrDefault(key, zero), amounts.get(1).getOrDefault(key, zero),
                    amounts.get(2).getOrDefault(key, zero),
                    amounts.size() > 3 ? amounts.get(3).getOrDefault(key, zero) : null));
        }
        return out;
    }

    /** The instruments whose duty differs between the views: what the JSON line lists. */
    @JsonProperty("differences")
    public List<Instrument> differences() {
        return instruments == null ? null : instruments.stream().filter(Instrument::changed).toList();
    }
}
