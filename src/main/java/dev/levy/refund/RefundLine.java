package dev.levy.refund;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.model.Evaluation;
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
 * One entry line of a refund report: its duty as filed (the law as known at entry), as owed under the schedule as
 * finally amended, and as owed under a scenario, with the differences by program and Chapter 99 heading, and the
 * {@code views}: which law each amount read. A refund is {@code filed - owed}: positive when duty was overpaid, negative
 * when more is owed. Rejected inputs carry their error.
 */
@JsonPropertyOrder({"line", "id", "hts", "origin", "entryDate", "value", "views", "filed", "owed", "scenario", "refund",
        "refundUnderScenario", "differences", "error"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundLine(long line, String id, String hts, String origin, LocalDate entryDate, BigDecimal value,
                         Views views, BigDecimal filed, BigDecimal owed, BigDecimal scenario, BigDecimal refund,
                         BigDecimal refundUnderScenario, @JsonIgnore List<Instrument> instruments, ShipmentError error) {

    /**
     * The law each amount column read, as the results' {@code view}: {@code filed} the law as known on the line's regime
     * date, {@code scenario} the scenario; {@code owed} is the final schedule, so it has none (absent).
     */
    @JsonPropertyOrder({"filed", "owed", "scenario"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Views(View filed, View owed, View scenario) {}

    /**
     * The duty of one program under one heading (instrument) in each view; {@code changed} instruments only are listed
     * in JSON, all of them in the CSV.
     */
    @JsonPropertyOrder({"program", "heading", "citation", "filed", "owed", "scenario", "refund", "refundUnderScenario"})
    public record Instrument(String program, String heading, String citation, BigDecimal filed, BigDecimal owed,
                             BigDecimal scenario) {
        public BigDecimal getRefund() {
            return filed.subtract(owed);
        }

        public BigDecimal getRefundUnderScenario() {
            return filed.subtract(scenario);
        }

        boolean changed() {
            return filed.compareTo(owed) != 0 || filed.compareTo(scenario) != 0;
        }
    }

    /** The line from its three evaluations: as filed, as owed, under the scenario (in that order). */
    public static RefundLine of(long line, List<Evaluation> views) {
        for (Evaluation e : views) {
            if (e instanceof Rejection r) {
                return new RefundLine(line, r.id(), null, null, null, null, null, null, null, null, null, null, null,
                        r.error());
            }
        }
        Result filed = (Result) views.get(0);
        Result owed = (Result) views.get(1);
        Result scenario = (Result) views.get(2);
        return new RefundLine(line, filed.id(), filed.hts(), filed.origin(), filed.entryDate(), filed.value(),
                new Views(filed.view(), owed.view(), scenario.view()), filed.totalDuty(), owed.totalDuty(), scenario.totalDuty(), filed.totalDuty().subtract(owed.totalDuty()),
                filed.totalDuty().subtract(scenario.totalDuty()), instruments(filed, owed, scenario), null);
    }

    /** Every program and heading with a duty in some view, in CBP order of the first view that has it. */
    private static List<Instrument> instruments(Result filed, Result owed, Result scenario) {
        Map<String, Measure> first = new LinkedHashMap<>();
        List<Map<String, BigDecimal>> amounts = new ArrayList<>();
        for (Result r : List.of(filed, owed, scenario)) {
            Map<String, BigDecimal> byKey = new TreeMap<>();
            for (Measure m : r.measures()) {
                String key = m.program() + " " + m.heading();
                first.putIfAbsent(key, m);
                byKey.merge(key, m.amount(), BigDecimal::add);
            }
            amounts.add(byKey);
        }
        List<Instrument> out = new ArrayList<>();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, Measure> e : first.entrySet()) {
            Measure m = e.getValue();
            out.add(new Instrument(m.program(), m.heading(), m.citation(), amounts.get(0).getOrDefault(e.getKey(), zero),
                    amounts.get(1).getOrDefault(e.getKey(), zero), amounts.get(2).getOrDefault(e.getKey(), zero)));
        }
        return out;
    }

    /** The instruments whose duty differs between the views: what the JSON line lists. */
    @JsonProperty("differences")
    public List<Instrument> differences() {
        return instruments == null ? null : instruments.stream().filter(Instrument::changed).toList();
    }
}
