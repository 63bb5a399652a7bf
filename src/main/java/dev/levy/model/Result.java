package dev.levy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation of one shipment: measures in CBP reporting order, totals, what was not applied and why, and the
 * trace of every rule that fired. Immutable.
 *
 * @param view which law the result read when it is not the final schedule (as known on a day, a scenario); null, and
 *             absent from the JSON, for the final schedule
 * @param refundable USD to the cent, always present: {@code totalDuty} minus the duty the entry owes once every measure
 *             a court has held unlawful, with relief for every importer, is removed and the rest recomputed (an all-in
 *             heading that goes gives back the Chapter 1-97 line it had set to 0); 0.00 when nothing is; null, and
 *             absent from the JSON, when the evaluation's {@link Fields} leave it out (it is not computed then)
 * @param trace every rule that fired, in order; null, and absent from the JSON, when the evaluation's {@link Fields}
 *             leave it out (no message is rendered then)
 */
@JsonPropertyOrder({"id", "hts", "origin", "entryDate", "value", "view", "measures", "totalDuty", "totalRate",
        "refundable", "notApplied", "trace", "rulesVersion"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Result(String id, String hts, String origin, LocalDate entryDate, BigDecimal value,
                     List<Measure> measures, BigDecimal totalDuty, BigDecimal totalRate,
                     List<NotApplied> notApplied, List<TraceStep> trace, String rulesVersion,
                     View view, BigDecimal refundable) implements Evaluation {

    public Result {
        measures = List.copyOf(measures);
        notApplied = List.copyOf(notApplied);
        trace = trace == null ? null : List.copyOf(trace);
    }

    /** This result with its refundable amount. */
    public Result withRefundable(BigDecimal amount) {
        return new Result(id, hts, origin, entryDate, value, measures, totalDuty, totalRate, notApplied, trace,
                rulesVersion, view, amount);
    }
}
