package dev.levy.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.levy.Timeline;
import dev.levy.model.Measure;
import dev.levy.model.NotApplied;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.model.ShipmentError;
import dev.levy.model.View;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/timeline}: one shipment's treatment across a span of entry dates, as periods. Each period starts on
 * a day where the additional duties change (from 12:01 a.m.), gives the total rate and the measures of entries in it,
 * and says what changed from the period before and under which instrument, and whether its measures rest on sources
 * of medium confidence. Without a value (rates only), there is no
 * {@code value}, {@code totalDuty} or {@code amount}; {@code view} says which law was read when it is not the final
 * schedule, as in a result.
 */
@JsonPropertyOrder({"hts", "origin", "value", "from", "to", "rulesVersion", "view", "periods"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineView(String hts, String origin, BigDecimal value, LocalDate from, LocalDate to,
                           String rulesVersion, View view, List<Period> periods) {

    /**
     * Entries from {@code from} to {@code to} (inclusive, US Eastern, 12:01 a.m. boundaries); {@code confidence} is
     * {@code medium} when one of its measures rests on a source of medium confidence (absent: all on primary text).
     */
    @JsonPropertyOrder({"from", "to", "totalRate", "totalDuty", "confidence", "measures", "changes"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(LocalDate from, LocalDate to, BigDecimal totalRate, BigDecimal totalDuty, String confidence,
                         List<Applied> measures, List<Change> changes) {}

    /** A measure of a period; {@code confidence} as the result's measure has it. */
    @JsonPropertyOrder({"program", "heading", "rate", "amount", "confidence"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Applied(String program, String heading, BigDecimal rate, BigDecimal amount, String confidence) {}

    /**
     * What changed for one program: it {@code starts}, {@code ends}, or its rate {@code changes}; with the citation
     * of the measure now applied, or of the exception that ended it.
     */
    @JsonPropertyOrder({"program", "kind", "heading", "rateBefore", "rateAfter", "citation"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String program, String kind, String heading, BigDecimal rateBefore, BigDecimal rateAfter,
                         String citation) {}

    /**
     * The periods of the timeline's points that overlap {@code [from, to]}, clipped to it; with the value and amounts
     * when {@code amounts}, else rates only (the shipment's value was not given).
     */
    public static TimelineView of(Result shipment, List<Timeline.Point> points, LocalDate from, LocalDate to,
                                  boolean amounts) {
        List<Period> periods = new ArrayList<>();
        Result before = null;
        for (int i = 0; i < points.size(); i++) {
            Timeline.Point p = points.get(i);
            LocalDate end = i + 1 < points.size() ? points.get(i + 1).from().minusDays(1) : to;
            if (!end.isBefore(from) && !p.from().isAfter(to)) {
                LocalDate start = p.from().isBefore(from) ? from : p.from();
                if (p.rejection() != null) { // a period the shipment cannot be evaluated in is never left out silently
                    ShipmentError e = p.rejection().error();
                    throw new HttpFailure(400, new Rejection(p.rejection().id(), new ShipmentError(e.code(), e.field(),
                            "entered from " + start + ": " + e.message())));
                }
                List<Change> changes = periods.isEmpty() ? List.of() : changes(before, p.result());
                List<Applied> applied = applied(p.result(), amounts);
                String confidence = applied.stream().map(Applied::confidence).filter(c -> c != null).findFirst()
                        .orElse(null);
                periods.add(new Period(start, end.isAfter(to) ? to : end, p.result().totalRate(),
                        amounts ? p.result().totalDuty() : null, confidence, applied, changes));
            }
            before = p.result();
        }
        return new TimelineView(shipment.hts(), shipment.origin(), amounts ? shipment.value() : null, from, to,
                shipment.rulesVersion(), shipment.view(), periods);
    }

    private static List<Applied> applied(Result r, boolean amounts) {
        return r.measures().stream().filter(m -> m.amount().signum() > 0 || !m.isAdditionalDuty())
                .map(m -> new Applied(m.program(), m.heading(), m.rate(), amounts ? m.amount() : null, m.confidence()))
                .toList();
    }

    private static List<Change> changes(Result before, Result after) {
        Map<String, Measure> was = Timeline.additionalDuties(before);
        Map<String, Measure> now = Timeline.additionalDuties(after);
        List<Change> out = new ArrayList<>();
        for (Measure m : now.values()) {
            Measure old = was.get(m.program());
            if (old == null) {
                out.add(new Change(m.program(), "starts", m.heading(), null, m.rate(), m.citation()));
            } else if (old.rate().compareTo(m.rate()) != 0 || !old.heading().equals(m.heading())) {
                out.add(new Change(m.program(), "changes", m.heading(), old.rate(), m.rate(), m.citation()));
            }
        }
        for (Measure old : was.values()) {
            if (!now.containsKey(old.program())) {
                NotApplied why = notApplied(after, old.program());
                out.add(new Change(old.program(), "ends", why == null ? old.heading() : why.heading(), old.rate(), null,
                        why == null ? old.citation() : why.citation()));
            }
        }
        return out;
    }

    private static NotApplied notApplied(Result r, String program) {
        return r.notApplied().stream().filter(n -> n.program().equals(program)).findFirst().orElse(null);
    }
}
